/**
 * Slow, obviously correct versions of the placement rules: the invariants and tests compare the
 * fast code against these, so they share no lookup code with it.
 */
import { rendezvousScore } from './rendezvous';
import type { Ring } from './ring';
import type { Placement } from './strategies';

/** The ring owner of `h` by a linear scan: smallest position >= h, else the smallest overall. */
export function ringOwnerScan(ring: Ring, h: number): number {
  let best = -1;
  let lowest = -1;
  for (let i = 0; i < ring.positions.length; i++) {
    const p = ring.positions[i]!;
    if (p >= h && (best < 0 || p < ring.positions[best]!)) best = i;
    if (lowest < 0 || p < ring.positions[lowest]!) lowest = i;
  }
  const at = best >= 0 ? best : lowest;
  return at < 0 ? -1 : ring.owners[at]!;
}

const MASK64 = (1n << 64n) - 1n;

/** Jump consistent hash exactly as published, over BigInt (the key is a 64-bit unsigned bigint). */
export function jumpHashBig(key: bigint, buckets: number): number {
  let b = -1n;
  let j = 0n;
  while (j < BigInt(buckets)) {
    b = j;
    key = (key * 2862933555777941757n + 1n) & MASK64;
    j = BigInt(Math.floor(Number(b + 1n) * (2 ** 31 / Number((key >> 33n) + 1n))));
  }
  return Number(b);
}

/** The rendezvous owner by scoring every node with the weighted formula (no uniform fast path). */
export function rendezvousOwnerScan(p: Placement, keyHash: number): number {
  let best = -1;
  let bestScore = -Infinity;
  p.live.forEach((id, i) => {
    const score = rendezvousScore(p.hash.uu(keyHash, id, p.scoreSeed), p.weights[i]!);
    if (best < 0 || score > bestScore) {
      best = id;
      bestScore = score;
    }
  });
  return best;
}

/** The owner of one key by the slow rules (bounded depends on every earlier key: not covered). */
export function referenceOwner(p: Placement, keyHash: number): number {
  const n = p.live.length;
  switch (p.strategy) {
    case 'ring':
      return ringOwnerScan(p.ring, keyHash);
    case 'modulo':
      return p.live[keyHash % n]!;
    case 'jump':
      return p.live[jumpHashBig(BigInt(keyHash), n)]!;
    case 'rendezvous':
      return rendezvousOwnerScan(p, keyHash);
    case 'bounded':
      throw new Error('bounded owners depend on the order of placement');
  }
}

/**
 * For bounded loads: every node the clockwise walk from `keyHash` passes before reaching `owner`
 * must be full now (loads only grow while placing, so a node full then is full at the end).
 * Returns the id of a node that was skipped with room to spare, or null.
 */
export function boundedSkippedWithRoom(
  ring: Ring,
  keyHash: number,
  owner: number,
  loadOf: (id: number) => number,
  capacityOf: (id: number) => number,
): number | null {
  const v = ring.positions.length;
  let i = 0;
  while (i < v && ring.positions[i]! < keyHash) i++;
  for (let steps = 0; steps < v; steps++, i++) {
    const o = ring.owners[i % v]!;
    if (o === owner) return null;
    if (loadOf(o) < capacityOf(o)) return o;
  }
  return null;
}
