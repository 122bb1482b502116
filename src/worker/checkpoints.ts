/**
 * The host's checkpoints: snapshots of the simulation to seek from, capped in count AND in
 * estimated bytes. A long run (Raft's logs grow with every client request, so each snapshot
 * grows too) thins them out, keeping them evenly spread over the run: seeks replay further, and
 * memory stays bounded whatever the run length.
 */
import type { SimSnapshot } from '../sim/core/sim';

export interface Checkpoint {
  t: number;
  snap: SimSnapshot;
  bytes: number;
}

export interface CheckpointLimits {
  maxCount: number;
  maxBytes: number;
}

export const DEFAULT_CHECKPOINT_LIMITS: CheckpointLimits = { maxCount: 1000, maxBytes: 48e6 };

/** Arrays longer than this are sized from a sample of their elements. */
const SAMPLE_OVER = 32;
const SAMPLES = 8;

/**
 * A rough, quick estimate of how many bytes `value` holds (V8-ish sizes). Long arrays are
 * measured from a few elements, so the cost stays small whatever the size; an object met twice
 * in one walk (Raft's entries, shared by every server's log) counts once.
 */
export function estimateBytes(value: unknown, seen = new WeakSet<object>(), depth = 0): number {
  if (value === null || value === undefined) return 8;
  switch (typeof value) {
    case 'number':
    case 'boolean':
      return 8;
    case 'string':
      return 16 + 2 * value.length;
    case 'object':
      break;
    default:
      return 8;
  }
  const obj = value as object;
  if (seen.has(obj)) return 8;
  seen.add(obj);
  if (ArrayBuffer.isView(obj)) return 64 + obj.byteLength;
  if (depth > 12) return 64;
  if (Array.isArray(obj)) {
    const n = obj.length;
    if (n <= SAMPLE_OVER) {
      let sum = 16;
      for (const v of obj as unknown[]) sum += 8 + estimateBytes(v, seen, depth + 1);
      return sum;
    }
    let sampled = 0;
    for (let k = 0; k < SAMPLES; k++) {
      const i = Math.floor(((k + 0.5) * n) / SAMPLES);
      sampled += estimateBytes(obj[i], seen, depth + 1);
    }
    return 16 + 8 * n + (sampled / SAMPLES) * n;
  }
  if (obj instanceof Map) {
    let sum = 64;
    for (const [k, v] of obj as Map<unknown, unknown>)
      sum += 16 + estimateBytes(k, seen, depth + 1) + estimateBytes(v, seen, depth + 1);
    return sum;
  }
  let sum = 24;
  for (const key in obj)
    sum += 8 + estimateBytes((obj as Record<string, unknown>)[key], seen, depth + 1);
  return sum;
}

export class Checkpoints {
  private list: Checkpoint[] = [];
  private bytes = 0;

  constructor(private readonly limits: CheckpointLimits = DEFAULT_CHECKPOINT_LIMITS) {}

  get count(): number {
    return this.list.length;
  }

  get totalBytes(): number {
    return this.bytes;
  }

  get last(): Checkpoint | undefined {
    return this.list.at(-1);
  }

  /** The times held, oldest first (for tests). */
  get times(): number[] {
    return this.list.map((c) => c.t);
  }

  /** Starts over with the run's first checkpoint, which is never thinned out. */
  reset(t: number, snap: SimSnapshot): void {
    this.list = [];
    this.bytes = 0;
    this.add(t, snap);
  }

  /** Adds a checkpoint after the last one, then thins out if over a limit. */
  add(t: number, snap: SimSnapshot): void {
    const last = this.list.at(-1);
    if (last && t <= last.t) return;
    const bytes = estimateBytes(snap);
    // One snapshot that would fill half the budget is not worth keeping: seeks replay instead.
    if (last && bytes > this.limits.maxBytes / 2) return;
    this.list.push({ t, snap, bytes });
    this.bytes += bytes;
    this.thin();
  }

  /** The latest checkpoint at or before `t` (the first one if none is). */
  atOrBefore(t: number): Checkpoint {
    let lo = 0;
    let hi = this.list.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.list[mid]!.t <= t) lo = mid;
      else hi = mid - 1;
    }
    return this.list[lo]!;
  }

  /** Drops every checkpoint after `t` (a fork rewrote the future). */
  dropAfter(t: number): void {
    while (this.list.length > 1 && this.list.at(-1)!.t > t) this.bytes -= this.list.pop()!.bytes;
  }

  /**
   * How far apart new checkpoints should be at time `now`: about half as many per run as the
   * limits can hold, so adding one seldom costs a snapshot that is thrown away at once.
   */
  spacingMs(now: number, baseMs: number): number {
    const last = this.list.at(-1);
    const avg = last ? Math.max(1, last.bytes) : 1;
    const room = Math.max(2, Math.min(this.limits.maxCount, this.limits.maxBytes / avg));
    const spacing = Math.max(baseMs, now / (room / 2));
    return Math.ceil(spacing / baseMs) * baseMs;
  }

  clear(): void {
    this.list = [];
    this.bytes = 0;
  }

  /** Removes, one at a time, the inner checkpoint whose loss leaves the smallest gap. */
  private thin(): void {
    const { maxCount, maxBytes } = this.limits;
    while (this.list.length > 2 && (this.list.length > maxCount || this.bytes > maxBytes)) {
      let best = 1;
      let bestGap = Infinity;
      for (let i = 1; i < this.list.length - 1; i++) {
        const gap = this.list[i + 1]!.t - this.list[i - 1]!.t;
        if (gap < bestGap) {
          bestGap = gap;
          best = i;
        }
      }
      this.bytes -= this.list[best]!.bytes;
      this.list.splice(best, 1);
    }
  }
}
