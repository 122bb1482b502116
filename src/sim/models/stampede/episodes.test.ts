import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupEpisodes, keyPerEpisode, type Interval } from './episodes';

const iv = (key: number, start: number, end: number): Interval => ({ key, start, end });

describe('episode grouping', () => {
  it('counts a chain of overlaps as one episode even when its ends do not overlap', () => {
    // a overlaps b, b overlaps c, a and c are disjoint: one episode of three.
    const s = groupEpisodes([iv(0, 0, 10), iv(0, 8, 20), iv(0, 18, 30)]);
    expect(s.sizes).toEqual([3]);
    expect(s.perEpisode).toBe(3);
  });

  it('splits at a gap and treats touching intervals as separate (half-open)', () => {
    const s = groupEpisodes([iv(0, 0, 10), iv(0, 10, 20), iv(0, 25, 30), iv(0, 26, 27)]);
    expect(s.sizes).toEqual([1, 1, 2]);
    expect(s.episodes).toBe(3);
    expect(s.perEpisode).toBeCloseTo(4 / 3);
  });

  it('joins through a long interval that covers later short ones', () => {
    const s = groupEpisodes([iv(0, 0, 100), iv(0, 10, 11), iv(0, 50, 51), iv(0, 99, 150)]);
    expect(s.sizes).toEqual([4]);
  });

  it('keeps keys apart and does not depend on input order', () => {
    const list = [iv(1, 5, 15), iv(0, 0, 10), iv(1, 0, 6), iv(0, 20, 30), iv(0, 5, 8)];
    const s = groupEpisodes(list);
    expect(s.keys).toEqual([0, 0, 1]);
    expect(s.sizes).toEqual([2, 1, 2]);
    expect(keyPerEpisode(s, 0)).toBe(1.5);
    expect(keyPerEpisode(s, 1)).toBe(2);
    expect(keyPerEpisode(s, 7)).toBe(0);
    expect(groupEpisodes([...list].reverse()).sizes).toEqual(s.sizes);
  });

  it('treats a recomputation still running (end = Infinity) as overlapping everything after it', () => {
    expect(groupEpisodes([iv(0, 0, Infinity), iv(0, 1e9, 1e9 + 1)]).sizes).toEqual([2]);
  });

  it('reports nothing for no intervals', () => {
    expect(groupEpisodes([])).toMatchObject({ episodes: 0, recomputes: 0, perEpisode: 0 });
  });

  it('agrees with a brute-force union-find on random intervals', () => {
    const arb = fc.array(
      fc.record({
        key: fc.integer({ min: 0, max: 3 }),
        start: fc.integer({ min: 0, max: 100 }),
        len: fc.integer({ min: 1, max: 20 }),
      }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(arb, (raw) => {
        const list = raw.map((r) => iv(r.key, r.start, r.start + r.len));
        const parent = list.map((_, i) => i);
        const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
        list.forEach((a, i) =>
          list.forEach((b, j) => {
            if (a.key === b.key && a.start < b.end && b.start < a.end) parent[find(i)] = find(j);
          }),
        );
        const roots = new Set(list.map((_, i) => find(i)));
        const s = groupEpisodes(list);
        expect(s.episodes).toBe(roots.size);
        expect(s.sizes.reduce((a, b) => a + b, 0)).toBe(list.length);
      }),
      { numRuns: 300 },
    );
  });
});
