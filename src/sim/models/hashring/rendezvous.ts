/**
 * Rendezvous (highest random weight) hashing, Thaler & Ravishankar: every node scores every key
 * and the highest score owns it. Removing a node moves only its own keys; adding one takes only
 * the keys it now wins. The weighted score -w / ln(x), with x = hash / 2^32 in (0, 1], gives node
 * i a share w_i / sum(w) (an exponential race: ln(x) / w is exponential with rate w).
 */
import type { HashFamily } from '../../core/hash';

const TWO_POW_32 = 4294967296;

/** The weighted score of a node whose 32-bit hash with the key is `h32`. */
export function rendezvousScore(h32: number, weight: number): number {
  const x = (h32 + 1) / TWO_POW_32;
  // ln(1) is 0 and -w / 0 would be -Infinity: the best possible draw must score highest instead.
  return x === 1 ? Infinity : -weight / Math.log(x);
}

/** Everything rendezvous needs to score a key against the live nodes. */
export interface RendezvousNodes {
  readonly live: readonly number[];
  readonly weights: readonly number[];
  /** All weights equal: compare raw hashes and skip the logarithm (same order, 10x faster). */
  readonly uniform: boolean;
  readonly hash: HashFamily;
  readonly seed: number;
}

/** The node with the highest score for the key at `keyHash`; ties go to the lower id. */
export function rendezvousOwner(r: RendezvousNodes, keyHash: number): number {
  const { live, weights, hash, seed } = r;
  let best = -1;
  let bestScore = -Infinity;
  for (let i = 0; i < live.length; i++) {
    const h = hash.uu(keyHash, live[i]!, seed);
    const score = r.uniform ? h : rendezvousScore(h, weights[i]!);
    if (score > bestScore || best < 0) {
      best = live[i]!;
      bestScore = score;
    }
  }
  return best;
}

/** The `count` highest-scoring nodes for the key, best first (the replicas). */
export function rendezvousPreference(r: RendezvousNodes, keyHash: number, count: number): number[] {
  const scored = r.live.map((id, i) => {
    const h = r.hash.uu(keyHash, id, r.seed);
    return { id, score: r.uniform ? h : rendezvousScore(h, r.weights[i]!) };
  });
  // Stable sort keeps ties in id order, matching rendezvousOwner.
  scored.sort((a, b) => b.score - a.score);
  return scored.slice(0, count).map((s) => s.id);
}
