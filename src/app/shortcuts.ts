/** Keyboard shortcuts, routed to the active widget; ignored while typing in a field. */
import { useEffect } from 'react';
import { activeWidget } from '../widget/handles';
import { isTyping, widgetKey } from '../widget/keys';

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

export function useShortcuts(toggleHelp: () => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      if (e.key === '?') {
        e.preventDefault();
        toggleHelp();
        return;
      }
      const w = activeWidget();
      if (w) widgetKey(e, w, e.target);
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [toggleHelp]);
}
