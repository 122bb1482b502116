/**
 * Frames: what the host sends the page many times a second. Plain structured-clone data, shared
 * by the worker, the views and the UI.
 */
import type { Violation } from './sim';
import type { InFlight, InvariantStatus, LogEvent } from './types';

/** Playback speed: virtual ms per wall ms, or as fast as the CPU allows. */
export type Speed = number | 'max';
export const SPEED_MIN = 0.1;
export const SPEED_MAX = 100;
export { LOG_HISTORY_LIMIT, SERIES_WINDOW } from './limits';

/** A seek still replaying toward its target (far targets take several frames). */
export interface SeekProgress {
  fromMs: number;
  targetMs: number;
}

export interface HostStatus {
  t: number;
  /** The furthest time played so far: the end of the timeline scrubber. */
  horizonMs: number;
  playing: boolean;
  speed: Speed;
  /** Simulation events processed. */
  events: number;
  violation: Violation | null;
  /** True when the simulation could not keep up with the requested speed. */
  lagging: boolean;
  /** Set while a seek replays toward a far target; null when landed. */
  seeking: SeekProgress | null;
  /** Slow motion while messages fly: the speed played at now (below `speed`), for drawing. */
  paceSpeed?: number;
  /** With `paceSpeed`: virtual ms already played past `t` (less than one), for drawing. */
  aheadMs?: number;
  /** The guided step being played to (its request id), while the host plays toward it. */
  armed?: number;
  /** The guided step the host stopped at (its request id); `found` false if it gave up. */
  arrived?: { id: number; found: boolean };
}

/** Metric samples at fixed virtual times, appended frame by frame. */
export interface SeriesDelta {
  /** Replace everything held so far (after a load or seek). */
  reset: boolean;
  t: number[];
  values: Record<string, number[]>;
}

export interface Frame {
  t: number;
  status: HostStatus;
  /** Params in force now (the scenario's, patched by `set` inputs so far). */
  params: Record<string, unknown>;
  view: unknown;
  /** Large fields whose version changed since the previous frame. */
  heavy: Record<string, { version: number; data: unknown }>;
  inFlight: InFlight[];
  /** Lines added to the durable event log since the previous frame. */
  events: LogEvent[];
  /** The log was rebuilt (a load or fork): `history` replaces everything held. */
  resetLog: boolean;
  /** With `resetLog`: every line kept, oldest first (it may run past `t`, greyed). */
  history?: LogEvent[];
  /** Older lines dropped to keep the log bounded (before the first line kept). */
  logDropped: number;
  metrics: Record<string, number>;
  invariants: InvariantStatus[];
  series: SeriesDelta | null;
}
