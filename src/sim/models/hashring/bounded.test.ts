import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { HASHES } from '../../core/hash';
import { boundedCapacities, boundedOwners } from './bounded';
import { buildRing, successor, type Ring } from './ring';

// `npm run test:long` explores far more cases with the same seeds.
const LONG = process.env.DSP_LONG ? 50 : 1;

const xx = HASHES.xxhash32;

/** The paper's rule walked one vnode at a time: no union-find. */
function naiveBounded(
  ring: Ring,
  live: number[],
  weights: number[],
  keys: Uint32Array,
  eps: number,
): Uint16Array {
  const caps = boundedCapacities(weights, keys.length, eps);
  const load = new Map<number, number>();
  const out = new Uint16Array(keys.length);
  keys.forEach((h, k) => {
    let i = successor(ring, h);
    for (;;) {
      const o = ring.owners[i]!;
      if ((load.get(o) ?? 0) < caps[live.indexOf(o)]!) {
        load.set(o, (load.get(o) ?? 0) + 1);
        out[k] = o;
        return;
      }
      i = (i + 1) % ring.positions.length;
    }
  });
  return out;
}

describe('bounded loads', () => {
  it('has capacity ceil((1 + eps) m / n) with equal weights', () => {
    expect(boundedCapacities([1, 1, 1, 1], 1000, 0.25)).toEqual([313, 313, 313, 313]);
    expect(boundedCapacities([1, 3], 100, 0)).toEqual([25, 75]);
    // Exact in real arithmetic, a hair above 11000 in doubles.
    expect(boundedCapacities(new Array<number>(10).fill(1), 100_000, 0.1)[0]).toBe(11_000);
    expect(boundedCapacities([1, 1, 1], 1000, 0.01)).toEqual([337, 337, 337]);
  });

  it('never exceeds capacity and equals the naive clockwise walk', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 63 }), { minLength: 1, maxLength: 10 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 0, max: 3000 }),
        fc.double({ min: 0.01, max: 3, noNaN: true }),
        fc.boolean(),
        (ids, v, m, eps, weighted) => {
          const live = [...ids].sort((a, b) => a - b);
          const weights = live.map((id) => (weighted ? 1 + (id % 4) : 1));
          const ring = buildRing(
            live.map((id, i) => ({ id, vnodes: Math.max(1, Math.round(v * weights[i]!)) })),
            xx,
            m,
          );
          const keys = Uint32Array.from({ length: m }, (_, k) => xx.u(k, 4));
          const owners = boundedOwners(ring, live, weights, keys, eps);
          expect([...owners]).toEqual([...naiveBounded(ring, live, weights, keys, eps)]);
          const caps = boundedCapacities(weights, m, eps);
          const loads = live.map((id) => owners.filter((o) => o === id).length);
          loads.forEach((load, i) => expect(load).toBeLessThanOrEqual(caps[i]!));
        },
      ),
      { seed: 2016, numRuns: 150 * LONG },
    );
  });

  it('caps the busiest node at (1 + eps) times the mean even with one vnode per node', () => {
    const live = [0, 1, 2, 3, 4, 5, 6, 7];
    const ring = buildRing(
      live.map((id) => ({ id, vnodes: 1 })),
      xx,
      1,
    );
    const keys = Uint32Array.from({ length: 100_000 }, (_, k) => xx.u(k, 2));
    const owners = boundedOwners(
      ring,
      live,
      live.map(() => 1),
      keys,
      0.1,
    );
    const max = Math.max(...live.map((id) => owners.filter((o) => o === id).length));
    expect(max).toBeLessThanOrEqual(13_750);
  });
});
