/**
 * Consistent hashing with bounded loads (Mirrokni, Thorup & Zadimoghaddam 2018): every node has
 * a capacity of ceil((1 + epsilon) * m / n) keys; keys are placed in key-id order, each on the
 * first node clockwise from its hash that still has room. No node exceeds (1 + epsilon) times the
 * mean, at the price of extra moves when membership changes (keys cascade past full nodes).
 */
import { successor, type Ring } from './ring';

/** The capacity of a node of weight `weight`: its share of (1 + epsilon) * m, rounded up. */
export function capacityOf(
  weight: number,
  totalWeight: number,
  keyCount: number,
  epsilon: number,
): number {
  const share = ((1 + epsilon) * keyCount * weight) / totalWeight;
  // 1.1 * 100000 / 10 is 11000.000000000002 in doubles; the paper's ceiling of it is 11000.
  return Math.ceil(share - share * 1e-12);
}

/** Each node's capacity for `keyCount` keys (ceil((1 + eps) * m / n) with equal weights). */
export function boundedCapacities(
  weights: readonly number[],
  keyCount: number,
  epsilon: number,
): number[] {
  let total = 0;
  for (const w of weights) total += w;
  return weights.map((w) => capacityOf(w, total, keyCount, epsilon));
}

/**
 * Places `keyHashes` in order. Full nodes are spliced out of the walk with a union-find over ring
 * indices ("next vnode whose node still has room"), so a key never steps over dead vnodes one by
 * one: about O(m + V) in all, even with epsilon near 0 where plain walking degrades to O(m * V).
 */
export function boundedOwners(
  ring: Ring,
  live: readonly number[],
  weights: readonly number[],
  keyHashes: Uint32Array,
  epsilon: number,
  onProgress?: (done: number) => void,
): Uint16Array {
  const { positions, owners } = ring;
  const v = positions.length;
  const m = keyHashes.length;
  const out = new Uint16Array(m);
  if (m === 0 || v === 0) return out;
  const capacity = boundedCapacities(weights, m, epsilon);
  let maxId = 0;
  for (const id of live) maxId = Math.max(maxId, id);
  const dense = new Int32Array(maxId + 1).fill(-1);
  live.forEach((id, i) => (dense[id] = i));
  // Each node's ring indices, so a node that fills up can be spliced out in one pass.
  const start = new Int32Array(live.length + 1);
  for (let i = 0; i < v; i++) start[dense[owners[i]!]! + 1]!++;
  for (let d = 0; d < live.length; d++) start[d + 1]! += start[d]!;
  const fill = start.slice(0, live.length);
  const byNode = new Int32Array(v);
  for (let i = 0; i < v; i++) byNode[fill[dense[owners[i]!]!]!++] = i;
  // next[i] === i: vnode i is open; otherwise follow next towards the next open one. next[v] is
  // the sentinel past the end, where the walk wraps to 0.
  const next = new Int32Array(v + 1);
  for (let i = 0; i <= v; i++) next[i] = i;
  const find = (i: number): number => {
    let root = i;
    while (next[root] !== root) root = next[root]!;
    while (next[i] !== root) {
      const up = next[i]!;
      next[i] = root;
      i = up;
    }
    return root;
  };
  const load = new Int32Array(live.length);
  for (let k = 0; k < m; k++) {
    let j = find(successor(ring, keyHashes[k]!));
    if (j === v) j = find(0);
    const owner = owners[j]!;
    const d = dense[owner]!;
    out[k] = owner;
    if (++load[d]! === capacity[d]!) {
      for (let x = start[d]!; x < start[d + 1]!; x++) next[byNode[x]!] = byNode[x]! + 1;
    }
    if (onProgress && (k & 0xffff) === 0xffff) onProgress(k + 1);
  }
  return out;
}
