/**
 * What a key does to a widget, shared by the app's page-wide shortcuts and the embed element,
 * which listens only on itself so it never takes keys from the host page.
 */
import type { WidgetHandle } from './handles';

/** True when the key belongs to a text field (typing must not drive the simulation). */
export function isTyping(t: EventTarget | null): boolean {
  if (!(t instanceof HTMLElement)) return false;
  if (t.isContentEditable) return true;
  if (t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement) return true;
  if (t instanceof HTMLInputElement)
    return !['checkbox', 'radio', 'button', 'range'].includes(t.type);
  return false;
}

/** Keys `widgetKey` may act on (without Ctrl, Meta or Alt). */
const WIDGET_KEYS = new Set([
  ' ',
  'ArrowRight',
  'ArrowLeft',
  'Home',
  '+',
  '=',
  '-',
  '_',
  'f',
  'F',
  's',
  'S',
]);

/**
 * True when a key event that started at `target`, inside a widget, belongs to the widget: typed
 * into one of its fields, or one of its shortcuts. An embed stops such events at its boundary,
 * so the host page's own shortcuts (a docs site's `/` search, `.` next page) do not fire too.
 */
export function ownsKey(e: KeyboardEvent, target: EventTarget | null): boolean {
  if (isTyping(target)) return true;
  return !e.ctrlKey && !e.metaKey && !e.altKey && WIDGET_KEYS.has(e.key);
}

/**
 * Applies a playback shortcut to `w`; returns true when the key was used. `target` is the element
 * that really has focus (inside a shadow root, `e.target` is the host element).
 */
export function widgetKey(e: KeyboardEvent, w: WidgetHandle, target: EventTarget | null): boolean {
  if (e.ctrlKey || e.metaKey || e.altKey || isTyping(target)) return false;
  const onControl =
    target instanceof HTMLButtonElement ||
    (target instanceof HTMLInputElement && target.type !== 'range');
  switch (e.key) {
    case ' ':
      if (onControl) return false; // Space activates the focused button.
      e.preventDefault();
      w.toggle();
      return true;
    case 'ArrowRight':
      if (target instanceof HTMLInputElement) return false; // sliders own their arrows
      e.preventDefault();
      if (e.shiftKey) w.seekBy(1000);
      else w.step();
      return true;
    case 'ArrowLeft':
      if (target instanceof HTMLInputElement) return false;
      e.preventDefault();
      w.seekBy(e.shiftKey ? -10_000 : -1000);
      return true;
    case 'Home':
      e.preventDefault();
      w.reset();
      return true;
    case '+':
    case '=':
      w.speedBy(1);
      return true;
    case '-':
    case '_':
      w.speedBy(-1);
      return true;
    case 'f':
    case 'F':
      w.fork();
      return true;
    case 's':
    case 'S':
      w.share();
      return true;
    default:
      return false;
  }
}
