/**
 * 32-bit non-cryptographic hash functions, implemented over bytes exactly as their reference
 * implementations define them, plus fast paths for one and two little-endian u32 words (the ring
 * hashes integer key ids and (node, vnode) pairs millions of times; going through a byte array
 * would triple the cost). The fast paths are tested to equal the byte versions.
 */

const P1 = 0x9e3779b1;
const P2 = 0x85ebca77;
const P3 = 0xc2b2ae3d;
const P4 = 0x27d4eb2f;
const P5 = 0x165667b1;

const rotl = (x: number, r: number): number => (x << r) | (x >>> (32 - r));

function xxRound(acc: number, lane: number): number {
  acc = (acc + Math.imul(lane, P2)) | 0;
  acc = rotl(acc, 13);
  return Math.imul(acc, P1);
}

function xxAvalanche(h: number): number {
  h ^= h >>> 15;
  h = Math.imul(h, P2);
  h ^= h >>> 13;
  h = Math.imul(h, P3);
  h ^= h >>> 16;
  return h >>> 0;
}

const readU32 = (b: Uint8Array, i: number): number =>
  (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0;

/** xxHash32 (Yann Collet) of a byte array. */
export function xxhash32(bytes: Uint8Array, seed = 0): number {
  const len = bytes.length;
  let i = 0;
  let h: number;
  if (len >= 16) {
    let v1 = (seed + P1 + P2) | 0;
    let v2 = (seed + P2) | 0;
    let v3 = seed | 0;
    let v4 = (seed - P1) | 0;
    const limit = len - 16;
    while (i <= limit) {
      v1 = xxRound(v1, readU32(bytes, i));
      v2 = xxRound(v2, readU32(bytes, i + 4));
      v3 = xxRound(v3, readU32(bytes, i + 8));
      v4 = xxRound(v4, readU32(bytes, i + 12));
      i += 16;
    }
    h = (rotl(v1, 1) + rotl(v2, 7) + rotl(v3, 12) + rotl(v4, 18)) | 0;
  } else {
    h = (seed + P5) | 0;
  }
  h = (h + len) | 0;
  while (i + 4 <= len) {
    h = (h + Math.imul(readU32(bytes, i), P3)) | 0;
    h = Math.imul(rotl(h, 17), P4);
    i += 4;
  }
  while (i < len) {
    h = (h + Math.imul(bytes[i]!, P5)) | 0;
    h = Math.imul(rotl(h, 11), P1);
    i++;
  }
  return xxAvalanche(h);
}

/** xxhash32 of the 4 little-endian bytes of `x`. */
export function xxhash32u(x: number, seed = 0): number {
  let h = (seed + P5 + 4) | 0;
  h = (h + Math.imul(x, P3)) | 0;
  h = Math.imul(rotl(h, 17), P4);
  return xxAvalanche(h);
}

/** xxhash32 of the 8 little-endian bytes of `a` then `b`. */
export function xxhash32uu(a: number, b: number, seed = 0): number {
  let h = (seed + P5 + 8) | 0;
  h = (h + Math.imul(a, P3)) | 0;
  h = Math.imul(rotl(h, 17), P4);
  h = (h + Math.imul(b, P3)) | 0;
  h = Math.imul(rotl(h, 17), P4);
  return xxAvalanche(h);
}

const M1 = 0xcc9e2d51;
const M2 = 0x1b873593;

function murmurMix(h: number, k: number): number {
  k = Math.imul(k, M1);
  k = rotl(k, 15);
  k = Math.imul(k, M2);
  h ^= k;
  h = rotl(h, 13);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

function murmurFinal(h: number, len: number): number {
  h ^= len;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** MurmurHash3 x86_32 (Austin Appleby) of a byte array. */
export function murmur3(bytes: Uint8Array, seed = 0): number {
  const len = bytes.length;
  const blocks = len & ~3;
  let h = seed | 0;
  for (let i = 0; i < blocks; i += 4) h = murmurMix(h, readU32(bytes, i));
  const tail = len & 3;
  if (tail > 0) {
    let k = 0;
    if (tail === 3) k ^= bytes[blocks + 2]! << 16;
    if (tail >= 2) k ^= bytes[blocks + 1]! << 8;
    k ^= bytes[blocks]!;
    k = Math.imul(k, M1);
    k = rotl(k, 15);
    k = Math.imul(k, M2);
    h ^= k;
  }
  return murmurFinal(h, len);
}

/** murmur3 of the 4 little-endian bytes of `x`. */
export function murmur3u(x: number, seed = 0): number {
  return murmurFinal(murmurMix(seed | 0, x), 4);
}

/** murmur3 of the 8 little-endian bytes of `a` then `b`. */
export function murmur3uu(a: number, b: number, seed = 0): number {
  return murmurFinal(murmurMix(murmurMix(seed | 0, a), b), 8);
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a 32-bit of a byte array (seed is xored into the offset basis). */
export function fnv1a(bytes: Uint8Array, seed = 0): number {
  let h = (FNV_OFFSET ^ seed) | 0;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i]!, FNV_PRIME);
  return h >>> 0;
}

function fnvWord(h: number, x: number): number {
  h = Math.imul(h ^ (x & 0xff), FNV_PRIME);
  h = Math.imul(h ^ ((x >>> 8) & 0xff), FNV_PRIME);
  h = Math.imul(h ^ ((x >>> 16) & 0xff), FNV_PRIME);
  return Math.imul(h ^ (x >>> 24), FNV_PRIME);
}

/** FNV-1a of the 4 little-endian bytes of `x`. */
export function fnv1au(x: number, seed = 0): number {
  return fnvWord((FNV_OFFSET ^ seed) | 0, x) >>> 0;
}

/** FNV-1a of the 8 little-endian bytes of `a` then `b`. */
export function fnv1auu(a: number, b: number, seed = 0): number {
  return fnvWord(fnvWord((FNV_OFFSET ^ seed) | 0, a), b) >>> 0;
}

const encoder = new TextEncoder();

/** UTF-8 bytes of a string. */
export const utf8 = (s: string): Uint8Array => encoder.encode(s);

/** xxhash32 of a string's UTF-8 bytes, as 8 hex digits. */
export const hashString = (s: string, seed = 0): string =>
  xxhash32(utf8(s), seed).toString(16).padStart(8, '0');

/** A named hash function with its byte, one-word and two-word forms. */
export interface HashFamily {
  /** A HashId for the built-ins; the code lab's learner hash has its own. */
  readonly id: string;
  readonly label: string;
  bytes(b: Uint8Array, seed?: number): number;
  u(x: number, seed?: number): number;
  uu(a: number, b: number, seed?: number): number;
}

export const HASH_IDS = ['xxhash32', 'murmur3', 'fnv1a'] as const;
export type HashId = (typeof HASH_IDS)[number];

export const HASHES: Record<HashId, HashFamily> = {
  xxhash32: { id: 'xxhash32', label: 'xxHash32', bytes: xxhash32, u: xxhash32u, uu: xxhash32uu },
  murmur3: { id: 'murmur3', label: 'MurmurHash3', bytes: murmur3, u: murmur3u, uu: murmur3uu },
  fnv1a: { id: 'fnv1a', label: 'FNV-1a', bytes: fnv1a, u: fnv1au, uu: fnv1auu },
};
