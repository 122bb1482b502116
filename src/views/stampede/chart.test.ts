import { describe, expect, it } from 'vitest';
import { niceMax, peakLoad } from './chart';

describe('the database-load chart', () => {
  it('rounds the axis up to 1, 2, 2.5 or 5 times a power of ten', () => {
    expect([0.5, 1, 7, 20, 25, 26, 250, 251, 4000].map(niceMax)).toEqual([
      1, 1, 10, 20, 25, 50, 250, 500, 5000,
    ]);
  });

  it('reports the peak of running plus queued queries', () => {
    const history = {
      t0: 0,
      slotMs: 100,
      running: [1, 20, 20],
      queue: [0, 180, 40],
      hot: [],
      expiries: [],
    };
    expect(peakLoad(history)).toBe(200);
  });
});
