/**
 * Holds what the host has sent: the latest frame, large fields by key, the durable event log
 * (the whole run up to the furthest time played, bounded) and the metric series window. React components read it through useSyncExternalStore; canvas views read
 * it inside their own animation loop without re-rendering.
 */
import type { LogEvent } from '../sim/core/types';
import type { Frame } from '../sim/core/frame';
import { LOG_HISTORY_LIMIT, SERIES_WINDOW } from '../sim/core/limits';

export interface FrameSnapshot {
  frame: Frame | null;
  heavy: Readonly<Record<string, unknown>>;
  /** The durable log's lines up to the current time (what views narrate from). */
  log: readonly LogEvent[];
  /** Every line kept, past the current time too (after a seek back): the event log greys those. */
  history: readonly LogEvent[];
  /** Absolute index of `history[0]`: older lines were dropped to stay bounded (stable keys). */
  logStart: number;
  series: { t: readonly number[]; values: Readonly<Record<string, readonly number[]>> };
  /** performance.now() when the frame arrived, for interpolating motion between frames. */
  receivedAt: number;
  /** Bumps on every frame. */
  seq: number;
}

const EMPTY: FrameSnapshot = {
  frame: null,
  heavy: {},
  log: [],
  history: [],
  logStart: 0,
  series: { t: [], values: {} },
  receivedAt: 0,
  seq: 0,
};

/** Panels (metrics, charts, log) refresh at most this often; only drawings need every frame. */
const SLOW_MS = 200;
/**
 * The model's view (its Main, Side and Actions, all from the same frame) re-renders at most this
 * often while playing: motion between renders comes from the drawings' own frame loops
 * (`virtualNow()`), so React need not run 60 times a second on the page's thread.
 */
export const VIEW_MS = 50;

export class FrameStore {
  private snap: FrameSnapshot = EMPTY;
  private slowSnap: FrameSnapshot = EMPTY;
  private listeners = new Set<() => void>();
  private slowListeners = new Set<() => void>();
  private slowTimer: ReturnType<typeof setTimeout> | null = null;
  private slowAt = 0;
  private viewSnap: FrameSnapshot = EMPTY;
  private viewListeners = new Set<() => void>();
  private viewTimer: ReturnType<typeof setTimeout> | null = null;
  private viewAt = -Infinity;
  private seriesT: number[] = [];
  private seriesValues: Record<string, number[]> = {};

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly get = (): FrameSnapshot => this.snap;

  /** Like `subscribe`, but at most every 200 ms (and at once after a reset or seek). */
  readonly subscribeSlow = (listener: () => void): (() => void) => {
    this.slowListeners.add(listener);
    return () => this.slowListeners.delete(listener);
  };

  readonly getSlow = (): FrameSnapshot => this.slowSnap;

  /** Like `subscribe`, but at most every VIEW_MS while playing (at once when paused, or seeking). */
  readonly subscribeView = (listener: () => void): (() => void) => {
    this.viewListeners.add(listener);
    return () => this.viewListeners.delete(listener);
  };

  readonly getView = (): FrameSnapshot => this.viewSnap;

  private notifyView(now: number, urgent: boolean): void {
    const fire = () => {
      this.viewTimer = null;
      this.viewAt = performance.now();
      this.viewSnap = this.snap;
      for (const l of this.viewListeners) l();
    };
    if (urgent || now - this.viewAt >= VIEW_MS) {
      if (this.viewTimer) clearTimeout(this.viewTimer);
      this.viewTimer = null;
      fire();
    } else this.viewTimer ??= setTimeout(fire, VIEW_MS - (now - this.viewAt));
  }

  private notifySlow(now: number, urgent: boolean): void {
    const fire = () => {
      this.slowTimer = null;
      this.slowAt = performance.now();
      this.slowSnap = this.snap;
      for (const l of this.slowListeners) l();
    };
    if (urgent || now - this.slowAt >= SLOW_MS) {
      if (this.slowTimer) clearTimeout(this.slowTimer);
      fire();
    } else this.slowTimer ??= setTimeout(fire, SLOW_MS - (now - this.slowAt));
  }

