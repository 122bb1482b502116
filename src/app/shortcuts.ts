/** Keyboard shortcuts, routed to the active widget; ignored while typing in a field. */
import { useEffect } from 'react';
import { activeWidget } from '../widget/handles';

export const SHORTCUTS: [string, string][] = [
  ['Space', 'Play or pause'],
  ['→', 'Step to the next event'],
  ['←', 'Back one second (Shift: ten)'],
  ['Shift + →', 'Forward one second'],
  ['Home', 'Back to the start'],
  ['+ / -', 'Faster / slower'],
  ['F', 'Fork: drop the future and continue live from here'],
  ['S', 'Share a link to this exact run'],
  ['?', 'Show or hide this help'],
];

const typing = (t: EventTarget | null): boolean => {
  if (!(t instanceof HTMLElement)) return false;
  if (t.isContentEditable) return true;
  if (t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement) return true;
  if (t instanceof HTMLInputElement)
    return !['checkbox', 'radio', 'button', 'range'].includes(t.type);
  return false;
};

export function useShortcuts(toggleHelp: () => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
      if (e.key === '?') {
        e.preventDefault();
        toggleHelp();
        return;
      }
      const w = activeWidget();
      if (!w) return;
      const onControl =
        e.target instanceof HTMLButtonElement ||
        (e.target instanceof HTMLInputElement && e.target.type !== 'range');
      switch (e.key) {
        case ' ':
          if (onControl) return; // Space activates the focused button.
          e.preventDefault();
          w.toggle();
          break;
        case 'ArrowRight':
          if (e.target instanceof HTMLInputElement) return; // sliders own their arrows
          e.preventDefault();
          if (e.shiftKey) w.seekBy(1000);
          else w.step();
          break;
        case 'ArrowLeft':
          if (e.target instanceof HTMLInputElement) return;
          e.preventDefault();
          w.seekBy(e.shiftKey ? -10_000 : -1000);
          break;
        case 'Home':
          e.preventDefault();
          w.reset();
          break;
        case '+':
        case '=':
          w.speedBy(1);
          break;
        case '-':
        case '_':
          w.speedBy(-1);
          break;
        case 'f':
        case 'F':
          w.fork();
          break;
        case 's':
        case 'S':
          w.share();
          break;
      }
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [toggleHelp]);
}
