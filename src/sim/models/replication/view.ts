/** What the replication model sends the views each frame. */
import type { Mode, ReadPolicy } from './meta';
import type { Anomaly, AnomalyKind, MessageRecord, StorageWrite } from './types';

export type { Anomaly, AnomalyKind, MessageRecord, StorageWrite };

export interface LogCell {
  index: number;
  epoch: number;
  label: string;
  /** Applied: a read here sees it. */
  visible: boolean;
  /** Not what the newest leader holds at this index: it will be dropped. */
  doomed: boolean;
}

export interface ReplicaView {
  id: number;
  name: string;
  up: boolean;
  role: 'leader' | 'follower';
  epoch: number;
  /** Leads the newest epoch. */
  current: boolean;
  /** Thinks it leads, but an older epoch (split brain). */
  stale: boolean;
  /** Whom it follows, by name. */
  follows: string;
  length: number;
  applied: number;
  /** Entries of the current leader's log it has not applied. */
  lag: number;
  /** Its newest log entries, oldest first. */
  tail: LogCell[];
  heldReads: number;
}

export interface ClientView {
  id: number;
  name: string;
  leader: string;
  seen: number;
  lastWrite: string;
  lastRead: number;
  /** The lock token it believes it holds, and until when (as granted), or null. */
  lease: { token: number; until: number } | null;
  paused: boolean;
}

export interface ReplicationView {
  now: number;
  replicas: ReplicaView[];
  clients: ClientView[];
  storage: {
    maxEpoch: number;
    accepted: number;
    refused: number;
    staleAccepted: number;
    recent: StorageWrite[];
  };
  /** The lock service K: who has the lease, until when, the last token given. */
  lock: { holder: number; until: number; token: number };
  maxToken: number;
  epoch: number;
  leader: number;
  mode: Mode;
  readPolicy: ReadPolicy;
  fencing: boolean;
  anomalies: Anomaly[];
  counts: Record<AnomalyKind, number>;
  acked: number;
  lost: number;
  partition: number[][] | null;
  messages: MessageRecord[];
}
