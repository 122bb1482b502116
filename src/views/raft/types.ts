/** The Raft frame as the views read it: the model's own view types. */
import type { RaftView } from '../../sim/models/raft/view';
import type { PartitionDraft } from '../network/draft';
import type { ViewProps } from '../types';

export type { RaftView };
export type { ServerView } from '../../sim/models/raft/view';
export type { Entry, MessageRecord } from '../../sim/models/raft/state';

/** What Raft's parts share per widget: the partition being drawn. */
export type RaftUi = PartitionDraft;
export type RaftProps = ViewProps<RaftView, RaftUi>;

/** Messages older than this (virtual ms) have left the model's history (HISTORY_VIEW_MS). */
export const HISTORY_MS = 3000;
