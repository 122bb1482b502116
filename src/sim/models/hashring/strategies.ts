/**
 * The five ways to place keys on nodes, behind one interface so the model, the experiments and
 * the invariants agree: ring (Karger), modulo (hash % n, the naive baseline), jump (Lamping &
 * Veach), rendezvous (highest random weight) and bounded (ring with capacities).
 */
import type { HashFamily } from '../../core/hash';
import { boundedOwners } from './bounded';
import { jumpHash } from './jump';
import { rendezvousOwner, rendezvousPreference, type RendezvousNodes } from './rendezvous';
import { ringOwners, ringPreference, type Ring } from './ring';
import type { StrategyId } from './params';

/** Everything needed to place keys: the live nodes, their weights and the ring built from them. */
export interface Placement {
  readonly strategy: StrategyId;
  readonly hash: HashFamily;
  /** Live node ids, ascending: bucket i of modulo and jump is node live[i]. */
  readonly live: readonly number[];
  /** Weights parallel to `live` (ring and bounded scale vnodes by them; rendezvous scores). */
  readonly weights: readonly number[];
  readonly ring: Ring;
  /** Seed of the rendezvous scores (node and key hashes have their own). */
  readonly scoreSeed: number;
  /** Slack of bounded loads: capacity ceil((1 + epsilon) * m / n). */
  readonly epsilon: number;
}

/** Does the strategy read the ring? (modulo, jump and rendezvous ignore it.) */
export const usesRing = (s: StrategyId): boolean => s === 'ring' || s === 'bounded';

/** Does the strategy honor node weights? */
export const usesWeights = (s: StrategyId): boolean => s !== 'modulo' && s !== 'jump';

const rendezvousNodes = (p: Placement): RendezvousNodes => ({
  live: p.live,
  weights: p.weights,
  uniform: p.weights.every((w) => w === p.weights[0]),
  hash: p.hash,
  seed: p.scoreSeed,
});

const PROGRESS_EVERY = 65536;

/** Owners of every key, in key order; `onProgress(done)` fires every 65,536 keys. */
export function assignOwners(
  p: Placement,
  keyHashes: Uint32Array,
  onProgress?: (done: number) => void,
): Uint16Array {
  const m = keyHashes.length;
  if (p.strategy === 'bounded')
    return boundedOwners(p.ring, p.live, p.weights, keyHashes, p.epsilon, onProgress);
  if (p.strategy === 'ring') {
    // Chunks only so progress can be reported; ringOwners is the hot loop.
    const out = new Uint16Array(m);
    for (let from = 0; from < m; from += PROGRESS_EVERY) {
      const to = Math.min(m, from + PROGRESS_EVERY);
      ringOwners(p.ring, keyHashes.subarray(from, to), out.subarray(from, to));
      onProgress?.(to);
    }
    return out;
  }
  const out = new Uint16Array(m);
  const { live } = p;
  const n = live.length;
  const r = p.strategy === 'rendezvous' ? rendezvousNodes(p) : null;
  for (let k = 0; k < m; k++) {
    const h = keyHashes[k]!;
    if (r) out[k] = rendezvousOwner(r, h);
    else if (p.strategy === 'jump') out[k] = live[jumpHash(h, 0, n)]!;
    else out[k] = live[h % n]!;
    if (onProgress && (k & (PROGRESS_EVERY - 1)) === PROGRESS_EVERY - 1) onProgress(k + 1);
  }
  return out;
}

/**
 * The `count` nodes holding replicas of a key whose primary is `owner`: the ring's clockwise
 * distinct nodes, rendezvous's next best scores, the next buckets for modulo and jump. Bounded
 * keeps its (possibly displaced) primary first, then the ring's clockwise order.
 */
export function preferenceList(
  p: Placement,
  keyHash: number,
  owner: number,
  count: number,
): number[] {
  const want = Math.min(count, p.live.length);
  switch (p.strategy) {
    case 'ring':
      return ringPreference(p.ring, keyHash, want);
    case 'bounded': {
      const rest = ringPreference(p.ring, keyHash, want + 1).filter((id) => id !== owner);
      return [owner, ...rest].slice(0, want);
    }
    case 'rendezvous':
      return rendezvousPreference(rendezvousNodes(p), keyHash, want);
    default: {
      const b = p.live.indexOf(owner);
      return Array.from({ length: want }, (_, i) => p.live[(b + i) % p.live.length]!);
    }
  }
}
