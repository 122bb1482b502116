/** Sizes reserved before a widget has drawn, so a docs page does not jump as it loads. */
import type { ModelInfo } from '../sim/core/info';
import type { EmbedOptions } from './options';

/**
 * Rough height of a whole widget in px. With the model's description it counts metrics and
 * params; without, it assumes a mid-sized model. A guess either way: the iframe snippet on the
 * Embed page uses the preview's measured height instead.
 */
export function estimatedHeight(o: EmbedOptions, info?: ModelInfo): number {
  const has = (c: string) => (o.controls as readonly string[]).includes(c);
  const metrics = info?.metrics.length ?? 8;
  const params = info ? Object.values(info.params.properties).filter((p) => !p.advanced).length : 6;
  const side = (has('metrics') ? 40 + 26 * metrics : 0) + (has('invariants') ? 40 + 22 * 5 : 0);
  const panels = Math.max(has('params') ? 70 + 34 * params : 0, has('log') ? 240 : 0);
  return (
    26 +
    (has('actions') ? 46 : 0) +
    Math.max(o.height, side) +
    (has('playback') ? 46 : 0) +
    (panels ? panels + 10 : 0)
  );
}
