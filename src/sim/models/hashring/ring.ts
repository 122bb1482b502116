/**
 * The 32-bit hash ring: every physical node owns several virtual nodes (vnodes) at positions
 * hash(nodeId, vnodeIndex); a key belongs to the first vnode at or after its hash, wrapping past
 * 2^32 - 1 back to the smallest position (Karger et al. 1997).
 */
import type { HashFamily } from '../../core/hash';

/** Sorted vnode positions and, in parallel, the physical node id owning each. */
export interface Ring {
  readonly positions: Uint32Array;
  readonly owners: Uint16Array;
  /**
   * `index[b]` is the first ring index whose position has top bits >= b (`index[2^bits]` is the
   * length): a lookup binary-searches one small bucket instead of the whole ring, which keeps the
   * search in cache and doubles throughput on 100,000-vnode rings.
   */
  readonly index: Uint32Array;
  readonly shift: number;
}

/** A physical node as the ring sees it: its id and how many vnodes it places. */
export interface RingMember {
  readonly id: number;
  readonly vnodes: number;
}

// Build packs (position, build index) into one double so a native numeric sort orders the ring.
// position < 2^32 and index < 2^21 keep the packed value below 2^53, so it stays exact. The build
// index also breaks ties between equal positions: lower node id first, then lower vnode index.
const INDEX_BITS = 21;
const INDEX_SCALE = 2 ** INDEX_BITS;
/** The most vnodes one ring can hold (64 nodes x 1,000 vnodes x weight 10 fits, as does 1,000 x 1,000). */
export const MAX_RING_VNODES = INDEX_SCALE;

/** A node's vnode count: its share of `vnodes` scaled by weight, never below one. */
export const vnodeCount = (vnodes: number, weight: number): number =>
  Math.max(1, Math.round(vnodes * weight));

/** Builds the ring for `members` (in the order given; callers pass ids ascending). */
export function buildRing(members: readonly RingMember[], hash: HashFamily, seed: number): Ring {
  let total = 0;
  for (const m of members) total += m.vnodes;
  if (total > MAX_RING_VNODES)
    throw new Error(`${total} vnodes exceed the ring's ${MAX_RING_VNODES}`);
  const packed = new Float64Array(total);
  const ownerByIndex = new Uint16Array(total);
  let k = 0;
  for (const m of members) {
    for (let v = 0; v < m.vnodes; v++) {
      packed[k] = hash.uu(m.id, v, seed) * INDEX_SCALE + k;
      ownerByIndex[k] = m.id;
      k++;
    }
  }
  packed.sort();
  const positions = new Uint32Array(total);
  const owners = new Uint16Array(total);
  for (let i = 0; i < total; i++) {
    const p = packed[i]!;
    const position = Math.floor(p / INDEX_SCALE);
    positions[i] = position;
    owners[i] = ownerByIndex[p - position * INDEX_SCALE]!;
  }
  return withIndex(positions, owners);
}

/** A ring from already sorted positions and their owners, with its lookup index. */
export function withIndex(positions: Uint32Array, owners: Uint16Array): Ring {
  // About one vnode per bucket; 2^16 buckets (256 KB) at most.
  const bits = Math.min(16, Math.max(1, Math.ceil(Math.log2(positions.length + 1))));
  const shift = 32 - bits;
  const buckets = 2 ** bits;
  const index = new Uint32Array(buckets + 1);
  let i = 0;
  for (let b = 0; b < buckets; b++) {
    while (i < positions.length && positions[i]! >>> shift < b) i++;
    index[b] = i;
  }
  index[buckets] = positions.length;
  return { positions, owners, index, shift };
}

/** Ring index of the first position >= h, wrapping to 0 past the end (the ring must not be empty). */
export function successor(ring: Ring, h: number): number {
  const { positions, index } = ring;
  const b = h >>> ring.shift;
  let lo = index[b]!;
  let hi = index[b + 1]!;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (positions[mid]! < h) lo = mid + 1;
    else hi = mid;
  }
  return lo === positions.length ? 0 : lo;
}

/** The node owning hash `h`. */
export const ringOwner = (ring: Ring, h: number): number => ring.owners[successor(ring, h)]!;

/** Owners of many hashes at once (the hot loop of the model and the experiments). */
export function ringOwners(
  ring: Ring,
  hashes: Uint32Array,
  out = new Uint16Array(hashes.length),
): Uint16Array {
  const { positions, owners, index, shift } = ring;
  const n = positions.length;
  for (let k = 0; k < hashes.length; k++) {
    const h = hashes[k]!;
    const b = h >>> shift;
    let lo = index[b]!;
    let hi = index[b + 1]!;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (positions[mid]! < h) lo = mid + 1;
      else hi = mid;
    }
    out[k] = owners[lo === n ? 0 : lo]!;
  }
  return out;
}

/**
 * The preference list of hash `h`: walking clockwise, the first `count` distinct physical nodes
 * (Dynamo's N replicas). Shorter when the ring has fewer distinct nodes.
 */
export function ringPreference(ring: Ring, h: number, count: number): number[] {
  const { positions, owners } = ring;
  const out: number[] = [];
  if (positions.length === 0) return out;
  let i = successor(ring, h);
  for (let steps = 0; steps < positions.length && out.length < count; steps++) {
    const o = owners[i]!;
    if (!out.includes(o)) out.push(o);
    i = i + 1 === positions.length ? 0 : i + 1;
  }
  return out;
}
