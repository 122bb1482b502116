/**
 * A small log-bucket latency histogram: bucket k holds values in [MIN * R^k, MIN * R^(k+1)), so a
 * quantile read from it is within about 1% of the exact one (R = 1.02, the relative bucket width,
 * halved by answering with the bucket's geometric middle). Plain typed arrays: it survives
 * structuredClone for checkpoints.
 */
const MIN_MS = 0.01;
const RATIO = 1.02;
const LOG_RATIO = Math.log(RATIO);
/** Buckets from 0.01 ms to about 100 s; larger values land in the last one. */
export const BUCKETS = Math.ceil(Math.log(1e7) / LOG_RATIO) + 1;

export interface Histogram {
  counts: Uint32Array;
  n: number;
}

export const newHistogram = (): Histogram => ({ counts: new Uint32Array(BUCKETS), n: 0 });

export function bucketOf(ms: number): number {
  if (!(ms > MIN_MS)) return 0;
  return Math.min(BUCKETS - 1, Math.floor(Math.log(ms / MIN_MS) / LOG_RATIO));
}

export function record(h: Histogram, ms: number): void {
  h.counts[bucketOf(ms)]!++;
  h.n++;
}

export function clear(h: Histogram): void {
  h.counts.fill(0);
  h.n = 0;
}

/** The q-quantile (nearest rank), as the middle of its bucket; NaN when empty. */
export function quantile(h: Histogram, q: number): number {
  if (h.n === 0) return NaN;
  const rank = Math.max(1, Math.ceil(q * h.n));
  let seen = 0;
  for (let k = 0; k < BUCKETS; k++) {
    seen += h.counts[k]!;
    if (seen >= rank) return k === 0 ? MIN_MS : MIN_MS * Math.pow(RATIO, k + 0.5);
  }
  return MIN_MS * Math.pow(RATIO, BUCKETS);
}
