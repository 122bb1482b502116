/**
 * The hashring experiments: the same placement code as the model, run once over up to
 * 10,000,000 keys and 1,000 nodes. Same params and seed, same result, in Node and in a browser.
 */
import { HASHES, type HashFamily } from '../../core/hash';
import type { AnyExperimentDef, ExperimentDef } from '../../core/types';
import { moduloMovedCount } from './change';
import {
  balanceMeta,
  rebalanceMeta,
  type BalanceParams,
  type BalanceResult,
  type RebalanceParams,
  type RebalanceResult,
} from './experimentsMeta';
import { deriveSeeds, membersOf, placementOf, type Config } from './layout';
import { buildRing } from './ring';
import { loadStats } from './stats';
import { assignOwners } from './strategies';
import { boundedCapacities } from './bounded';
import { MAX_SEED } from '../../core/scenario';

type Progress = ((done: number, total: number) => void) | undefined;

const CHUNK = 1 << 18;

/** What placing keys needs: the params both experiments share. */
type PlaceParams = Omit<BalanceParams, 'seeds'>;

const configOf = (p: PlaceParams, ids: readonly number[]): Config => ({
  nodes: ids.map((id) => ({ id, weight: 1 })),
  vnodes: p.vnodes,
  hash: p.hash,
  strategy: p.strategy,
  epsilon: p.epsilon,
  keyCount: p.keys,
});

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

/** Key hashes in chunks, reporting progress as the first of `phases` equal phases. */
function hashKeys(
  p: PlaceParams,
  hash: HashFamily,
  seed: number,
  onProgress: Progress,
  phases: number,
): Uint32Array {
  const out = new Uint32Array(p.keys);
  for (let from = 0; from < p.keys; from += CHUNK) {
    const to = Math.min(p.keys, from + CHUNK);
    for (let k = from; k < to; k++) out[k] = hash.u(k, seed);
    onProgress?.(to, p.keys * phases);
  }
  return out;
}

/** Owners of all keys for the nodes `ids`, reporting progress as phase `phase` of `phases`. */
function ownersFor(
  p: PlaceParams,
  hash: HashFamily,
  ids: readonly number[],
  keyHashes: Uint32Array,
  onProgress: Progress,
  phase: number,
  phases: number,
): Uint16Array {
  const seeds = deriveSeeds(p.seed);
  const config = configOf(p, ids);
  const ring = buildRing(membersOf(config), hash, seeds.ring);
  const base = p.keys * phase;
  return assignOwners({ ...placementOf(config, ring, seeds), hash }, keyHashes, (done) =>
    onProgress?.(base + done, p.keys * phases),
  );
}

/**
 * hashring-balance. `hash` replaces the `p.hash` family everywhere (keys, vnodes, rendezvous
 * scores): the code lab passes a learner's hash function this way. With `seeds` above 1 it builds
 * that many rings (seeds seed, seed + 1, ...) and averages their statistics: one ring's CV is
 * one sample, and a law like 1/√vnodes holds on average, not ring by ring.
 */
export function runBalance(
  p: BalanceParams,
  onProgress?: (done: number, total: number) => void,
  hash: HashFamily = HASHES[p.hash],
): BalanceResult {
  const runs: BalanceResult[] = [];
  for (let i = 0; i < p.seeds; i++) {
    const seed = (p.seed + i) % (MAX_SEED + 1);
    const base = 2 * p.keys * i;
    const progress: Progress =
      onProgress && ((done) => onProgress(base + done, 2 * p.keys * p.seeds));
    runs.push(balanceOnce({ ...p, seed }, progress, hash));
  }
  const first = runs[0]!;
  if (runs.length === 1) return first;
  const meanOf = (f: (r: BalanceResult) => number) =>
    runs.reduce((a, r) => a + f(r), 0) / runs.length;
  const cvs = runs.map((r) => r.cv);
  return {
    ...first,
    cv: meanOf((r) => r.cv),
    cvLowest: Math.min(...cvs),
    cvHighest: Math.max(...cvs),
    maxOverMean: meanOf((r) => r.maxOverMean),
    minOverMean: meanOf((r) => r.minOverMean),
  };
}

/** One ring's balance, reporting progress over 2 × keys. */
function balanceOnce(p: BalanceParams, onProgress: Progress, hash: HashFamily): BalanceResult {
  const keyHashes = hashKeys(p, hash, deriveSeeds(p.seed).key, onProgress, 2);
  const owners = ownersFor(p, hash, range(p.nodes), keyHashes, onProgress, 1, 2);
  const loads = new Array<number>(p.nodes).fill(0);
  for (let k = 0; k < owners.length; k++) loads[owners[k]!]!++;
  onProgress?.(2 * p.keys, 2 * p.keys);
  const stats = loadStats(loads);
  const capacity =
    p.strategy === 'bounded'
      ? boundedCapacities(new Array<number>(p.nodes).fill(1), p.keys, p.epsilon)[0]!
      : 0;
  return { loads, ...stats, cvLowest: stats.cv, cvHighest: stats.cv, capacity };
}

function runRebalance(
  p: RebalanceParams,
  onProgress?: (done: number, total: number) => void,
): RebalanceResult {
  if (p.op === 'remove' && p.nodes < 2)
    throw new Error('nodes: removing a node needs at least 2 nodes');
  const before = range(p.nodes);
  // Add node n, or remove the highest id: the only removal jump hash supports cheaply.
  const after = p.op === 'add' ? range(p.nodes + 1) : range(p.nodes - 1);
  const hash = HASHES[p.hash];
  const keyHashes = hashKeys(p, hash, deriveSeeds(p.seed).key, onProgress, 3);
  const a = ownersFor(p, hash, before, keyHashes, onProgress, 1, 3);
  const b = ownersFor(p, hash, after, keyHashes, onProgress, 2, 3);
  let moved = 0;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) moved++;
  const moduloMoved = moduloMovedCount(keyHashes, before, after);
  onProgress?.(3 * p.keys, 3 * p.keys);
  return {
    keys: p.keys,
    moved,
    movedFraction: moved / p.keys,
    idealFraction: p.op === 'add' ? 1 / (p.nodes + 1) : 1 / p.nodes,
    moduloMovedFraction: moduloMoved / p.keys,
  };
}

/** hashring-balance: keys per node for one configuration. */
export const balanceExperiment: ExperimentDef<BalanceParams, BalanceResult> = {
  meta: balanceMeta,
  run: (p, onProgress) => runBalance(p, onProgress),
};

/** hashring-rebalance: keys moved by adding or removing one node. */
export const rebalanceExperiment: ExperimentDef<RebalanceParams, RebalanceResult> = {
  meta: rebalanceMeta,
  run: runRebalance,
};

/** Every hashring experiment, for the registry. */
export const hashringExperiments: AnyExperimentDef[] = [balanceExperiment, rebalanceExperiment];
