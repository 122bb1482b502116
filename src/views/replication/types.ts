/** The replication model's frame as its views read it, and what its parts share per widget. */
import type { ReplicationView } from '../../sim/models/replication/view';
import type { PartitionDraft } from '../network/draft';
import type { ViewProps } from '../types';

export type { ReplicationView };
export type {
  Anomaly,
  AnomalyKind,
  ClientView,
  LogCell,
  ReplicaView,
} from '../../sim/models/replication/view';

/** The partition being drawn, and the replica the toolbar's Crash and Restart act on (-1: none). */
export type ReplicationUi = PartitionDraft & { target: number };
export type ReplicationProps = ViewProps<ReplicationView, ReplicationUi>;
