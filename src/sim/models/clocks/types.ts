/** The clocks model's state: every event with its three stamps, and the processes' clocks. */
import type { Comparison } from './explain';
import type { Copy } from './register';

/** A hybrid logical clock (Kulkarni et al. 2014): l tracks the largest physical time heard of, c breaks ties. */
export interface Hlc {
  l: number;
  c: number;
}

export type EventKind = 'local' | 'send' | 'receive';

/** One event of one process, stamped by every clock. */
export interface ClockEvent {
  /** Global id, in the order events happened (stable while older events are trimmed). */
  id: number;
  process: number;
  /** Position on its process, 1 for the first event. */
  seq: number;
  kind: EventKind;
  /** True (virtual) time, ms: where the diagram draws it. */
  t: number;
  /** The process's physical clock reading at the event, ms. */
  pt: number;
  lamport: number;
  vector: number[];
  hlc: Hlc;
  /** send: the message's number; receive: the number of the message received. */
  msg?: number;
  /** send: the receiver; receive: the sender. */
  peer?: number;
  /** receive: the id of the matching send event. */
  sendId?: number;
  /** The widest gap between physical clocks at that moment, ms (the HLC bound's epsilon). */
  skewMs: number;
  /** A local event that wrote x: its write number and, under each rule, the write it lost to. */
  write?: WriteMark;
}

export interface WriteMark {
  n: number;
  /** The number of the earlier write that wall-clock LWW kept instead, or null if this one won. */
  lostWall: number | null;
  lostHlc: number | null;
}

export interface ProcessClocks {
  lamport: number;
  vector: number[];
  hlc: Hlc;
  seq: number;
  /** Physical clock: how far ahead of true time it starts (ms) and its rate error (ppm). */
  offsetMs: number;
  driftPpm: number;
}

export interface ClockMsg {
  type: 'msg';
  msg: number;
  sendId: number;
  lamport: number;
  vector: number[];
  hlc: Hlc;
  /** The sender's copy of x (only once the run has writes, so runs without them are unchanged). */
  reg?: Copy;
}

export type ClocksTimer = { kind: 'act'; process: number; epoch: number };

export interface ClocksState {
  epoch: number;
  procs: ProcessClocks[];
  /** The latest events, oldest first (older ones are trimmed past HISTORY_MAX). */
  events: ClockEvent[];
  nextId: number;
  nextMsg: number;
  sent: number;
  received: number;
  /** The largest l - pt seen, ms. */
  hlcAheadMs: number;
  /** The learner's last comparison of two events. */
  comparison: Comparison | null;
  /** Each process's copy of x, under wall-clock LWW and HLC LWW. */
  copies: Copy[];
  writes: number;
  /** Writes that lost, the moment they were made, to a write that happened before them. */
  lostWall: number;
  lostHlc: number;
}
