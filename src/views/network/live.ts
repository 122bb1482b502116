/**
 * What the network stage's animation loops read between renders: the latest frame's data and
 * the pointer focus, in a ref, so the loops never wait for React.
 */
import type { InFlight, LogEvent } from '../../sim/core/types';
import type { MessageLinks, MessageRecord } from './records';

/** A node, or a message by its history id and in-flight id (-1 when it has none). */
export type Focus =
  { kind: 'node'; id: number } | { kind: 'message'; record: number; flight: number } | null;

export const sameFocus = (a: Focus, b: Focus): boolean =>
  a === b ||
  (!!a &&
    !!b &&
    (a.kind === 'node'
      ? b.kind === 'node' && a.id === b.id
      : b.kind === 'message' && a.record === b.record && a.flight === b.flight));

/** How a message family looks in the diagram (and on the stage). */
export interface RecordStyle {
  color: string;
  /** A reply travels back: dashed. */
  reply: boolean;
  /** Frequent and uneventful (heartbeats): drawn faint. */
  faint: boolean;
}

/** One lane of the space-time diagram: a node. */
export interface Lane {
  name: string;
  /** The colour of the dot beside its name (its role, say). */
  color: string;
  /** Down now (drawn hatched to the right edge even when the crash is older than the log). */
  down: boolean;
}

export interface Live {
  /** Virtual ms of the frame. */
  now: number;
  lanes: readonly Lane[];
  /** The model's recent message history. */
  records: readonly MessageRecord[];
  /** Moments marked on a lane with a star and a label (an election won). */
  marks: readonly { at: number; lane: number; label: string }[];
  styleOf(r: { type: string; label: string }): RecordStyle;
  inFlight: readonly InFlight[];
  links: MessageLinks;
  virtualNow(): number;
  hover: Focus;
  selected: Focus;
  reduced: boolean;
  /** Mean one-way latency (ms), for drawing where a lost message was heading. */
  latencyMs: number;
  /** The event log: `crash` and `restart` events (first node named) hatch the lanes. */
  events: readonly LogEvent[];
  /** Bumps with every frame. */
  seq: number;
}

/** The Live fields a view fills from its props alone: frame time, flights, log, motion, latency. */
export function liveOfProps(p: {
  frame: { inFlight: readonly InFlight[]; params: Record<string, unknown> };
  virtualNow(): number;
  reducedMotion: boolean;
  snapshot: { log: readonly LogEvent[]; seq: number };
}): Pick<Live, 'inFlight' | 'virtualNow' | 'reduced' | 'latencyMs' | 'events' | 'seq'> {
  return {
    inFlight: p.frame.inFlight,
    virtualNow: p.virtualNow,
    reduced: p.reducedMotion,
    latencyMs: (Number(p.frame.params.latencyMsMin) + Number(p.frame.params.latencyMsMax)) / 2,
    events: p.snapshot.log,
    seq: p.snapshot.seq,
  };
}
