/** What the clocks model sends the views each frame. */
import type { Comparison } from './explain';
import type { Copy } from './register';
import type { ClockEvent, Hlc } from './types';

export type { Copy, Write } from './register';

export type { Comparison } from './explain';
export type { Relation } from './causality';

export type { ClockEvent, Hlc, EventKind, WriteMark } from './types';

export interface ProcessNow {
  lamport: number;
  vector: number[];
  hlc: Hlc;
  /** The process's physical clock now, ms. */
  ptMs: number;
}

export interface ClocksView {
  processes: number;
  /** The latest events, oldest first. */
  events: ClockEvent[];
  now: ProcessNow[];
  /** The network's partition groups now, or null when whole. */
  partition: number[][] | null;
  /** The learner's last comparison, (its events may have left `events`). */
  comparison: Comparison | null;
  /** The shared key x, once the run has writes (or the param makes local events writes). */
  register: RegisterView | null;
}

export interface RegisterView {
  copies: Copy[];
  writes: number;
  lostWall: number;
  lostHlc: number;
}
