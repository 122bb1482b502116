/**
 * Log replication (paper §5.3, §5.4.2): AppendEntries with the consistency check, conflict
 * truncation, nextIndex back-off, matchIndex, and the commit rule of Figure 8 (a leader commits
 * by counting replicas only entries of its own term). Log compaction (§7) is in snapshot.ts: a
 * follower that needs entries the leader has discarded gets its snapshot instead.
 */
import type { Delivery } from '../../core/types';
import {
  appendEntry,
  applyCommitted,
  entryAt,
  lastIndex,
  recordCommit,
  termAt,
  truncateLog,
} from './log';
import { send } from './net';
import { followLeader, resetElectionTimer, scheduleHeartbeat, stepDown } from './roles';
import { maybeCompact, sendSnapshot } from './snapshot';
import {
  majority,
  name,
  type AppendReply,
  type AppendRequest,
  type Entry,
  type RaftCtx,
  type RaftState,
  type Server,
  type SnapshotReply,
} from './state';

/** Entries per AppendEntries at most: a far-behind follower catches up in several rounds. */
export const MAX_BATCH = 16;
const NO_ENTRIES: Entry[] = [];

/** The leader appends a new entry of its term to its own log. */
export function appendNew(s: RaftState, leader: Server, command: string): Entry {
  const entry: Entry = {
    index: lastIndex(leader) + 1,
    term: leader.currentTerm,
    command,
    id: s.nextEntryId++,
  };
  appendEntry(s, leader, entry);
  leader.matchIndex[leader.id] = entry.index;
  return entry;
}

/**
 * Sends `to` the entries from its nextIndex on (none for a heartbeat), with the leader's commit;
 * its snapshot instead when it has discarded the entry before them.
 */
export function sendAppend(s: RaftState, leader: Server, to: number, ctx: RaftCtx): void {
  const prevLogIndex = leader.nextIndex[to]! - 1;
  const snap = leader.snapshot.index;
  if (prevLogIndex < snap) {
    sendSnapshot(s, leader, to, ctx);
    return;
  }
  const end = Math.min(lastIndex(leader), prevLogIndex + MAX_BATCH);
  leader.awaiting[to] = true;
  send(s, ctx, leader.id, to, {
    type: 'AppendEntries',
    term: leader.currentTerm,
    prevLogIndex,
    prevLogTerm: termAt(leader, prevLogIndex),
    entries: end > prevLogIndex ? leader.log.slice(prevLogIndex - snap, end - snap) : NO_ENTRIES,
    leaderCommit: leader.commitIndex,
    e: 0,
    mid: 0,
  });
}

/** To every follower, or (`idleOnly`) to those not waiting for a reply already. */
export function broadcastAppend(s: RaftState, leader: Server, ctx: RaftCtx, idleOnly: boolean) {
  for (let to = 0; to < s.servers.length; to++)
    if (to !== leader.id && !(idleOnly && leader.awaiting[to])) sendAppend(s, leader, to, ctx);
}

/** AppendEntries arriving at `srv` (the receiver implementation of Figure 2). */
export function onAppendEntries(
  s: RaftState,
  srv: Server,
  msg: Delivery<AppendRequest>,
  ctx: RaftCtx,
): void {
  const m = msg.payload;
  const from = msg.from;
  // 1. Reply false if term < currentTerm. (Two leaders in one term cannot happen; if a bug makes
  // it happen, the leader keeps its role so the invariants see it.)
  if (m.term < srv.currentTerm || (m.term === srv.currentTerm && srv.role === 'leader')) {
    appendReply(s, srv, from, m.prevLogIndex, false, 0, 0, ctx);
    return;
  }
  if (m.term > srv.currentTerm) stepDown(s, srv, m.term, ctx);
  if (srv.role !== 'follower' || srv.leaderId !== from) followLeader(s, srv, from, ctx);
  srv.lastLeaderContact = ctx.now;
  resetElectionTimer(s, srv, ctx);
  // Entries up to the snapshot are committed here, so they match the leader's: skip them.
  const snap = srv.snapshot.index;
  let prevLogIndex = m.prevLogIndex;
  let prevLogTerm = m.prevLogTerm;
  let entries = m.entries;
  if (prevLogIndex < snap) {
    if (prevLogIndex + entries.length <= snap) {
      appendReply(s, srv, from, m.prevLogIndex, true, snap, 0, ctx);
      return;
    }
    prevLogTerm = entries[snap - prevLogIndex - 1]!.term;
    entries = entries.slice(snap - prevLogIndex);
    prevLogIndex = snap;
  }
  // 2. Reply false if the log has no entry at prevLogIndex whose term matches prevLogTerm.
  const have = termAt(srv, prevLogIndex);
  if (have !== prevLogTerm) {
    const hint = ctx.params.conflictHint ? conflictHint(srv, prevLogIndex, have) : 0;
    appendReply(s, srv, from, m.prevLogIndex, false, 0, hint, ctx);
    return;
  }
  // 3-4. Delete a conflicting entry and all that follow it; append entries not already there.
  let index = prevLogIndex;
  for (const entry of entries) {
    index++;
    if (index <= lastIndex(srv)) {
      if (entryAt(srv, index)!.term === entry.term) continue;
      ctx.log(
        `${name(srv.id)} deleted entries ${index} to ${lastIndex(srv)}: they conflict with leader ${name(from)}'s log`,
        { kind: 'truncate', nodes: [srv.id] },
      );
      truncateLog(s, srv, index - 1);
    }
    appendEntry(s, srv, entry);
  }
  // 5. commitIndex = min(leaderCommit, index of last new entry).
  if (m.leaderCommit > srv.commitIndex) {
    srv.commitIndex = Math.max(srv.commitIndex, Math.min(m.leaderCommit, index));
    applyCommitted(s, srv);
    maybeCompact(s, srv, ctx);
  }
  appendReply(s, srv, from, m.prevLogIndex, true, index, 0, ctx);
}

