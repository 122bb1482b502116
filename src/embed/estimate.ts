/** Sizes reserved before a widget has drawn, so a docs page does not jump as it loads. */
import type { EmbedOptions } from './options';

/** Rough height of a whole widget, reserved before it starts so the page does not jump. */
export function estimatedHeight(o: EmbedOptions): number {
  const has = (c: string) => (o.controls as readonly string[]).includes(c);
  return (
    o.height +
    26 +
    (has('actions') ? 44 : 0) +
    (has('playback') ? 44 : 0) +
    (has('params') || has('log') ? 240 : 0)
  );
}