  push(frame: Frame, now = performance.now()): void {
    const prev = this.snap;
    const heavy = Object.keys(frame.heavy).length
      ? {
          ...prev.heavy,
          ...Object.fromEntries(Object.entries(frame.heavy).map(([k, v]) => [k, v.data])),
        }
      : prev.heavy;
    let history = prev.history;
    let logStart = prev.logStart;
    if (frame.resetLog) {
      history = frame.history ?? frame.events;
      logStart = frame.logDropped;
    } else if (frame.events.length) {
      history = history.concat(frame.events);
      const over = history.length - LOG_HISTORY_LIMIT;
      if (over > 0) {
        history = history.slice(over);
        logStart += over;
      }
    }
    const log = linesUntil(history, frame.t, prev, prev.frame?.t);
    let series = prev.series;
    if (frame.series) {
      if (frame.series.reset) {
        this.seriesT = [...frame.series.t];
        this.seriesValues = Object.fromEntries(
          Object.entries(frame.series.values).map(([k, v]) => [k, [...v]]),
        );
      } else {
        this.seriesT.push(...frame.series.t);
        for (const [k, v] of Object.entries(frame.series.values))
          (this.seriesValues[k] ??= []).push(...v);
        const over = this.seriesT.length - SERIES_WINDOW;
        if (over > SERIES_WINDOW / 4) {
          this.seriesT = this.seriesT.slice(over);
          for (const k of Object.keys(this.seriesValues))
            this.seriesValues[k] = this.seriesValues[k]!.slice(over);
        }
      }
      series = { t: this.seriesT, values: this.seriesValues };
    }
    this.snap = {
      frame,
      heavy,
      log,
      history,
      logStart,
      series,
      receivedAt: now,
      seq: prev.seq + 1,
    };
    for (const l of this.listeners) l();
    // A paused simulation changes only on purpose (a step, an action): show it at once.
    const urgent = frame.resetLog || !frame.status.playing || Object.keys(frame.heavy).length > 0;
    this.notifyView(now, urgent);
    this.notifySlow(now, urgent);
  }

  /** Interpolated virtual time: the frame's time plus wall time since it arrived, scaled. */
  virtualNow(now = performance.now()): number {
    const f = this.snap.frame;
    if (!f) return 0;
    if (!f.status.playing) return f.t;
    const speed = f.status.paceSpeed ?? (f.status.speed === 'max' ? 0 : f.status.speed);
    // Never run more than ~2 frames ahead of the host.
    return f.t + (f.status.aheadMs ?? 0) + Math.min(now - this.snap.receivedAt, 40) * speed;
  }

  reset(): void {
    if (this.slowTimer) clearTimeout(this.slowTimer);
    this.slowTimer = null;
    if (this.viewTimer) clearTimeout(this.viewTimer);
    this.viewTimer = null;
    this.snap = EMPTY;
    this.slowSnap = EMPTY;
    this.viewSnap = EMPTY;
    this.seriesT = [];
    this.seriesValues = {};
    for (const l of this.listeners) l();
    for (const l of this.viewListeners) l();
    for (const l of this.slowListeners) l();
  }
}

/** The lines at or before `t`: the whole history at the live edge, else a prefix. */
function linesUntil(
  history: readonly LogEvent[],
  t: number,
  prev: FrameSnapshot,
  prevT: number | undefined,
): readonly LogEvent[] {
  if (!history.length || history[history.length - 1]!.t <= t) return history;
  if (history === prev.history && t === prevT) return prev.log;
  let lo = 0;
  let hi = history.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (history[mid]!.t <= t) lo = mid + 1;
    else hi = mid;
  }
  return history.slice(0, lo);
}
