/**
 * Role changes and timers: the election timer every non-leader runs, stepping down on a higher
 * term, and the cluster-wide "who leads" that the metrics and the views read.
 */
import { NEVER, majority, name, type RaftCtx, type RaftState, type Server } from './state';

/**
 * Restarts `srv`'s election timer with a fresh random timeout in [timeoutMsMin, timeoutMsMax], or
 * the state's timeout policy's choice when it has one.
 */
export function resetElectionTimer(s: RaftState, srv: Server, ctx: RaftCtx): void {
  if (srv.electionTimer >= 0) ctx.cancel(srv.electionTimer);
  const lo = ctx.params.timeoutMsMin;
  const timeout = s.timeoutPolicy
    ? s.timeoutPolicy(srv, s, ctx)
    : ctx.rng('timeouts').int(lo, Math.max(lo, ctx.params.timeoutMsMax));
  srv.electionTimeoutMs = timeout;
  srv.electionDeadline = ctx.now + timeout;
  srv.electionTimer = ctx.schedule(timeout, { k: 'election', s: srv.id, e: s.epoch });
}

export function stopElectionTimer(srv: Server, ctx: RaftCtx): void {
  if (srv.electionTimer >= 0) ctx.cancel(srv.electionTimer);
  srv.electionTimer = -1;
  srv.electionDeadline = -1;
}

export function stopHeartbeat(srv: Server, ctx: RaftCtx): void {
  if (srv.heartbeatTimer >= 0) ctx.cancel(srv.heartbeatTimer);
  srv.heartbeatTimer = -1;
  srv.heartbeatDue = -1;
}

export function scheduleHeartbeat(s: RaftState, srv: Server, ctx: RaftCtx): void {
  const every = ctx.params.heartbeatMs;
  srv.heartbeatDue = ctx.now + every;
  srv.heartbeatTimer = ctx.schedule(every, { k: 'heartbeat', s: srv.id, e: s.epoch });
}

/**
 * Adopts `term` if it is newer and becomes a follower ("if RPC request or response contains
 * term T > currentTerm: set currentTerm = T, convert to follower", Figure 2).
 */
export function stepDown(s: RaftState, srv: Server, term: number, ctx: RaftCtx): void {
  const was = srv.role;
  if (term > srv.currentTerm) {
    srv.currentTerm = term;
    srv.votedFor = -1;
    srv.leaderId = -1;
  }
  if (was === 'follower') {
    refreshLeader(s, ctx.now);
    return;
  }
  srv.role = 'follower';
  srv.votes = [];
  if (was === 'leader') {
    stopHeartbeat(srv, ctx);
    resetElectionTimer(s, srv, ctx);
    ctx.log(`${name(srv.id)} saw term ${term} and stepped down as leader`, {
      kind: 'stepdown',
      nodes: [srv.id],
    });
  } else if (was === 'candidate') {
    ctx.log(`${name(srv.id)} saw term ${term} and gave up its election`, {
      kind: 'stepdown',
      nodes: [srv.id],
    });
  }
  refreshLeader(s, ctx.now);
}

/** A candidate (or pre-candidate) of the current term hears from its leader and follows it. */
export function followLeader(s: RaftState, srv: Server, leaderId: number, ctx: RaftCtx): void {
  if (srv.role === 'candidate')
    ctx.log(
      `${name(srv.id)} heard from ${name(leaderId)}, leader of term ${srv.currentTerm}, and stopped campaigning`,
      { kind: 'stepdown', nodes: [srv.id, leaderId] },
    );
  srv.role = 'follower';
  srv.votes = [];
  srv.leaderId = leaderId;
  refreshLeader(s, ctx.now);
}

/**
 * The cluster's leader: a live leader that a majority of servers (itself included) follow in its
 * term. A deposed leader cut off in a minority does not count, nor does one nobody has heard from
 * yet. Called after every change of role, term, leader or liveness (rare events), it also keeps
 * the running downtime.
 */
export function refreshLeader(s: RaftState, now: number): void {
  let found = -1;
  for (const l of s.servers) {
    if (l.crashed || l.role !== 'leader') continue;
    let follow = 0;
    for (const f of s.servers)
      if (!f.crashed && f.currentTerm === l.currentTerm && f.leaderId === l.id) follow++;
    if (follow >= majority(s)) found = l.id;
  }
  if (found === s.leader) return;
  if (s.leader < 0) s.downtimeMs += now - s.downSince;
  else if (found < 0) s.downSince = now;
  s.leader = found;
}

/** Downtime so far (ms without a leader a majority follows). */
export const downtimeMs = (s: RaftState, now: number): number =>
  s.downtimeMs + (s.leader < 0 ? now - s.downSince : 0);

/**
 * A crash loses volatile state; the term, the vote, the snapshot and the log survive on disk. The
 * state machine comes back from the snapshot (paper §7), the commit index with it.
 */
export function crashServer(s: RaftState, srv: Server, ctx: RaftCtx): void {
  stopElectionTimer(srv, ctx);
  stopHeartbeat(srv, ctx);
  srv.crashed = true;
  srv.role = 'follower';
  srv.commitIndex = srv.snapshot.index;
  srv.lastApplied = srv.snapshot.index;
  srv.kv = { ...srv.snapshot.kv };
  srv.leaderId = -1;
  srv.lastLeaderContact = NEVER;
  srv.votes = [];
  srv.nextIndex.fill(1);
  srv.matchIndex.fill(0);
  srv.awaiting.fill(false);
  refreshLeader(s, ctx.now);
}

export function restartServer(s: RaftState, srv: Server, ctx: RaftCtx): void {
  srv.crashed = false;
  srv.role = 'follower';
  resetElectionTimer(s, srv, ctx);
  refreshLeader(s, ctx.now);
}
