/**
 * Raft's state as plain data owned by the kernel (it is cloned for checkpoints): the servers with
 * the persistent and volatile state of the paper's Figure 2, plus history ("ghost") variables that
 * only the invariants read, in the manner of Raft's TLA+ specification.
 */
import type { MessageRecord as CoreMessageRecord } from '../../core/messageHistory';
import type { Ctx } from '../../core/types';
import type { RaftParams } from './params';

export type Role = 'follower' | 'precandidate' | 'candidate' | 'leader';

/** Deliberately broken variants, for tests and teaching: never the default. */
export type Bug =
  | 'none'
  /** Votes again in a term it already voted in. */
  | 'double-vote'
  /** Skips the up-to-date check: votes for candidates whose logs lack committed entries. */
  | 'stale-log-vote';

/**
 * A log entry, never mutated once created (checkpoints and other servers' logs share it). A
 * server's log holds the entries after its snapshot: entry i is `log[i - snapshot.index - 1]`
 * (use `entryAt` in log.ts).
 */
export interface Entry {
  index: number;
  term: number;
  /** `set x=3`, or `no-op` (a new leader's first entry). */
  command: string;
  /** Unique per client request: tells apart two entries that carry the same command. */
  id: number;
}

/**
 * A snapshot of a server's state machine (paper §7, Figure 12): it replaces the log up to
 * `index`. Never mutated once taken: checkpoints and InstallSnapshot messages share it.
 */
export interface Snapshot {
  /** lastIncludedIndex: the last entry the snapshot replaces (0: no snapshot yet). */
  index: number;
  /** lastIncludedTerm: the term of that entry. */
  term: number;
  /** The key-value state machine with every entry up to `index` applied. */
  kv: Readonly<Record<string, string>>;
  /** Ghost: the prefix hash of the log up to `index` (see `hashes`), not part of Raft. */
  hash: number;
}

export const NO_SNAPSHOT: Snapshot = { index: 0, term: 0, kv: {}, hash: 0 };

export interface Server {
  id: number;
  crashed: boolean;
  role: Role;
  // Persistent: survives a crash.
  currentTerm: number;
  /** -1 when it has not voted in currentTerm. */
  votedFor: number;
  /** The state machine up to an index, and the log prefix it replaced. */
  snapshot: Snapshot;
  /** The entries after the snapshot, oldest first. */
  log: Entry[];
  // Volatile: lost on a crash.
  commitIndex: number;
  lastApplied: number;
  /** The key-value state machine the committed commands are applied to. */
  kv: Record<string, string>;
  /** The leader it last heard from in currentTerm, or -1. */
  leaderId: number;
  /** Virtual ms of the last AppendEntries from a current leader (pre-votes check it). */
  lastLeaderContact: number;
  /** Votes (candidate) or pre-votes (precandidate) granted to it, itself included. */
  votes: number[];
  electionTimer: number;
  /** When the election timer fires (virtual ms), or -1 when it is not running. */
  electionDeadline: number;
  /** The timeout the running election timer was drawn from (ms). */
  electionTimeoutMs: number;
  heartbeatTimer: number;
  heartbeatDue: number;
  // Leader only (empty otherwise), indexed by server id.
  nextIndex: number[];
  matchIndex: number[];
  /** An AppendEntries to that peer awaits its reply (new entries then wait for the heartbeat). */
  awaiting: boolean[];
  // Ghost data for the invariants, not part of Raft.
  /** hashes[i] is a hash of the whole log up to log[i] (terms and ids): prefixes compare in O(1). */
  hashes: number[];
  /** The log prefix a leader has had since it was elected (Leader Append-Only). */
  markTerm: number;
  markLength: number;
  markHash: number;
}

/**
 * One message in the bounded history drawn by the space-time diagram. In the state's ring its
 * deliverAt and droppedAt stay -1 (the record is shared, never mutated); the view fills them in
 * from the ring's deliveredAt and droppedAt.
 */
export interface MessageRecord extends CoreMessageRecord {
  term: number;
}

/**
 * History variables for the safety invariants (paper Figure 3). The lists by log index cover a
 * window, the indexes after `base`: what lies at or below every server's snapshot can never be
 * appended, committed or applied again, so it is dropped (see `pruneGhost` in log.ts) and the
 * ghost stays bounded however long the run.
 */
