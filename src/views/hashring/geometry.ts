/** Ring geometry shared by the drawing and hit-testing: hash -> angle -> pixels, and back. */

const TWO_POW_32 = 4294967296;
export const TAU = Math.PI * 2;

/** Angle in radians of a 32-bit hash: 0 at the top, growing clockwise. */
export const angleOf = (h: number): number => (h / TWO_POW_32) * TAU - Math.PI / 2;

/** The hash at an angle (inverse of angleOf), for hit-testing. */
export const hashAt = (angle: number): number => {
  let a = (angle + Math.PI / 2) % TAU;
  if (a < 0) a += TAU;
  return Math.floor((a / TAU) * TWO_POW_32);
};

export interface RingLayout {
  cx: number;
  cy: number;
  /** Radius of the arc band (owners). */
  ringR: number;
  ringWidth: number;
  /** Keys are drawn in [keyInnerR, keyOuterR]. */
  keyInnerR: number;
  keyOuterR: number;
}

export function layout(width: number, height: number): RingLayout {
  const side = Math.min(width, height);
  const ringR = side / 2 - 34;
  return {
    cx: width / 2,
    cy: height / 2,
    ringR,
    ringWidth: Math.max(6, side / 40),
    keyInnerR: ringR * 0.62,
    keyOuterR: ringR - side / 30,
  };
}

/** A stable radial offset per key (0..1), so dots at nearby hashes do not sit on one line. */
export const jitterOf = (key: number): number => {
  let x = Math.imul(key ^ 0x9e3779b9, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return (x >>> 0) / TWO_POW_32;
};

/** First index i with sorted[i] >= h, wrapping to 0 past the end. */
export function successor(sorted: Uint32Array, h: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < h) lo = mid + 1;
    else hi = mid;
  }
  return lo === sorted.length ? 0 : lo;
}

/** Key indices ordered by hash, for nearest-key lookups. */
export function sortByHash(hashes: Uint32Array): Uint32Array {
  const idx = new Uint32Array(hashes.length);
  for (let i = 0; i < idx.length; i++) idx[i] = i;
  return idx.sort((a, b) => hashes[a]! - hashes[b]!);
}

/**
 * The ring walk from a hash: ring indices visited until `replicas` distinct owners are found
 * (or every node is). `stopAt` ends the walk at a given owner (bounded loads skip full nodes).
 */
export function walk(
  positions: Uint32Array,
  owners: Uint16Array,
  h: number,
  replicas: number,
  nodeCount: number,
): { visited: number[]; chosen: number[] } {
  const visited: number[] = [];
  const chosen: number[] = [];
  if (positions.length === 0) return { visited, chosen };
  const want = Math.min(replicas, nodeCount);
  let i = successor(positions, h);
  for (let steps = 0; steps < positions.length && chosen.length < want; steps++) {
    visited.push(i);
    const o = owners[i]!;
    if (!chosen.some((c) => owners[c] === o)) chosen.push(i);
    i = (i + 1) % positions.length;
  }
  return { visited, chosen };
}
