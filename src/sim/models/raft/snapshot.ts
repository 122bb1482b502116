/**
 * Log compaction by snapshotting (paper §7, Figures 12 and 13): each server snapshots its own
 * applied state machine once enough applied entries sit in its log, and a leader that has
 * discarded the entries a follower needs sends its snapshot with InstallSnapshot, in one chunk.
 * The leader's side of the reply is in replication.ts, with the other replies.
 */
import type { Delivery } from '../../core/types';
import { compactLog, installSnapshot, lastIndex } from './log';
import { send } from './net';
import { followLeader, resetElectionTimer, stepDown } from './roles';
import { name, type RaftCtx, type RaftState, type Server, type SnapshotRequest } from './state';

const fmt = (n: number): string => n.toLocaleString('en-US');

/** Snapshots `srv` when snapshotEntries applied entries have piled up in its log. */
export function maybeCompact(s: RaftState, srv: Server, ctx: RaftCtx): void {
  const dropped = compactLog(s, srv, ctx.params.snapshotEntries);
  if (dropped === 0) return;
  ctx.log(
    `${name(srv.id)} took a snapshot of its state machine up to entry ${fmt(srv.snapshot.index)} (term ${srv.snapshot.term}) and discarded ${fmt(dropped)} log entries`,
    { kind: 'snapshot', nodes: [srv.id] },
  );
}

/** The leader sends `to` its snapshot: `to` needs entries the leader has discarded. */
export function sendSnapshot(s: RaftState, leader: Server, to: number, ctx: RaftCtx): void {
  leader.awaiting[to] = true;
  send(s, ctx, leader.id, to, {
    type: 'InstallSnapshot',
    term: leader.currentTerm,
    snapshot: leader.snapshot,
    e: 0,
    mid: 0,
  });
}

/** InstallSnapshot arriving at `srv` (the receiver implementation of Figure 13). */
export function onInstallSnapshot(
  s: RaftState,
  srv: Server,
  msg: Delivery<SnapshotRequest>,
  ctx: RaftCtx,
): void {
  const m = msg.payload;
  const from = msg.from;
  const at = m.snapshot.index;
  // 1. Reply immediately if term < currentTerm.
  if (m.term < srv.currentTerm || (m.term === srv.currentTerm && srv.role === 'leader')) {
    reply(s, srv, from, at, ctx);
    return;
  }
  if (m.term > srv.currentTerm) stepDown(s, srv, m.term, ctx);
  if (srv.role !== 'follower' || srv.leaderId !== from) followLeader(s, srv, from, ctx);
  srv.lastLeaderContact = ctx.now;
  resetElectionTimer(s, srv, ctx);
  // Already committed here: the log up to there matches the leader's, nothing to install.
  if (at > srv.commitIndex) {
    const kept = lastIndex(srv);
    installSnapshot(s, srv, m.snapshot);
    const tail = lastIndex(srv) > at ? `, kept its entries after it` : `, discarded its log`;
    ctx.log(
      `${name(srv.id)} installed ${name(from)}'s snapshot up to entry ${fmt(at)} (term ${m.snapshot.term})${kept > at ? tail : ''}`,
      { kind: 'snapshot', nodes: [srv.id, from] },
    );
  }
  reply(s, srv, from, at, ctx);
}

function reply(s: RaftState, srv: Server, to: number, at: number, ctx: RaftCtx): void {
  send(s, ctx, srv.id, to, {
    type: 'InstallSnapshotReply',
    term: srv.currentTerm,
    lastIncludedIndex: at,
    e: 0,
    mid: 0,
  });
}
