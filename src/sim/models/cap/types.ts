/** The CAP model's state, messages and timers: plain data. */
import type { HistoryEntry } from './history';
import type { ReadValue } from './linearizability';
import type { MonitorState } from './monitor';

export type Mode = 'cp' | 'ap' | 'quorum';
export type Conflict = 'lww' | 'vv';

export interface CapParams {
  mode: Mode;
  replicas: number;
  clients: number;
  keys: number;
  N: number;
  R: number;
  W: number;
  readRepair: boolean;
  /** quorum mode: sloppy quorums with hinted handoff (Dynamo, section 4.6). */
  sloppy: boolean;
  conflict: Conflict;
  rate: number;
  writeRatio: number;
  timeoutMs: number;
  latencyMsMin: number;
  latencyMsMax: number;
  lossRate: number;
  antiEntropyMs: number;
}

/**
 * One stored version of a key. Immutable once made (messages and state share them).
 * `ts` and `node` order versions for last-writer-wins (and for ABD's tags in cp mode);
 * `vv` is the version vector (one counter per replica) when conflicts keep siblings.
 */
export interface Ver {
  value: number;
  ts: number;
  node: number;
  vv?: number[];
}

/** An operation a replica coordinates for a client (cp: ABD phases; quorum: N/R/W). */
export interface Coord {
  op: number;
  client: number;
  f: 'read' | 'write';
  key: number;
  value: number | null;
  proto: 'abd' | 'quorum';
  /** query: collecting versions; store: collecting write acks; done: answered, still repairing. */
  phase: 'query' | 'store' | 'done';
  targets: number[];
  need: number;
  heard: number[];
  /** The newest version heard in the query phase (null: nothing stored anywhere asked). */
  best: Ver | null;
  /** Every query answer so far carried the same version (ABD reads then skip the write-back). */
  agree: boolean;
  /** Query answers by replica, for read repair: [replica, ts, node] (ts -1: nothing). */
  answers: [number, number, number][];
  ver: Ver | null;
  readRepair: boolean;
  timer: number;
  /** Sloppy quorums: the fallback replicas standing in, as [fallback, the replica it stands in for]. */
  standIns?: [number, number][];
}

/** A version a fallback replica keeps for a home replica it could not reach (hinted handoff). */
export interface Hint {
  key: number;
  home: number;
  ver: Ver;
}

export interface Replica {
  id: number;
  /** Per key, the versions held: at most one, or several siblings with version vectors. */
  data: Ver[][];
  /** Hybrid clock: timestamps it hands out are above every one it has seen and >= now. */
  clock: number;
  /** Its own entry in version vectors. */
  vvCounter: number;
  coords: Record<string, Coord>;
  /** Sloppy quorums: versions held for other replicas until they can be handed back. */
  hints: Hint[];
}

export interface PendingOp {
  op: number;
  f: 'read' | 'write';
  key: number;
  value: number | null;
  sinceMs: number;
  /** History index of the invoke. */
  index: number;
  timer: number;
  /** Latest invoke index among writes that had completed when this read began (staleness). */
  staleBar: number;
  /** Started by hand (narrated in full). */
  manual: boolean;
}

export interface LastOp {
  type: 'ok' | 'fail' | 'info';
  f: 'read' | 'write';
  key: number;
  value: ReadValue;
  atMs: number;
  latencyMs: number;
  stale: boolean;
}

export interface Client {
  id: number;
  /** Network node id: replicas are 0..R-1, clients R..R+C-1. */
  node: number;
  home: number;
  pending: PendingOp | null;
  last: LastOp | null;
  /** Already warned that it cannot reach its home in the current partition. */
  warnedCutOff: boolean;
}

/** Completed ops in one bucket of virtual time. */
export interface Bucket {
  t: number;
  ok: number;
  fail: number;
  info: number;
  reads: number;
  stale: number;
  latencyMsSum: number;
}

export interface KeyStaleness {
  /** Latest invoke index among completed (ok) writes. */
  bar: number;
  /** Value -> history index of its write's ok (bounded; values come from a counter). */
  doneAt: Record<string, number>;
}

export interface CapState {
  /** Bumped when a structural param change rebuilds the cluster; older timers and messages are ignored. */
  epoch: number;
  /** Every moment so far ran in cp mode: only then must the history be linearizable. */
  cpOnly: boolean;
  replicas: Replica[];
  clients: Client[];
  nextOp: number;
  /** Per key, the largest value written so far (generated values count up from it). */
  lastValue: number[];
  workload: boolean;
  arrivalTimer: number | null;
  /** The most recent history entries; `historyTotal` counts all ever recorded. */
  history: HistoryEntry[];
  historyTotal: number;
  totals: { ok: number; fail: number; info: number; reads: number; stale: number };
  staleness: KeyStaleness[];
  buckets: Bucket[];
  monitor: MonitorState;
  inventedValue: string | null;
}

export type CapMsg =
  | {
      type: 'req';
      e: number;
      op: number;
      client: number;
      f: 'read' | 'write';
      key: number;
      value: number | null;
    }
  | {
      type: 'resp';
      e: number;
      op: number;
      client: number;
      status: 'ok' | 'fail' | 'unknown';
      value: ReadValue;
      why: string;
    }
  | { type: 'get'; e: number; op: number; key: number }
  | { type: 'got'; e: number; op: number; key: number; vers: Ver[] }
  /** op -1: replication or repair, no ack wanted. `hint`: stored for that replica (sloppy). */
  | { type: 'put'; e: number; op: number; key: number; vers: Ver[]; hint?: number }
  /** A fallback hands a hinted version back to its home replica, which confirms it. */
  | { type: 'handoff'; e: number; key: number; ver: Ver }
  | { type: 'handedOff'; e: number; key: number; ts: number; node: number }
  | { type: 'ack'; e: number; op: number; key: number }
  | { type: 'sync'; e: number; data: Ver[][]; reply: boolean };

export type CapTimer =
  | { kind: 'arrival'; e: number }
  | { kind: 'clientTimeout'; e: number; client: number; op: number }
  | { kind: 'coordTimeout'; e: number; replica: number; op: number }
  /** Sloppy quorums: replicas that have not answered by now get a fallback. */
  | { kind: 'fallback'; e: number; replica: number; op: number }
  | { kind: 'antiEntropy'; e: number; replica: number };
