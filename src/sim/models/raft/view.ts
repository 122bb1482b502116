/** What the views draw (plain data) and the metrics, both read-only functions of the state. */
import type { ModelFrame } from '../../core/types';
import { lastIndex } from './log';
import { downtimeMs } from './roles';
import {
  HISTORY_SIZE,
  name,
  type Entry,
  type MessageRecord,
  type RaftCtx,
  type RaftState,
} from './state';

/** The views show at most this many of the newest entries of each log. */
export const LOG_VIEW_MAX = 40;
/** Messages older than this (virtual ms) leave the space-time diagram. */
export const HISTORY_VIEW_MS = 3000;

export interface ServerView {
  id: number;
  name: string;
  role: 'follower' | 'candidate' | 'leader' | 'crashed';
  /** Asking for pre-votes (a follower that timed out, Pre-Vote on). */
  preCandidate: boolean;
  term: number;
  votedFor: number;
  /** Votes granted to it as a candidate (or pre-votes as a pre-candidate), itself included. */
  votesGranted: number[];
  /** The leader it follows, or -1. */
  leaderId: number;
  /** When the election timer fires (virtual ms), or -1 (leader, crashed). */
  electionDeadline: number;
  /** The timeout that deadline was drawn from: the arc is (deadline - now) / timeout. */
  electionTimeoutMs: number;
  /** Leader only: when its next heartbeat goes out, else -1. */
  heartbeatDue: number;
  /** The newest entries (at most LOG_VIEW_MAX), oldest first. */
  log: Entry[];
  /** The index of the last entry (the log's length, compacted entries included). */
  logLength: number;
  /** The last entry the server's snapshot replaces, and its term (0, 0: no snapshot yet). */
  snapshotIndex: number;
  snapshotTerm: number;
  commitIndex: number;
  lastApplied: number;
  /** Leader only (else null), indexed by server id. */
  nextIndex: number[] | null;
  matchIndex: number[] | null;
  kv: Record<string, string>;
}

export interface RaftView {
  now: number;
  servers: ServerView[];
  /** The leader a majority follows, or -1. */
  leader: number;
  /** Highest term of any server. */
  term: number;
  majority: number;
  timeoutMsMin: number;
  timeoutMsMax: number;
  heartbeatMs: number;
  /** Messages sent in the last HISTORY_VIEW_MS, oldest first. */
  messages: MessageRecord[];
  /** The latest elections won. */
  elections: { term: number; leader: number; at: number }[];
  /** The network's partition groups now (servers named in no group form one more), or null. */
  partition: number[][] | null;
}

export function view(s: RaftState, ctx: RaftCtx): ModelFrame<RaftView> {
  const servers = s.servers.map((srv): ServerView => {
    const leading = srv.role === 'leader' && !srv.crashed;
    return {
      id: srv.id,
      name: name(srv.id),
      role: srv.crashed ? 'crashed' : srv.role === 'precandidate' ? 'follower' : srv.role,
      preCandidate: !srv.crashed && srv.role === 'precandidate',
      term: srv.currentTerm,
      votedFor: srv.votedFor,
      votesGranted: srv.votes.slice(),
      leaderId: srv.leaderId,
      electionDeadline: srv.electionDeadline,
      electionTimeoutMs: srv.electionTimeoutMs,
      heartbeatDue: leading ? srv.heartbeatDue : -1,
      log: srv.log.length > LOG_VIEW_MAX ? srv.log.slice(-LOG_VIEW_MAX) : srv.log.slice(),
      logLength: lastIndex(srv),
      snapshotIndex: srv.snapshot.index,
      snapshotTerm: srv.snapshot.term,
      commitIndex: srv.commitIndex,
      lastApplied: srv.lastApplied,
      nextIndex: leading ? srv.nextIndex.slice() : null,
      matchIndex: leading ? srv.matchIndex.slice() : null,
      kv: { ...srv.kv },
    };
  });
  const messages: MessageRecord[] = [];
  const first = Math.max(0, s.nextMessageId - HISTORY_SIZE);
  for (let id = first; id < s.nextMessageId; id++) {
    const slot = id % HISTORY_SIZE;
    const rec = s.messages[slot];
    if (rec && rec.id === id && ctx.now - rec.sentAt <= HISTORY_VIEW_MS)
      messages.push({ ...rec, deliverAt: s.deliveredAt[slot]!, droppedAt: s.droppedAt[slot]! });
  }
  return {
    view: {
      now: ctx.now,
      servers,
      leader: s.leader,
      term: Math.max(...s.servers.map((x) => x.currentTerm)),
      majority: Math.floor(s.servers.length / 2) + 1,
      timeoutMsMin: ctx.params.timeoutMsMin,
      timeoutMsMax: ctx.params.timeoutMsMax,
      heartbeatMs: ctx.params.heartbeatMs,
      messages,
      elections: s.recentElections.slice(),
      partition: ctx.net.groups ? ctx.net.groups.map((g) => g.slice()) : null,
    },
  };
}

export function metrics(s: RaftState, ctx: RaftCtx): Record<string, number> {
  const leader = s.leader >= 0 ? s.servers[s.leader] : undefined;
  return {
    term: Math.max(...s.servers.map((x) => x.currentTerm)),
    leader: s.leader,
    commitIndex: leader ? leader.commitIndex : Math.max(...s.servers.map((x) => x.commitIndex)),
    elections: s.elections,
    splitVotes: s.splitVotes,
    messages: s.messagesSent,
    downtimeMs: downtimeMs(s, ctx.now),
    committed: s.ghost.committed,
  };
}
