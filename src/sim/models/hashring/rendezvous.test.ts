import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { HASHES } from '../../core/hash';
import {
  rendezvousOwner,
  rendezvousPreference,
  rendezvousScore,
  type RendezvousNodes,
} from './rendezvous';

// `npm run test:long` explores far more cases with the same seeds.
const LONG = process.env.DSP_LONG ? 50 : 1;

const xx = HASHES.xxhash32;
const nodes = (live: number[], weights?: number[]): RendezvousNodes => ({
  live,
  weights: weights ?? live.map(() => 1),
  uniform: !weights,
  hash: xx,
  seed: 77,
});
const FC = { seed: 1998, numRuns: 200 * LONG };

describe('rendezvous hashing', () => {
  it('scores the best possible draw highest instead of dividing by ln(1) = 0', () => {
    expect(rendezvousScore(0xffffffff, 1)).toBe(Infinity);
    expect(rendezvousScore(0, 1)).toBeGreaterThan(0);
    expect(rendezvousScore(0x7fffffff, 2)).toBeCloseTo(2 / Math.LN2, 12); // x = 1/2
  });

  it('picks the same owner with the uniform fast path as with the weighted formula', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 63 }), { minLength: 1, maxLength: 20 }),
        fc.nat(),
        (live, key) => {
          const fast = rendezvousOwner(nodes(live), key);
          const slow = rendezvousOwner(
            nodes(
              live,
              live.map(() => 1),
            ),
            key,
          );
          expect(fast).toBe(slow);
          expect(rendezvousPreference(nodes(live), key, 3)[0]).toBe(fast);
        },
      ),
      FC,
    );
  });

  it('is monotone: a new node takes keys only for itself, a leaving one gives away only its own', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 63 }), { minLength: 2, maxLength: 16 }),
        fc.array(fc.double({ min: 0.1, max: 10, noNaN: true }), { minLength: 16, maxLength: 16 }),
        (ids, w) => {
          const [changed, ...rest] = ids as [number, ...number[]];
          const weightOf = (id: number) => w[ids.indexOf(id)]!;
          const before = nodes(rest, rest.map(weightOf));
          const after = nodes(ids, ids.map(weightOf));
          for (let k = 0; k < 300; k++) {
            const h = xx.u(k, 3);
            const a = rendezvousOwner(before, h);
            const b = rendezvousOwner(after, h);
            if (a !== b) expect(b).toBe(changed);
          }
        },
      ),
      { ...FC, numRuns: 100 * LONG },
    );
  });

  it('gives each node a share proportional to its weight', () => {
    const r = nodes([0, 1, 2], [1, 2, 5]);
    const counts = [0, 0, 0];
    const n = 80_000;
    for (let k = 0; k < n; k++) counts[rendezvousOwner(r, xx.u(k, 9))]!++;
    [1, 2, 5].forEach((w, i) => expect(Math.abs(counts[i]! / n - w / 8)).toBeLessThan(0.01));
  });
});
