/**
 * Zipf-distributed key popularity, sampled in O(1) with Walker's alias method (Vose's
 * construction): key k is drawn with probability proportional to 1/(k+1)^s. Tables depend only on
 * (keys, s), so they are built once and shared, outside the simulation state.
 */
import type { Rng } from '../../core/rng';

export interface ZipfTable {
  n: number;
  s: number;
  /** Acceptance threshold per column as a 32-bit integer: keep the column if u32 < threshold. */
  threshold: Uint32Array;
  /** The other key in each column. */
  alias: Int32Array;
  /** Probability of each key (for views and tests). */
  p: Float64Array;
}

const TWO_POW_32 = 4294967296;
const cache = new Map<string, ZipfTable>();
// Arrivals ask for the same table every time: skip building the cache key.
let last: ZipfTable | undefined;

/** The probabilities 1/(k+1)^s, normalised. */
export function zipfProbabilities(n: number, s: number): Float64Array {
  const p = new Float64Array(n);
  let sum = 0;
  for (let k = 0; k < n; k++) sum += p[k] = 1 / Math.pow(k + 1, s);
  for (let k = 0; k < n; k++) p[k]! /= sum;
  return p;
}

/** The alias table for `n` keys with exponent `s` (cached). */
export function zipfTable(n: number, s: number): ZipfTable {
  if (last && last.n === n && last.s === s) return last;
  const id = `${n}:${s}`;
  const hit = cache.get(id);
  if (hit) return (last = hit);
  const p = zipfProbabilities(n, s);
  const scaled = new Float64Array(n);
  const small: number[] = [];
  const large: number[] = [];
  for (let k = 0; k < n; k++) {
    scaled[k] = p[k]! * n;
    (scaled[k]! < 1 ? small : large).push(k);
  }
  const threshold = new Uint32Array(n);
  const alias = new Int32Array(n);
  for (let k = 0; k < n; k++) alias[k] = k;
  while (small.length && large.length) {
    const lo = small.pop()!;
    const hi = large[large.length - 1]!;
    threshold[lo] = Math.floor(scaled[lo]! * TWO_POW_32);
    alias[lo] = hi;
    scaled[hi] = scaled[hi]! + scaled[lo]! - 1;
    if (scaled[hi]! < 1) small.push(large.pop()!);
  }
  // Leftovers are 1 up to rounding: always keep them.
  for (const k of [...small, ...large]) threshold[k] = TWO_POW_32 - 1;
  const table: ZipfTable = { n, s, threshold, alias, p };
  if (cache.size > 16) cache.clear();
  cache.set(id, table);
  return (last = table);
}

/** One key drawn from the table with two 32-bit draws. */
export function sampleKey(t: ZipfTable, rng: Rng): number {
  const column = Math.floor((rng.u32() * t.n) / TWO_POW_32);
  return rng.u32() < t.threshold[column]! ? column : t.alias[column]!;
}
