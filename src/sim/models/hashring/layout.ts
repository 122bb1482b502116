/**
 * From a configuration (live nodes, vnodes, hash, strategy, key count) to the arrays the model
 * holds: the ring, every key's hash and every key's owner. Arrays are never mutated once built,
 * so checkpoints and frames share them; a change builds new ones, reusing what did not change.
 */
import { HASHES, type HashFamily, type HashId } from '../../core/hash';
import { Rng } from '../../core/rng';
import type { StrategyId } from './params';
import { buildRing, vnodeCount, type Ring, type RingMember } from './ring';
import { assignOwners, type Placement } from './strategies';

/** A live node: stable id (never renumbered) and weight. */
export interface NodeSpec {
  readonly id: number;
  readonly weight: number;
}

/** Everything that decides where keys live. */
export interface Config {
  /** Live nodes, ids ascending. */
  readonly nodes: readonly NodeSpec[];
  readonly vnodes: number;
  readonly hash: HashId;
  readonly strategy: StrategyId;
  readonly epsilon: number;
  readonly keyCount: number;
}

/** Seeds of the three hash uses, derived from the scenario seed. */
export interface Seeds {
  readonly ring: number;
  readonly key: number;
  readonly score: number;
}

/** The model and the experiments derive the same seeds, so equal seeds give equal layouts. */
export function deriveSeeds(seed: number): Seeds {
  const r = new Rng(seed).stream('hashring');
  return { ring: r.u32(), key: r.u32(), score: r.u32() };
}

export interface Layout {
  readonly ring: Ring;
  readonly keyHashes: Uint32Array;
  readonly owners: Uint16Array;
}

/** The ring members of a config: each node's vnode count scaled by its weight. */
export const membersOf = (c: Config): RingMember[] =>
  c.nodes.map((n) => ({ id: n.id, vnodes: vnodeCount(c.vnodes, n.weight) }));

/** The strategy inputs for a config and its ring. */
export function placementOf(c: Config, ring: Ring, seeds: Seeds): Placement {
  return {
    strategy: c.strategy,
    hash: HASHES[c.hash],
    live: c.nodes.map((n) => n.id),
    weights: c.nodes.map((n) => n.weight),
    ring,
    scoreSeed: seeds.score,
    epsilon: c.epsilon,
  };
}

/** Hashes of keys 0..count-1; reuses a shorter prefix computed with the same hash and seed. */
export function keyHashesFor(
  hash: HashFamily,
  seed: number,
  count: number,
  prefix?: Uint32Array,
): Uint32Array {
  const out = new Uint32Array(count);
  let from = 0;
  if (prefix) {
    from = Math.min(prefix.length, count);
    out.set(prefix.subarray(0, from));
  }
  for (let k = from; k < count; k++) out[k] = hash.u(k, seed);
  return out;
}

const sameRing = (a: Config, b: Config): boolean => {
  if (a.hash !== b.hash || a.nodes.length !== b.nodes.length) return false;
  const ma = membersOf(a);
  const mb = membersOf(b);
  return ma.every((m, i) => m.id === mb[i]!.id && m.vnodes === mb[i]!.vnodes);
};

/** Builds the layout of `next`, reusing the ring and key hashes of `prev` where they still hold. */
export function computeLayout(
  next: Config,
  seeds: Seeds,
  prev?: { config: Config; layout: Layout },
): Layout {
  const hash = HASHES[next.hash];
  const ring =
    prev && sameRing(prev.config, next)
      ? prev.layout.ring
      : buildRing(membersOf(next), hash, seeds.ring);
  let keyHashes: Uint32Array;
  if (prev && prev.config.hash === next.hash) {
    keyHashes =
      prev.config.keyCount === next.keyCount
        ? prev.layout.keyHashes
        : keyHashesFor(hash, seeds.key, next.keyCount, prev.layout.keyHashes);
  } else {
    keyHashes = keyHashesFor(hash, seeds.key, next.keyCount);
  }
  const owners = assignOwners(placementOf(next, ring, seeds), keyHashes);
  return { ring, keyHashes, owners };
}

/** Keys per node id (an array indexed by id, `size` long). */
export function loadsById(owners: Uint16Array, size: number): number[] {
  const loads = new Array<number>(size).fill(0);
  for (let k = 0; k < owners.length; k++) loads[owners[k]!]!++;
  return loads;
}
