/** The atomic-commit model's state, timers and messages. */
import type { Ctx } from '../../core/types';
import type { CommitParams, CrashPoint } from './meta';

import type { MessageRecord } from '../../core/messageHistory';

export type { MessageRecord };

export type PState = 'idle' | 'working' | 'prepared' | 'committed' | 'aborted';

/** What a participant knows of one transaction. */
export interface PTx {
  tx: number;
  state: PState;
  /** It voted yes (wrote its prepared record). */
  votedYes: boolean;
  /** Virtual ms it became prepared, and decided (-1: not yet). */
  preparedAt: number;
  decidedAt: number;
}

export interface Participant {
  id: number;
  up: boolean;
  /** Bumps at every crash: timers set before it are ignored. */
  inc: number;
  /** The transaction holding its lock, or -1. */
  lock: number;
  /** Its transactions, newest last (durable: prepared, committed and aborted survive a crash). */
  txs: PTx[];
  /** Votes no in its next transaction. */
  forceNo: boolean;
}

export type LogKind = 'begin' | 'commit' | 'abort' | 'end';
export interface LogRecord {
  tx: number;
  kind: LogKind;
  at: number;
}

/** A transaction TC is running (volatile: rebuilt from the log after a crash). */
export interface TcTx {
  tx: number;
  phase: 'voting' | 'deciding';
  votes: ('yes' | 'no' | null)[];
  commit: boolean;
  acked: boolean[];
}

export interface Coordinator {
  up: boolean;
  inc: number;
  /** Durable. */
  log: LogRecord[];
  /** The last records written, for the view (the log itself drops finished transactions). */
  written: LogRecord[];
  logWrites: number;
  active: TcTx[];
  /** A crash armed for a point of the next transaction. */
  armed: { when: CrashPoint; sentTo: number } | null;
  crashedAt: number;
}

export interface Bugs {
  /** Broken: a participant in doubt this long (ms) gives up and aborts on its own (0: never). */
  unilateralAbortMs: number;
  /** Broken: on the vote timeout TC commits if the votes it has are all yes. */
  commitOnPartialVotes: boolean;
}

/** What happened to one transaction, for the atomicity check and the view. */
export interface TxOutcome {
  tx: number;
  /** The decision TC made ('' before). */
  decision: '' | 'commit' | 'abort';
  commits: number[];
  aborts: number[];
}

export interface CommitState {
  gen: number;
  midFloor: number;
  bugs: Bugs;
  tc: Coordinator;
  ps: Participant[];
  nextTx: number;
  nextMid: number;
  messages: MessageRecord[];
  outcomes: TxOutcome[];
  committed: number;
  aborted: number;
  lockConflicts: number;
  /** Finished in-doubt spells (ms), newest last (bounded), and the longest. */
  blocked: number[];
  maxBlockedMs: number;
  /** First atomicity and unilateral-decision breaches, or null. */
  atomicity: string | null;
  unilateral: string | null;
}

export type CommitTimer =
  | { kind: 'workload'; gen: number }
  | { kind: 'tcRecover'; gen: number; inc: number }
  | { kind: 'voteTimeout'; gen: number; inc: number; tx: number }
  | { kind: 'resend'; gen: number; inc: number; tx: number }
  | { kind: 'work' | 'ask' | 'giveUp'; gen: number; p: number; inc: number; tx: number };

export type CommitMsg =
  | { type: 'prepare'; tx: number; mid: number }
  | { type: 'vote'; tx: number; yes: boolean; mid: number }
  | { type: 'decision'; tx: number; commit: boolean; mid: number }
  | { type: 'ack'; tx: number; mid: number }
  | { type: 'ask'; tx: number; mid: number };

export type CommitCtx = Ctx<CommitParams, CommitTimer, CommitMsg>;