function appendReply(
  s: RaftState,
  srv: Server,
  to: number,
  prevLogIndex: number,
  success: boolean,
  matchIndex: number,
  hint: number,
  ctx: RaftCtx,
): void {
  send(s, ctx, srv.id, to, {
    type: 'AppendEntriesReply',
    term: srv.currentTerm,
    success,
    prevLogIndex,
    matchIndex,
    hint,
    e: 0,
    mid: 0,
  });
}

/**
 * Where the leader may resume after a rejection (paper §5.3): past the follower's log when it is
 * too short, else the first index of the conflicting term.
 */
function conflictHint(srv: Server, prevLogIndex: number, have: number): number {
  if (have < 0) return lastIndex(srv) + 1;
  // Not back into the snapshot: its entries are committed, so they match the leader's.
  let i = prevLogIndex;
  while (i > srv.snapshot.index + 1 && termAt(srv, i - 1) === have) i--;
  return i;
}

/**
 * Whether a reply from follower `p` is of the leader's current term (then `p` awaits nothing
 * more); a newer term makes the leader step down.
 */
function currentReply(s: RaftState, srv: Server, term: number, p: number, ctx: RaftCtx): boolean {
  if (term > srv.currentTerm) {
    stepDown(s, srv, term, ctx);
    return false;
  }
  if (srv.role !== 'leader' || term !== srv.currentTerm) return false;
  srv.awaiting[p] = false;
  return true;
}

/** Follower `p`'s log matches the leader's up to `index`: commit what a majority holds, go on. */
function matched(s: RaftState, srv: Server, p: number, index: number, ctx: RaftCtx): void {
  const match = Math.min(index, lastIndex(srv));
  if (match > srv.matchIndex[p]!) srv.matchIndex[p] = match;
  if (match + 1 > srv.nextIndex[p]!) srv.nextIndex[p] = match + 1;
  advanceCommit(s, srv, ctx);
  if (srv.nextIndex[p]! <= lastIndex(srv)) sendAppend(s, srv, p, ctx);
}

/** A follower's AppendEntries reply arriving at the leader. */
export function onAppendReply(s: RaftState, srv: Server, msg: Delivery<AppendReply>, ctx: RaftCtx) {
  const m = msg.payload;
  const p = msg.from;
  if (!currentReply(s, srv, m.term, p, ctx)) return;
  if (m.success) {
    matched(s, srv, p, m.matchIndex, ctx);
    return;
  }
  // A rejection of an older probe is stale: the current one is already on its way.
  if (m.prevLogIndex !== srv.nextIndex[p]! - 1) return;
  const back = srv.nextIndex[p]! - 1;
  srv.nextIndex[p] = Math.max(1, m.hint > 0 ? Math.min(back, m.hint) : back);
  sendAppend(s, srv, p, ctx);
}

/** A follower's InstallSnapshot reply at the leader: its log now matches up to the snapshot. */
export function onSnapshotReply(
  s: RaftState,
  srv: Server,
  msg: Delivery<SnapshotReply>,
  ctx: RaftCtx,
): void {
  const m = msg.payload;
  if (currentReply(s, srv, m.term, msg.from, ctx))
    matched(s, srv, msg.from, m.lastIncludedIndex, ctx);
}

/**
 * Commits the highest index N stored on a majority whose entry is of the leader's current term;
 * older entries are committed only indirectly, with it (Figure 8).
 */
export function advanceCommit(s: RaftState, leader: Server, ctx: RaftCtx): void {
  const need = majority(s);
  for (let n = lastIndex(leader); n > leader.commitIndex; n--) {
    // Terms never decrease along a log: below this point every entry is of an older term.
    if (entryAt(leader, n)!.term !== leader.currentTerm) return;
    let count = 1;
    for (let p = 0; p < s.servers.length; p++)
      if (p !== leader.id && leader.matchIndex[p]! >= n) count++;
    if (count < need) continue;
    const from = leader.commitIndex + 1;
    recordCommit(s, leader, n);
    const e = entryAt(leader, n)!;
    ctx.log(
      n === from
        ? `${name(leader.id)} committed entry ${n} (${e.command}) in term ${leader.currentTerm}`
        : `${name(leader.id)} committed entries ${from} to ${n} (up to ${e.command}) in term ${leader.currentTerm}`,
      { kind: 'commit', nodes: [leader.id] },
    );
    leader.commitIndex = n;
    applyCommitted(s, leader);
    maybeCompact(s, leader, ctx);
    return;
  }
}

/** The leader's heartbeat timer: AppendEntries to every follower, then again in heartbeatMs. */
export function onHeartbeat(s: RaftState, srv: Server, ctx: RaftCtx): void {
  srv.heartbeatTimer = -1;
  if (srv.crashed || srv.role !== 'leader') return;
  srv.lastLeaderContact = ctx.now;
  broadcastAppend(s, srv, ctx, false);
  scheduleHeartbeat(s, srv, ctx);
}