export interface Ghost {
  /** term -> the server elected leader in it (-1 or missing: none). */
  leaderOfTerm: number[];
  /** term -> how many servers stood as candidates in it. */
  candidatesInTerm: number[];
  /** The lists below start at index base + 1: entry i is at [i - base - 1]. */
  base: number;
  /** [term, prefix hash, term, prefix hash, ...] for every entry ever stored at the index. */
  prefixAt: number[][];
  /** Id of the entry committed at the index, and the term of the leader that committed it. */
  committedIds: number[];
  committedTerms: number[];
  /** The highest index committed so far. */
  committed: number;
  /** Prefix hash of the committed entries. */
  committedHash: number;
  /** Prefix hash up to the index of the log first applied there by any server. */
  appliedHashes: number[];
  /** invariant id -> how it first broke. */
  violations: Record<string, string>;
}

export interface Options {
  bug: Bug;
  /** Keep the message history for the views (experiments turn it off). */
  history: boolean;
}

/**
 * Draws a server's next election timeout (ms, an integer >= 1) instead of the uniform
 * [timeoutMsMin, timeoutMsMax]: the code lab runs a learner's policy this way. Experiments only.
 */
export type TimeoutPolicy = (srv: Server, s: RaftState, ctx: RaftCtx) => number;

export interface RaftState {
  /** Bumped when the cluster restarts (a change of `servers`): older timers and messages die. */
  epoch: number;
  /** Replaces the uniform timeout draw when set (experiments only: functions are not cloned). */
  timeoutPolicy?: TimeoutPolicy;
  bug: Bug;
  history: boolean;
  servers: Server[];
  nextEntryId: number;
  clientTimer: number;
  /** The last server crashed by an input (restart without a server restarts it). */
  lastCrashed: number;
  /** A leader a majority of servers follow in its term, or -1. */
  leader: number;
  downSince: number;
  downtimeMs: number;
  elections: number;
  electionsWon: number;
  splitVotes: number;
  lastSplitTerm: number;
  messagesSent: number;
  recentElections: { term: number; leader: number; at: number }[];
  /**
   * The message history ring, slot = id % HISTORY_SIZE. Records are never mutated once sent
   * (checkpoints share them); when each arrived or was discarded is kept beside them, by slot.
   */
  messages: (MessageRecord | null)[];
  deliveredAt: number[];
  droppedAt: number[];
  nextMessageId: number;
  ghost: Ghost;
}

export type RaftTimer =
  | { k: 'election'; s: number; e: number }
  | { k: 'heartbeat'; s: number; e: number }
  | { k: 'client'; e: number }
  | { k: 'redirect'; to: number; key: string; value: string; hops: number; e: number };

interface Envelope {
  /** Epoch of the cluster that sent it. */
  e: number;
  /** Message number in the history ring. */
  mid: number;
}

export interface VoteRequest extends Envelope {
  type: 'RequestVote' | 'PreVote';
  /** For a pre-vote, the term the sender would campaign in (it has not bumped its own). */
  term: number;
  lastLogIndex: number;
  lastLogTerm: number;
}

export interface VoteReply extends Envelope {
  type: 'RequestVoteReply' | 'PreVoteReply';
  term: number;
  granted: boolean;
  /** The term the request asked about. */
  forTerm: number;
}

export interface AppendRequest extends Envelope {
  type: 'AppendEntries';
  term: number;
  prevLogIndex: number;
  prevLogTerm: number;
  entries: Entry[];
  leaderCommit: number;
}

export interface AppendReply extends Envelope {
  type: 'AppendEntriesReply';
  term: number;
  success: boolean;
  /** The request's prevLogIndex: tells a stale rejection from a current one. */
  prevLogIndex: number;
  /** On success, the index of the last entry known to match the leader's log. */
  matchIndex: number;
  /** On rejection, where the leader may resume (0: no hint). */
  hint: number;
}

/** InstallSnapshot (Figure 13), sent in one chunk: offset 0, done. */
export interface SnapshotRequest extends Envelope {
  type: 'InstallSnapshot';
  term: number;
  /** lastIncludedIndex, lastIncludedTerm, the state machine (data) and the ghost hash. */
  snapshot: Snapshot;
}

