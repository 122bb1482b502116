import { describe, expect, it } from 'vitest';
import type { ModelInfo } from '../sim/core/info';
import { estimatedHeight } from './estimate';
import { DEFAULT_OPTIONS, parseEmbedOptions } from './options';

// Heights Chromium drew (issue 13 bug 6): a model with 9 params shown and none advanced.
const info = {
  params: { properties: Object.fromEntries([...'abcdefghi'].map((k) => [k, {}])) },
} as unknown as ModelInfo;
const opts = (controls: string) => parseEmbedOptions({ controls }).options;
const within = (px: number, drawn: number) =>
  expect(Math.abs(px - drawn)).toBeLessThan(drawn * 0.06);

describe('estimatedHeight', () => {
  it('side by side (1000 px wide)', () => {
    within(estimatedHeight(DEFAULT_OPTIONS, info, 1000), 887);
    within(estimatedHeight(opts('playback log'), info, 1000), 518);
    within(estimatedHeight(opts('playback metrics'), info, 1000), 449);
    // Width unknown: as wide.
    expect(estimatedHeight(DEFAULT_OPTIONS, info)).toBe(
      estimatedHeight(DEFAULT_OPTIONS, info, 1000),
    );
  });
  it('stacked in a 624 px column: the side, the panels and wrapped rows add up', () => {
    within(estimatedHeight(DEFAULT_OPTIONS, info, 624), 1428);
    within(estimatedHeight(opts('playback log'), info, 624), 556);
    within(estimatedHeight(opts('playback metrics'), info, 624), 879);
    within(estimatedHeight(opts('playback'), info, 624), 487);
  });
});
