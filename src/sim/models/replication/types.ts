/** The replication model's state, timers, messages. */
import type { Ctx } from '../../core/types';
import type { Mode, ReplicationParams } from './meta';

import type { MessageRecord } from '../../core/messageHistory';

export type { MessageRecord };

/** One write in a replica's log. Indexes start at 1. */
export interface Entry {
  index: number;
  epoch: number;
  /** Global write id, and who wrote it (client, its seq). */
  wid: number;
  client: number;
  seq: number;
}

export interface Replica {
  id: number;
  up: boolean;
  /** Bumps at every crash: timers set before it are ignored. */
  inc: number;
  role: 'leader' | 'follower';
  epoch: number;
  /** The replica it takes as leader. */
  leader: number;
  /** Received entries by index - 1 (null: a gap not yet filled). Durable across crashes. */
  log: (Entry | null)[];
  /** Applied (visible) flags by index - 1. */
  ready: boolean[];
  /** Contiguous applied count: entries 1..applied are applied. */
  applied: number;
  /** Entries 1..matched are known to agree with its leader's log (0 after a change of leader). */
  matched: number;
  /** Virtual ms it last heard from its leader. */
  heardAt: number;
  /** Leader only: per replica, the highest contiguous index it reported received and applied. */
  matchReceived: number[];
  matchApplied: number[];
  /** Leader only: writes waiting for enough follower acknowledgements. */
  waiting: { wid: number; seq: number; index: number; client: number; mode: Mode }[];
  /** Reads held until this replica has the version asked for. */
  heldReads: ReadMsg[];
}

/** A write the client was told was done. */
export interface AckedWrite {
  wid: number;
  client: number;
  seq: number;
  index: number;
  epoch: number;
  mode: Mode;
  at: number;
  lost: boolean;
}

export interface ClientState {
  id: number;
  /** The replica it believes leads, and that leader's epoch. */
  leader: number;
  epoch: number;
  seq: number;
  /** Its last acknowledged write (not lost), or null. */
  lastWrite: { wid: number; index: number; seq: number } | null;
  /** The highest version it has seen (read, or its own write's index): the version token. */
  seen: number;
  /** Its previous read's newest version, or -1. */
  lastRead: number;
  nextRid: number;
  /** The read it waits for (one at a time), or -1, and when it sent it. */
  readPending: number;
  readSentAt: number;
  /** Sticky reads: the follower it reads from, or -1. */
  sticky: number;
  /** The lock lease it believes it holds (token, expiry as the lock service granted it), or null. */
  lease: { token: number; until: number } | null;
  /** Virtual ms until which the process is paused (a long GC pause), or -1. */
  pausedUntil: number;
  /** Messages that arrived during the pause, handled when it ends. */
  inbox: { from: number; msg: ReplicationMsg }[];
}

/** The lock service K: one lease at a time, each with the next fencing token. */
export interface LockService {
  holder: number;
  until: number;
  token: number;
}

export type AnomalyKind = 'ryw' | 'monotonic' | 'prefix' | 'lost' | 'split' | 'holders';

export interface Anomaly {
  at: number;
  kind: AnomalyKind;
  text: string;
  /** Network node ids involved. */
  nodes: number[];
}

export interface StorageWrite {
  at: number;
  from: number;
  /** The writer's epoch (a replica) or lock token (a lock holder). */
  epoch: number;
  kind: 'epoch' | 'token';
  wid: number;
  accepted: boolean;
  /** The highest epoch storage had seen before this write. */
  maxEpoch: number;
}

export interface Storage {
  maxEpoch: number;
  accepted: number;
  refused: number;
  /** Accepted writes whose epoch was below one storage had seen. */
  staleAccepted: number;
  /** Of those, accepted while fencing was on (must stay 0). */
  fencedBreaches: number;
  /** The highest lock token seen on a write. */
  maxToken: number;
  recent: StorageWrite[];
}

export interface Bugs {
  /** Broken: the leader counts a follower's acknowledgement when it sends the entry. */
  ackOnSend: boolean;
  /** Broken: storage takes every write whatever its epoch. */
  storageIgnoresEpoch: boolean;
}

export interface ReplicationState {
  /** Bumps when the cluster is rebuilt (a change of followers): older timers are ignored. */
  gen: number;
  /** Bumps when the workload rates change: older workload timers are ignored. */
  wgen: number;
  /** Messages with a smaller id were sent before the last rebuild and are ignored. */
  midFloor: number;
  bugs: Bugs;
  replicas: Replica[];
  clients: ClientState[];
  storage: Storage;
  lock: LockService;
  /** The highest epoch promoted and its leader: the lineage that counts. */
  epoch: number;
  leader: number;
  /** Virtual ms of the last promotion, -1 before any. */
  promotedAt: number;
  lastCrashed: number;
  nextWid: number;
  nextMid: number;
  acked: AckedWrite[];
  ackedCount: number;
  lostCount: number;
  /** Lost writes that were acknowledged under synchronous replication (must stay 0). */
  lostSync: AckedWrite[];
  counts: Record<AnomalyKind, number>;
  anomalies: Anomaly[];
  messages: MessageRecord[];
  maxLag: number;
}

export type ReplicationTimer =
  | { kind: 'heartbeat' | 'monitor'; gen: number; node: number; inc: number }
  | { kind: 'apply'; gen: number; node: number; inc: number; index: number; wid: number }
  | { kind: 'workload'; gen: number; wgen: number; client: number; op: 'read' | 'write' }
  | { kind: 'work'; gen: number; client: number }
  | { kind: 'resume'; gen: number; client: number };

export interface ReadMsg {
  type: 'read';
  rid: number;
  client: number;
  /** The version the client last saw (used by the version-token policy). */
  token: number;
  /** The client's last acknowledged write, to tell whether the read sees it. */
  own: { wid: number; index: number } | null;
  mid: number;
}

export type ReplicationMsg =
  | { type: 'write'; wid: number; client: number; seq: number; mid: number }
  | {
      type: 'writeOk';
      wid: number;
      seq: number;
      index: number;
      epoch: number;
      mode: Mode;
      mid: number;
    }
  | { type: 'redirect'; wid: number; seq: number; leader: number; mid: number }
  | {
      type: 'append';
      epoch: number;
      /** Index of the first entry (or, for a heartbeat, the next index to send). */
      from: number;
      prevEpoch: number;
      entries: Entry[];
      last: number;
      mid: number;
    }
  | {
      type: 'ack';
      epoch: number;
      received: number;
      applied: number;
      /** False when the follower's log did not match before `from`: the leader resends. */
      ok: boolean;
      mid: number;
    }
  | { type: 'stale'; epoch: number; leader: number; mid: number }
  | { type: 'newLeader'; epoch: number; leader: number; length: number; mid: number }
  | ReadMsg
  | {
      type: 'readOk';
      rid: number;
      top: number;
      prefix: number;
      sawOwn: boolean;
      own: { wid: number; index: number } | null;
      value: string;
      mid: number;
    }
  | { type: 'store'; epoch: number; wid: number; mid: number }
  | { type: 'acquire'; client: number; mid: number }
  | { type: 'grant'; token: number; until: number; mid: number }
  | { type: 'busy'; holder: number; until: number; mid: number }
  | { type: 'lockWrite'; client: number; token: number; mid: number };

export type ReplicationCtx = Ctx<ReplicationParams, ReplicationTimer, ReplicationMsg>;
