import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { HASHES } from '../../core/hash';
import { deriveSeeds, keyHashesFor, membersOf, placementOf, type Config } from './layout';
import { STRATEGY_IDS, type StrategyId } from './params';
import { referenceOwner } from './reference';
import { buildRing } from './ring';
import { assignOwners, preferenceList } from './strategies';

// `npm run test:long` explores far more cases with the same seeds.
const LONG = process.env.DSP_LONG ? 50 : 1;

const seeds = deriveSeeds(7);
const config = (strategy: StrategyId, ids: number[], vnodes = 100, keyCount = 20_000): Config => ({
  nodes: ids.map((id) => ({ id, weight: 1 })),
  vnodes,
  hash: 'xxhash32',
  strategy,
  epsilon: 0.25,
  keyCount,
});
const placementFor = (c: Config) =>
  placementOf(c, buildRing(membersOf(c), HASHES[c.hash], seeds.ring), seeds);
const keys = (n: number) => keyHashesFor(HASHES.xxhash32, seeds.key, n);
const movedFraction = (strategy: StrategyId, before: number[], after: number[]): number => {
  const k = keys(20_000);
  const a = assignOwners(placementFor(config(strategy, before)), k);
  const b = assignOwners(placementFor(config(strategy, after)), k);
  let moved = 0;
  for (let i = 0; i < k.length; i++) if (a[i] !== b[i]) moved++;
  return moved / k.length;
};
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('strategies', () => {
  it('agree with the slow reference rules', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<StrategyId>('ring', 'modulo', 'jump', 'rendezvous'),
        fc.uniqueArray(fc.integer({ min: 0, max: 63 }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 30 }),
        (strategy, ids, v) => {
          const p = placementFor(
            config(
              strategy,
              [...ids].sort((a, b) => a - b),
              v,
            ),
          );
          const k = keys(200);
          const owners = assignOwners(p, k);
          k.forEach((h, i) => expect(owners[i]).toBe(referenceOwner(p, h)));
        },
      ),
      { seed: 31, numRuns: 150 * LONG },
    );
  });

  it('move about 1/(n+1) of keys on a join, except hash % N, which moves about n/(n+1)', () => {
    for (const n of [4, 9]) {
      const ideal = 1 / (n + 1);
      for (const s of ['ring', 'jump', 'rendezvous'] as const)
        expect(Math.abs(movedFraction(s, range(n), range(n + 1)) - ideal)).toBeLessThan(0.03);
      expect(Math.abs(movedFraction('modulo', range(n), range(n + 1)) - n / (n + 1))).toBeLessThan(
        0.03,
      );
    }
  });

  it('give preference lists of min(N, nodes) distinct live nodes, owner first', () => {
    for (const strategy of STRATEGY_IDS) {
      for (const n of [1, 2, 6]) {
        const p = placementFor(config(strategy, range(n), 4, 500));
        const k = keys(500);
        const owners = assignOwners(p, k);
        for (let i = 0; i < 50; i++) {
          const list = preferenceList(p, k[i]!, owners[i]!, 3);
          expect(list).toHaveLength(Math.min(3, n));
          expect(new Set(list).size).toBe(list.length);
          expect(list[0]).toBe(owners[i]);
        }
      }
    }
  });

  it('report progress while placing many keys', () => {
    const calls: number[] = [];
    assignOwners(placementFor(config('ring', range(4))), keys(200_000), (done) => calls.push(done));
    expect(calls.at(-1)).toBe(200_000);
    expect(calls.length).toBeGreaterThan(2);
  });
});