export interface SnapshotReply extends Envelope {
  type: 'InstallSnapshotReply';
  term: number;
  /** The request's lastIncludedIndex: the follower's log now matches the leader's up to it. */
  lastIncludedIndex: number;
}

export type RaftMsg =
  VoteRequest | VoteReply | AppendRequest | AppendReply | SnapshotRequest | SnapshotReply;

export type RaftCtx = Ctx<RaftParams, RaftTimer, RaftMsg>;

/** A time long before the start: "never heard from a leader". */
export const NEVER = -1_000_000_000;
export const HISTORY_SIZE = 500;

export const name = (id: number): string => `S${id + 1}`;
export const majority = (s: RaftState): number => Math.floor(s.servers.length / 2) + 1;

function createServer(id: number, n: number): Server {
  return {
    id,
    crashed: false,
    role: 'follower',
    currentTerm: 0,
    votedFor: -1,
    snapshot: NO_SNAPSHOT,
    log: [],
    commitIndex: 0,
    lastApplied: 0,
    kv: {},
    leaderId: -1,
    lastLeaderContact: NEVER,
    votes: [],
    electionTimer: -1,
    electionDeadline: -1,
    electionTimeoutMs: 0,
    heartbeatTimer: -1,
    heartbeatDue: -1,
    nextIndex: new Array<number>(n).fill(1),
    matchIndex: new Array<number>(n).fill(0),
    awaiting: new Array<boolean>(n).fill(false),
    hashes: [],
    markTerm: -1,
    markLength: 0,
    markHash: 0,
  };
}

/** A fresh cluster of `n` followers in term 0 with empty logs (no timers yet). */
export function createState(n: number, options: Options, epoch = 0): RaftState {
  return {
    epoch,
    bug: options.bug,
    history: options.history,
    servers: Array.from({ length: n }, (_, i) => createServer(i, n)),
    nextEntryId: 1,
    clientTimer: -1,
    lastCrashed: -1,
    leader: -1,
    downSince: 0,
    downtimeMs: 0,
    elections: 0,
    electionsWon: 0,
    splitVotes: 0,
    lastSplitTerm: 0,
    messagesSent: 0,
    recentElections: [],
    messages: options.history ? new Array<MessageRecord | null>(HISTORY_SIZE).fill(null) : [],
    deliveredAt: options.history ? new Array<number>(HISTORY_SIZE).fill(-1) : [],
    droppedAt: options.history ? new Array<number>(HISTORY_SIZE).fill(-1) : [],
    nextMessageId: 0,
    ghost: {
      leaderOfTerm: [],
      candidatesInTerm: [],
      base: 0,
      prefixAt: [],
      committedIds: [],
      committedTerms: [],
      committed: 0,
      committedHash: 0,
      appliedHashes: [],
      violations: {},
    },
  };
}

/**
 * A copy that shares the log entries and snapshots (never mutated once created) and copies
 * everything mutable. With log compaction every list here is bounded, so a checkpoint costs a few
 * pointer copies per entry of the compaction threshold, whatever the run length.
 */
export function copyState(s: RaftState): RaftState {
  const g = s.ghost;
  return {
    ...s,
    servers: s.servers.map((srv) => ({
      ...srv,
      log: srv.log.slice(),
      hashes: srv.hashes.slice(),
      kv: { ...srv.kv },
      votes: srv.votes.slice(),
      nextIndex: srv.nextIndex.slice(),
      matchIndex: srv.matchIndex.slice(),
      awaiting: srv.awaiting.slice(),
    })),
    recentElections: s.recentElections.map((e) => ({ ...e })),
    messages: s.messages.slice(),
    deliveredAt: s.deliveredAt.slice(),
    droppedAt: s.droppedAt.slice(),
    ghost: {
      leaderOfTerm: g.leaderOfTerm.slice(),
      candidatesInTerm: g.candidatesInTerm.slice(),
      // The inner arrays are replaced, never mutated (see appendEntry).
      base: g.base,
      prefixAt: g.prefixAt.slice(),
      committedIds: g.committedIds.slice(),
      committedTerms: g.committedTerms.slice(),
      committed: g.committed,
      committedHash: g.committedHash,
      appliedHashes: g.appliedHashes.slice(),
      violations: { ...g.violations },
    },
  };
}
