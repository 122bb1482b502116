/**
 * Sliding-window statistics for the live metrics: the last second of virtual time in ten slices of
 * 100 ms, each with counters and a log-bucketed latency histogram. Writing touches one slice;
 * reading sums the slices still inside the window, so quantiles cost a few hundred additions
 * whatever the request rate, and reading never mutates the state.
 */

export const SLICE_MS = 100;
export const SLICES = 10;
/** Latency buckets: [0, 0.1 ms), then 8 per doubling from 0.1 ms up to about 10^6 ms. */
export const BUCKETS = 188;
const BASE_MS = 0.1;
const PER_DOUBLING = 8;

/** Per-slice counters, in this order within `counts`. */
export const C_FINISHED = 0;
export const C_HITS = 1;
export const C_STALE = 2;
export const C_TIMEOUTS = 3;
export const C_DB = 4;
export const C_ARRIVED = 5;
const COUNTERS = 6;

export interface StatsWindow {
  /** Absolute slice number (floor(t / SLICE_MS)) each slot holds; -1 when empty. */
  slot: Float64Array;
  counts: Uint32Array;
  hist: Uint32Array;
  /** Longest latency per slice: quantiles never exceed it (a bucket's middle can). */
  max: Float64Array;
}

export function createWindow(): StatsWindow {
  return {
    slot: new Float64Array(SLICES).fill(-1),
    counts: new Uint32Array(SLICES * COUNTERS),
    hist: new Uint32Array(SLICES * BUCKETS),
    max: new Float64Array(SLICES),
  };
}

/** The slot for time `now`, cleared if it held an older slice. */
function slotAt(w: StatsWindow, now: number): number {
  const abs = Math.floor(now / SLICE_MS);
  const i = abs % SLICES;
  if (w.slot[i] !== abs) {
    w.slot[i] = abs;
    w.counts.fill(0, i * COUNTERS, (i + 1) * COUNTERS);
    w.hist.fill(0, i * BUCKETS, (i + 1) * BUCKETS);
    w.max[i] = 0;
  }
  return i;
}

export function bucketOf(latencyMs: number): number {
  if (latencyMs < BASE_MS) return 0;
  const b = 1 + Math.floor(PER_DOUBLING * Math.log2(latencyMs / BASE_MS));
  return b < BUCKETS ? b : BUCKETS - 1;
}

/** A representative latency for a bucket: 0 for the first, else its geometric middle. */
export function bucketValue(b: number): number {
  return b === 0 ? 0 : BASE_MS * Math.pow(2, (b - 0.5) / PER_DOUBLING);
}

export function countAt(w: StatsWindow, now: number, counter: number): void {
  w.counts[slotAt(w, now) * COUNTERS + counter]!++;
}

/** Records a finished request: its latency and whether it was a hit, stale or a timeout. */
export function recordFinish(
  w: StatsWindow,
  now: number,
  latencyMs: number,
  counter: number,
): void {
  const i = slotAt(w, now);
  w.counts[i * COUNTERS + C_FINISHED]!++;
  if (counter !== C_FINISHED) w.counts[i * COUNTERS + counter]!++;
  w.hist[i * BUCKETS + bucketOf(latencyMs)]!++;
  if (latencyMs > w.max[i]!) w.max[i] = latencyMs;
}

export interface WindowSummary {
  /** Length of time the window covers, ms: 900 to 1000, less at the very start. */
  spanMs: number;
  counts: number[];
  p50: number;
  p99: number;
}

/** Sums the slices inside the window ending at `now`; does not modify `w`. */
export function summarize(w: StatsWindow, now: number): WindowSummary {
  const cur = Math.floor(now / SLICE_MS);
  const counts = new Array<number>(COUNTERS).fill(0);
  const hist = new Float64Array(BUCKETS);
  let max = 0;
  for (let i = 0; i < SLICES; i++) {
    const abs = w.slot[i]!;
    if (abs < 0 || abs <= cur - SLICES || abs > cur) continue;
    if (w.max[i]! > max) max = w.max[i]!;
    for (let c = 0; c < COUNTERS; c++) counts[c]! += w.counts[i * COUNTERS + c]!;
    for (let b = 0; b < BUCKETS; b++) hist[b]! += w.hist[i * BUCKETS + b]!;
  }
  const total = counts[C_FINISHED]!;
  const spanMs = Math.max(1, Math.min(now, now - (cur - SLICES + 1) * SLICE_MS));
  // A bucket's middle can lie above every latency in it (1017 ms with a 1000 ms timeout).
  const p50 = Math.min(max, quantile(hist, total, 0.5));
  const p99 = Math.min(max, quantile(hist, total, 0.99));
  return { spanMs, counts, p50, p99 };
}

function quantile(hist: Float64Array, total: number, q: number): number {
  if (total === 0) return NaN;
  const rank = Math.max(1, Math.ceil(q * total));
  let seen = 0;
  for (let b = 0; b < BUCKETS; b++) {
    seen += hist[b]!;
    if (seen >= rank) return bucketValue(b);
  }
  return bucketValue(BUCKETS - 1);
}
