/**
 * Where a guided step stops: the host plays until a log line of a named kind, a virtual time or
 * a metric condition, and stops there itself. The stop time depends only on the scenario (never
 * on how the wall clock chunked the play), so the same step stops on the same frame every run.
 */
import type { LogEvent } from '../sim/core/types';

export type Comparison = '>=' | '<=' | '>' | '<' | '==' | '!=';
export const COMPARISONS: readonly Comparison[] = ['>=', '<=', '==', '!=', '>', '<'];

/** What a step plays until. Times are virtual ms. */
export type StopWhen =
  /** The `nth` line of this kind in the model's log written after the step starts. */
  | { kind: 'event'; event: string; nth: number }
  /** An absolute virtual time. */
  | { kind: 'time'; atMs: number }
  /** The first metric sample (they are taken at fixed virtual times) meeting the condition. */
  | { kind: 'metric'; metric: string; op: Comparison; value: number };

/** A request to play until `when`; `id` names it in the frame that reports the arrival. */
export interface PlayStop {
  id: number;
  when: StopWhen;
}

/** How far past the step's start the host plays before giving up (and stops anyway). */
export const STOP_LIMIT_MS = 120_000;

export function meets(value: number | undefined, op: Comparison, target: number): boolean {
  if (value === undefined || Number.isNaN(value)) return false;
  switch (op) {
    case '>=':
      return value >= target;
    case '<=':
      return value <= target;
    case '>':
      return value > target;
    case '<':
      return value < target;
    case '==':
      return value === target;
    case '!=':
      return value !== target;
  }
}

/** One armed stop: counts matching lines and remembers the first whole millisecond that met it. */
export class ArmedStop {
  private seen = 0;
  /** The whole virtual ms the step stops at, once known. */
  hitMs: number | undefined;

  constructor(
    readonly id: number,
    readonly when: StopWhen,
    readonly fromMs: number,
  ) {
    if (when.kind === 'time') this.hitMs = Math.max(fromMs, when.atMs);
  }

  get limitMs(): number {
    return this.fromMs + STOP_LIMIT_MS;
  }

  /** Lines the run just wrote (in time order). */
  lines(lines: readonly LogEvent[]): void {
    const w = this.when;
    if (w.kind !== 'event' || this.hitMs !== undefined) return;
    for (const e of lines) {
      if (e.kind !== w.event || e.t <= this.fromMs) continue;
      // Whole ms, like every time the page shows: everything at that millisecond is included.
      if (++this.seen === w.nth) {
        this.hitMs = Math.ceil(e.t);
        return;
      }
    }
  }

  /** A metric sample taken at `t`. */
  sample(t: number, metrics: Record<string, number>): void {
    const w = this.when;
    if (w.kind !== 'metric' || this.hitMs !== undefined || t <= this.fromMs) return;
    if (meets(metrics[w.metric], w.op, w.value)) this.hitMs = t;
  }
}
