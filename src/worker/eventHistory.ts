/**
 * The durable event log: every line the run has written, up to the furthest time played, kept
 * across seeks (a replay writes the same lines again, which are skipped) and cut back when a fork
 * rewrites the future. Bounded: past LOG_HISTORY_LIMIT lines the oldest are dropped, and the
 * count of dropped lines travels with each frame so the page can say so.
 */
import { LOG_HISTORY_LIMIT } from '../sim/core/frame';
import type { LogEvent } from '../sim/core/types';

export class EventHistory {
  private entries: LogEvent[] = [];
  private fresh: LogEvent[] = [];
  private trimmed = 0;

  constructor(private readonly limit = LOG_HISTORY_LIMIT) {}

  reset(): void {
    this.entries = [];
    this.fresh = [];
    this.trimmed = 0;
  }

  /**
   * Records lines the run just wrote. Lines at or before `knownUntilMs` are a replay of lines
   * recorded already (same scenario, same lines) and are skipped; pass -1 to keep every line.
   */
  record(lines: readonly LogEvent[], knownUntilMs: number): void {
    for (const e of lines) {
      if (e.t <= knownUntilMs) continue;
      this.entries.push(e);
      this.fresh.push(e);
    }
    // Trim in chunks so each line is moved a bounded number of times.
    const over = this.entries.length - this.limit;
    if (over > this.limit / 10) {
      this.entries.splice(0, over);
      this.trimmed += over;
    }
    if (this.fresh.length > this.limit) this.fresh.splice(0, this.fresh.length - this.limit);
  }

  /** Forgets the lines after `t` (a fork: the future is rewritten from there). */
  dropAfter(t: number): void {
    let n = this.entries.length;
    while (n > 0 && this.entries[n - 1]!.t > t) n--;
    this.entries.length = n;
    this.fresh = this.fresh.filter((e) => e.t <= t);
  }

  /** Lines recorded since the previous call. */
  takeFresh(): LogEvent[] {
    const out = this.fresh;
    this.fresh = [];
    return out;
  }

  /** Lines dropped from the front to stay bounded (those before `all()`). */
  get dropped(): number {
    return this.trimmed + Math.max(0, this.entries.length - this.limit);
  }

  /** Every line kept, oldest first (at most the limit and a tenth). */
  all(): LogEvent[] {
    return this.entries.slice(-this.limit);
  }
}
