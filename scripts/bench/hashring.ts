/**
 * Benchmarks of the hashring model's hot paths, timed with the wall clock (which src/sim may not
 * read). Run alone with `npx tsx scripts/bench/hashring.ts`, or through the bench runner.
 */
import { fileURLToPath } from 'node:url';
import { HASHES } from '../../src/sim/core/hash';
import { balanceExperiment } from '../../src/sim/models/hashring/experiments';
import { balanceParams } from '../../src/sim/models/hashring/experimentsMeta';
import { buildRing, ringOwners } from '../../src/sim/models/hashring/ring';
import type { Bench } from './types';

const xx = HASHES.xxhash32;
const members = (nodes: number, vnodes: number) =>
  Array.from({ length: nodes }, (_, id) => ({ id, vnodes }));

/** Best of `repeats` timed runs after one warm-up, in ms: the JIT and caches settle first. */
function bestMs(repeats: number, fn: () => void): number {
  fn();
  let best = Infinity;
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    fn();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

export const hashringBenches: Bench[] = [
  {
    name: 'hashring: ring lookups (100 nodes x 1,000 vnodes, 1M keys)',
    target: '>= 10,000,000 lookups/s',
    meets: (v) => v >= 10_000_000,
    run() {
      const ring = buildRing(members(100, 1000), xx, 7);
      const keys = Uint32Array.from({ length: 1_000_000 }, (_, k) => xx.u(k, 3));
      const out = new Uint16Array(keys.length);
      const ms = bestMs(5, () => ringOwners(ring, keys, out));
      return { value: Math.round((keys.length / ms) * 1000), unit: 'lookups/s' };
    },
  },
  {
    name: 'hashring: build a ring of 100 nodes x 1,000 vnodes',
    target: '<= 50 ms',
    meets: (v) => v <= 50,
    run() {
      return { value: bestMs(5, () => buildRing(members(100, 1000), xx, 7)), unit: 'ms' };
    },
  },
  {
    name: 'hashring-balance: 1M keys on 100 nodes x 1,000 vnodes',
    target: '<= 1000 ms',
    meets: (v) => v <= 1000,
    run() {
      const params = balanceParams.parse({ nodes: 100, vnodes: 1000, keys: 1_000_000 });
      return { value: bestMs(3, () => balanceExperiment.run(params)), unit: 'ms' };
    },
  },
];

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const b of hashringBenches) {
    const { value, unit } = b.run();
    const shown = unit === 'ms' ? value.toFixed(1) : value.toLocaleString('en-US');
    console.log(
      `${b.meets?.(value) ? 'ok  ' : 'SLOW'} ${b.name}: ${shown} ${unit} (target ${b.target})`,
    );
  }
}
