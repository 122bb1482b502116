import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { HASHES, HASH_IDS } from '../../core/hash';
import { ringOwnerScan } from './reference';
import {
  buildRing,
  ringOwner,
  ringOwners,
  ringPreference,
  successor,
  vnodeCount,
  withIndex,
  type RingMember,
} from './ring';
import { loadStats } from './stats';

// `npm run test:long` explores far more cases with the same seeds.
const LONG = process.env.DSP_LONG ? 50 : 1;

const xx = HASHES.xxhash32;
const members = (n: number, vnodes: number): RingMember[] =>
  Array.from({ length: n }, (_, id) => ({ id, vnodes }));
const FC = { seed: 20240601, numRuns: 200 * LONG };

describe('buildRing', () => {
  it('holds every (node, vnode) hash exactly once, sorted, with its owner', () => {
    for (const hash of HASH_IDS) {
      const m: RingMember[] = [
        { id: 0, vnodes: 3 },
        { id: 2, vnodes: 5 },
        { id: 7, vnodes: 1 },
      ];
      const ring = buildRing(m, HASHES[hash], 99);
      const expected = m.flatMap((x) =>
        Array.from({ length: x.vnodes }, (_, v) => [HASHES[hash].uu(x.id, v, 99), x.id] as const),
      );
      expected.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      expect([...ring.positions]).toEqual(expected.map((e) => e[0]));
      expect([...ring.owners]).toEqual(expected.map((e) => e[1]));
    }
  });

  it('scales vnodes by weight, never below one', () => {
    expect(vnodeCount(100, 1)).toBe(100);
    expect(vnodeCount(100, 2.5)).toBe(250);
    expect(vnodeCount(1, 0.1)).toBe(1);
    expect(vnodeCount(8, 0.5)).toBe(4);
  });

  it('breaks ties between equal positions by node id', () => {
    // Two nodes forced onto identical positions: the index must still find the lower id first.
    const ring = withIndex(new Uint32Array([5, 5, 9]), new Uint16Array([1, 3, 2]));
    expect(ringOwner(ring, 5)).toBe(1);
    expect(ringOwner(ring, 6)).toBe(2);
    expect(ringOwner(ring, 10)).toBe(1);
  });
});

describe('lookup', () => {
  it('equals a brute-force scan, wraparound included', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.array(fc.integer({ min: 0, max: 0xffffffff }), { minLength: 1, maxLength: 50 }),
        (n, v, seed, hashes) => {
          const ring = buildRing(members(n, v), xx, seed);
          const hs = Uint32Array.from([
            ...hashes,
            0,
            0xffffffff,
            ring.positions[0]!,
            ring.positions.at(-1)!,
            ring.positions.at(-1)! + 1,
          ]);
          const fast = ringOwners(ring, hs);
          hs.forEach((h, i) => {
            expect(fast[i]).toBe(ringOwnerScan(ring, h));
            expect(ringOwner(ring, h)).toBe(fast[i]);
          });
        },
      ),
      FC,
    );
  });

  it('wraps past the largest position to the smallest', () => {
    const ring = withIndex(new Uint32Array([10, 20, 30]), new Uint16Array([0, 1, 2]));
    expect(successor(ring, 0)).toBe(0);
    expect(successor(ring, 10)).toBe(0);
    expect(successor(ring, 11)).toBe(1);
    expect(successor(ring, 31)).toBe(0);
    expect(successor(ring, 0xffffffff)).toBe(0);
  });
});

describe('preference lists', () => {
  it('walk clockwise collecting min(N, nodes) distinct nodes, the owner first', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 5 }),
        fc.nat(),
        (n, v, count, h) => {
          const ring = buildRing(members(n, v), xx, 3);
          const list = ringPreference(ring, h >>> 0, count);
          expect(list).toHaveLength(Math.min(n, count));
          expect(new Set(list).size).toBe(list.length);
          expect(list[0]).toBe(ringOwner(ring, h >>> 0));
        },
      ),
      FC,
    );
  });
});

describe('consistent hashing properties', () => {
  it('is monotone: adding a node moves keys only to it, removing one only from it', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 63 }), { minLength: 2, maxLength: 12 }),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 0, max: 0xffffffff }),
        (ids, v, seed) => {
          const [changed, ...rest] = ids as [number, ...number[]];
          const before = buildRing(
            rest.sort((a, b) => a - b).map((id) => ({ id, vnodes: v })),
            xx,
            seed,
          );
          const after = buildRing(
            [...ids].sort((a, b) => a - b).map((id) => ({ id, vnodes: v })),
            xx,
            seed,
          );
          const keys = Uint32Array.from({ length: 500 }, (_, k) => xx.u(k, seed ^ 1));
          const a = ringOwners(before, keys);
          const b = ringOwners(after, keys);
          for (let k = 0; k < keys.length; k++) if (a[k] !== b[k]) expect(b[k]).toBe(changed);
        },
      ),
      { ...FC, numRuns: 100 * LONG },
    );
  });

  it('moves about 1/(n+1) of keys when a node joins a ring with many vnodes', () => {
    const keys = Uint32Array.from({ length: 100_000 }, (_, k) => xx.u(k, 5));
    for (const n of [4, 9]) {
      const a = ringOwners(buildRing(members(n, 200), xx, 5), keys);
      const b = ringOwners(buildRing(members(n + 1, 200), xx, 5), keys);
      let moved = 0;
      for (let k = 0; k < keys.length; k++) if (a[k] !== b[k]) moved++;
      expect(Math.abs(moved / keys.length - 1 / (n + 1))).toBeLessThan(0.02);
    }
  });

  it('balances better as vnodes grow (CV falls roughly as 1/sqrt(vnodes))', () => {
    const keys = Uint32Array.from({ length: 200_000 }, (_, k) => xx.u(k, 8));
    const cvs = [1, 10, 100, 1000].map((v) => {
      const owners = ringOwners(buildRing(members(10, v), xx, 8), keys);
      const loads = new Array<number>(10).fill(0);
      for (const o of owners) loads[o]!++;
      return loadStats(loads).cv;
    });
    for (let i = 1; i < cvs.length; i++) expect(cvs[i]!).toBeLessThan(cvs[i - 1]!);
    expect(cvs[0]!).toBeGreaterThan(0.4);
    expect(cvs[3]!).toBeLessThan(0.06);
  });
});
