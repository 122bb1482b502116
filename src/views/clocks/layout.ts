/**
 * Geometry of the lane diagram: one horizontal lane per process, time to the right. The view
 * keeps the last `windowMs` of time in sight; before that much has passed, time 0 is at the left.
 */
import type { ClockEvent } from './types';

export const GUTTER_PX = 40;
export const RIGHT_PX = 28;
/** Room between the lane names and time 0. */
export const PAD_PX = 26;
export const BOTTOM_PX = 46;
/** Events of one lane closer than this are spread apart (several at one instant, say). */
export const MIN_SEP_PX = 14;
export const TOP_PX = 36;
/** Virtual ms per pixel: about 7 s across a 700 px diagram. */
export const MS_PER_PX = 10;

export interface Lanes {
  plotW: number;
  windowMs: number;
  laneY(process: number): number;
  laneGap: number;
}

export function lanes(processes: number, width: number, height: number): Lanes {
  const plotW = Math.max(80, width - GUTTER_PX - RIGHT_PX);
  const room = height - TOP_PX - BOTTOM_PX;
  const laneGap = Math.max(44, room / Math.max(1, processes - 1));
  const usable = processes > 1 ? laneGap * (processes - 1) : 0;
  const top = TOP_PX + Math.max(0, (room - usable) / 2);
  const windowMs = Math.max(1, plotW - PAD_PX) * MS_PER_PX;
  return { plotW, windowMs, laneGap, laneY: (p) => top + p * laneGap };
}

/** The time at the left edge when the latest time is `nowMs`. */
export const windowStartMs = (l: Lanes, nowMs: number): number => Math.max(0, nowMs - l.windowMs);

/** x of time `t` in the scrolled group (translate it by `-windowStartMs / MS_PER_PX`). */
export const xOf = (t: number): number => GUTTER_PX + PAD_PX + t / MS_PER_PX;

/**
 * Each event's x: at its time, or just right of the event before it on its lane when they
 * would touch, so that events made at one instant (while paused) stay apart and clickable.
 */
export function eventXs(events: readonly ClockEvent[]): Map<number, number> {
  const out = new Map<number, number>();
  const last = new Map<number, number>();
  for (const e of events) {
    const x = Math.max(xOf(e.t), (last.get(e.process) ?? -Infinity) + MIN_SEP_PX);
    last.set(e.process, x);
    out.set(e.id, x);
  }
  return out;
}

/**
 * The event keyboard arrows move to from `from`: left/right along its lane, up/down to the
 * event of the neighbouring lane nearest in time.
 */
export function neighbour(
  events: readonly ClockEvent[],
  from: ClockEvent,
  key: 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown',
  processes: number,
): ClockEvent | undefined {
  if (key === 'ArrowLeft' || key === 'ArrowRight') {
    const lane = events.filter((e) => e.process === from.process);
    const i = lane.findIndex((e) => e.id === from.id);
    return lane[key === 'ArrowLeft' ? i - 1 : i + 1];
  }
  const step = key === 'ArrowUp' ? -1 : 1;
  for (let p = from.process + step; p >= 0 && p < processes; p += step) {
    let best: ClockEvent | undefined;
    for (const e of events)
      if (e.process === p && (!best || Math.abs(e.t - from.t) < Math.abs(best.t - from.t)))
        best = e;
    if (best) return best;
  }
  return undefined;
}

/** The message lines to draw: each receive with its send (when both are in sight). */
export function messageLines(events: readonly ClockEvent[]): [ClockEvent, ClockEvent][] {
  const byId = new Map(events.map((e) => [e.id, e]));
  const out: [ClockEvent, ClockEvent][] = [];
  for (const e of events)
    if (e.kind === 'receive' && e.sendId !== undefined) {
      const s = byId.get(e.sendId);
      if (s) out.push([s, e]);
    }
  return out;
}

/**
 * The row (0, 1, ...) under its dot where each event's stamps go, so that stamps of events close
 * in time on one lane do not overwrite each other: the lowest row whose last label ends
 * `gapPx` before this one.
 */
export function labelRows(
  events: readonly ClockEvent[],
  xs: ReadonlyMap<number, number>,
  gapPx: number,
  rows = 2,
): Map<number, number> {
  const out = new Map<number, number>();
  const lastX = new Map<string, number>();
  for (const e of events) {
    const x = xs.get(e.id) ?? xOf(e.t);
    let row = 0;
    while (row < rows - 1 && x - (lastX.get(`${e.process}:${row}`) ?? -Infinity) < gapPx) row++;
    lastX.set(`${e.process}:${row}`, x);
    out.set(e.id, row);
  }
  return out;
}
