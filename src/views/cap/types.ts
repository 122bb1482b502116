/** The CAP frame as the views read it: the model's own view types. */
export type { CapView } from '../../sim/models/cap/view';
export type { HistoryEntry } from '../../sim/models/cap/history';
export type { ReadValue } from '../../sim/models/cap/linearizability';
export type { Witness } from '../../sim/models/cap/monitor';
export type { Ver } from '../../sim/models/cap/types';

import type { CapView } from '../../sim/models/cap/view';
import type { PartitionDraft } from '../network/draft';
import type { ViewProps } from '../types';
import type { HistoryEntry } from '../../sim/models/cap/history';

/**
 * What CAP's parts share per widget: the partition being drawn (replicas on side B, clients
 * moved across from their home's side), and the client and key manual reads and writes use.
 */
export interface CapUi extends PartitionDraft {
  client: number;
  key: number;
}
/** The large fields CAP sends by key: the whole history of operations. */
export interface CapHeavy {
  history: HistoryEntry[];
}
export type CapProps = ViewProps<CapView, CapUi, CapHeavy>;
