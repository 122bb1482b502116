/** What the commit model sends the views each frame. */
import type { LogRecord, MessageRecord, PState } from './types';

export type { LogRecord, MessageRecord, PState };

export interface ParticipantView {
  id: number;
  name: string;
  up: boolean;
  /** Its newest transaction and that transaction's state there ('idle' before any). */
  tx: number;
  state: PState;
  /** The transaction holding its lock, or -1. */
  lock: number;
  /** ms it has been in doubt (prepared), or 0. */
  inDoubtMs: number;
}

export interface OutcomeView {
  tx: number;
  decision: '' | 'commit' | 'abort';
  commits: string[];
  aborts: string[];
}

export interface CommitView {
  now: number;
  tc: {
    up: boolean;
    /** Transactions it is running: voting (votes so far) or sending its decision. */
    active: { tx: number; phase: 'voting' | 'deciding'; commit: boolean; votes: string[] }[];
    /** Its durable log (finished transactions keep one 'end' record), newest last, a tail. */
    log: LogRecord[];
    written: LogRecord[];
    logWrites: number;
    armed: string;
    downMs: number;
  };
  participants: ParticipantView[];
  outcomes: OutcomeView[];
  presumedAbort: boolean;
  committed: number;
  aborted: number;
  maxBlockedMs: number;
  partition: number[][] | null;
  messages: MessageRecord[];
}
