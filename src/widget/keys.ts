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
