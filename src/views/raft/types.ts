/** The Raft frame as the views read it: the model's own view types. */
export type { RaftView, ServerView } from '../../sim/models/raft/view';
export type { Entry, MessageRecord } from '../../sim/models/raft/state';

/** Messages older than this (virtual ms) have left the model's history (HISTORY_VIEW_MS). */
export const HISTORY_MS = 3000;
