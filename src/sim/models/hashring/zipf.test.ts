import { describe, expect, it } from 'vitest';
import { Rng } from '../../core/rng';
import { zipfCdf, zipfRank } from './zipf';

describe('zipf', () => {
  it('is uniform at s = 0 and ends at exactly 1', () => {
    const cdf = zipfCdf(4, 0);
    expect([...cdf]).toEqual([0.25, 0.5, 0.75, 1]);
    expect(zipfRank(cdf, 0)).toBe(0);
    expect(zipfRank(cdf, 0.25)).toBe(1);
    expect(zipfRank(cdf, 0.999999)).toBe(3);
  });

  it('gives rank r a share near 1/r^s over H(n, s)', () => {
    const n = 100;
    const s = 1.2;
    const cdf = zipfCdf(n, s);
    let h = 0;
    for (let r = 1; r <= n; r++) h += 1 / r ** s;
    const rng = new Rng(11);
    const counts = new Array<number>(n).fill(0);
    const draws = 200_000;
    for (let i = 0; i < draws; i++) counts[zipfRank(cdf, rng.float())]!++;
    for (const r of [1, 2, 5, 20]) {
      const expected = 1 / r ** s / h;
      expect(Math.abs(counts[r - 1]! / draws - expected)).toBeLessThan(0.01);
    }
  });
});
