/**
 * A short history for the view (the last 10 s in 100 ms slots): the most database queries
 * running and queued, and the most recomputations in flight of each hot key, in each slot. The
 * kernel calls `advance` before and `bump` after every event, so a slot with no events carries the
 * previous values forward.
 */
import { HIST_MS, HIST_SLOTS, HOT, dbQueueLength, type State } from './state';

/** Moves to the slot of `now`, filling skipped slots with the current values. */
export function advanceHistory(s: State, now: number): void {
  const h = s.history;
  const abs = Math.floor(now / HIST_MS);
  if (abs <= h.slot) return;
  const from = Math.max(h.slot + 1, abs - HIST_SLOTS + 1);
  const running = s.dbRunning;
  const queue = dbQueueLength(s);
  const hot = Math.min(HOT, s.keys);
  for (let a = from; a <= abs; a++) {
    const i = a % HIST_SLOTS;
    h.running[i] = running;
    h.queue[i] = queue;
    for (let k = 0; k < HOT; k++) h.hot[k * HIST_SLOTS + i] = k < hot ? s.inflight[k]! : 0;
  }
  h.slot = abs;
}

/** Raises the current slot's maxima to the current values. */
export function bumpHistory(s: State): void {
  const h = s.history;
  const i = h.slot % HIST_SLOTS;
  if (s.dbRunning > h.running[i]!) h.running[i] = s.dbRunning;
  const queue = dbQueueLength(s);
  if (queue > h.queue[i]!) h.queue[i] = queue;
  const hot = Math.min(HOT, s.keys);
  for (let k = 0; k < hot; k++) {
    const j = k * HIST_SLOTS + i;
    if (s.inflight[k]! > h.hot[j]!) h.hot[j] = s.inflight[k]!;
  }
}

export interface HistoryView {
  /** Start of the first slot, ms. */
  t0: number;
  slotMs: number;
  running: number[];
  queue: number[];
  /** One row per hot key. */
  hot: number[][];
  /** When key 0 expired within the window, including now if it is expired. */
  expiries: number[];
}

/** The slots up to `now`, oldest first, without modifying the state. */
export function readHistory(s: State, now: number): HistoryView {
  const h = s.history;
  const cur = Math.max(h.slot, Math.floor(now / HIST_MS));
  const first = Math.max(0, cur - HIST_SLOTS + 1);
  const hot = Math.min(HOT, s.keys);
  const out: HistoryView = {
    t0: first * HIST_MS,
    slotMs: HIST_MS,
    running: [],
    queue: [],
    hot: Array.from({ length: hot }, () => []),
    expiries: h.expiries.filter((e) => e >= first * HIST_MS && e <= now),
  };
  const current = s.keys > 0 ? s.expiresAt[0]! : -Infinity;
  if (current !== -Infinity && current <= now && out.expiries.at(-1) !== current)
    out.expiries.push(current);
  for (let a = first; a <= cur; a++) {
    const i = a % HIST_SLOTS;
    const live = a > h.slot;
    out.running.push(live ? s.dbRunning : h.running[i]!);
    out.queue.push(live ? dbQueueLength(s) : h.queue[i]!);
    for (let k = 0; k < hot; k++)
      out.hot[k]!.push(live ? s.inflight[k]! : h.hot[k * HIST_SLOTS + i]!);
  }
  return out;
}
