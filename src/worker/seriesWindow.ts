/**
 * The metric series the host samples at fixed virtual times, as a window of the latest samples
 * before the current time (the page's sparklines show the last few hundred). A seek that restores
 * a checkpoint starts the window again and the replay refills it; the window never grows with
 * the run's length.
 */
import { SERIES_WINDOW } from '../sim/core/frame';
import type { SeriesDelta } from './protocol';

export class SeriesWindow {
  private t: number[] = [];
  private values: Record<string, number[]> = {};
  private sent = 0;
  private resetPending = true;

  constructor(private readonly max = SERIES_WINDOW) {}

  get lastT(): number | undefined {
    return this.t.at(-1);
  }

  get length(): number {
    return this.t.length;
  }

  clear(): void {
    this.t = [];
    this.values = {};
    this.sent = 0;
    this.resetPending = true;
  }

  /** Adds a sample at `t` (later than the last one; earlier or equal ones are ignored). */
  add(t: number, metrics: Record<string, number>): void {
    const last = this.t.at(-1);
    if (last !== undefined && t <= last) return;
    const n = this.t.length;
    this.t.push(t);
    for (const [k, v] of Object.entries(metrics)) {
      const arr = (this.values[k] ??= new Array<number>(n).fill(NaN));
      arr.push(v);
    }
    for (const arr of Object.values(this.values)) if (arr.length < n + 1) arr.push(NaN);
    // Trim in chunks; the page trims its copy to the same window.
    const over = this.t.length - this.max;
    if (over > this.max / 4) {
      this.t.splice(0, over);
      for (const arr of Object.values(this.values)) arr.splice(0, over);
      this.sent = Math.max(0, this.sent - over);
    }
  }

  /** Forgets samples after `t` (a fork). */
  dropAfter(t: number): void {
    const keep = this.t.findIndex((x) => x > t);
    if (keep < 0) return;
    this.t.length = keep;
    for (const v of Object.values(this.values)) v.length = keep;
    this.resetPending = true;
  }

  /** What the page lacks: everything after a reset, else the samples since the last delta. */
  delta(): SeriesDelta | null {
    if (this.resetPending) {
      this.resetPending = false;
      this.sent = this.t.length;
      return {
        reset: true,
        t: [...this.t],
        values: Object.fromEntries(Object.entries(this.values).map(([k, v]) => [k, [...v]])),
      };
    }
    if (this.sent >= this.t.length) return null;
    const from = this.sent;
    this.sent = this.t.length;
    return {
      reset: false,
      t: this.t.slice(from),
      values: Object.fromEntries(Object.entries(this.values).map(([k, v]) => [k, v.slice(from)])),
    };
  }
}
