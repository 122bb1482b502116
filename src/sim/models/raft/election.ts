/**
 * Leader election (paper §5.2, §5.4.1) and Pre-Vote (thesis §9.6): election timeouts,
 * RequestVote with the up-to-date check, one vote per term, counting votes, and winning.
 */
import { checkNewLeader, hashAt, lastIndex, lastTerm, upToDate, violate } from './log';
import { appendNew, broadcastAppend } from './replication';
import {
  refreshLeader,
  resetElectionTimer,
  scheduleHeartbeat,
  stepDown,
  stopElectionTimer,
} from './roles';
import { send } from './net';
import {
  majority,
  name,
  type RaftCtx,
  type RaftState,
  type Server,
  type VoteReply,
  type VoteRequest,
} from './state';
import type { Delivery } from '../../core/types';

/** The election timer fired (or a `timeout` input forced it). */
export function onElectionTimeout(s: RaftState, srv: Server, ctx: RaftCtx, forced: boolean): void {
  if (srv.crashed || srv.role === 'leader') return;
  srv.electionTimer = -1;
  if (srv.role === 'candidate') noteFailedElection(s, srv.currentTerm, ctx);
  if (ctx.params.preVote) startPreVote(s, srv, ctx, forced);
  else startElection(s, srv, ctx, forced ? 'was forced to time out' : 'timed out');
}

/** A candidate's term ended without a winner; with two or more candidates it was a split vote. */
function noteFailedElection(s: RaftState, term: number, ctx: RaftCtx): void {
  const g = s.ghost;
  if ((g.leaderOfTerm[term] ?? -1) >= 0 || (g.candidatesInTerm[term] ?? 0) < 2) return;
  if (term <= s.lastSplitTerm) return;
  s.lastSplitTerm = term;
  s.splitVotes++;
  ctx.log(`Split vote in term ${term}: nobody won`, { kind: 'split' });
}

function requestVotes(s: RaftState, srv: Server, ctx: RaftCtx, pre: boolean): void {
  for (let to = 0; to < s.servers.length; to++) {
    if (to === srv.id) continue;
    send(s, ctx, srv.id, to, {
      type: pre ? 'PreVote' : 'RequestVote',
      term: pre ? srv.currentTerm + 1 : srv.currentTerm,
      lastLogIndex: lastIndex(srv),
      lastLogTerm: lastTerm(srv),
      e: 0,
      mid: 0,
    });
  }
}

function startPreVote(s: RaftState, srv: Server, ctx: RaftCtx, forced: boolean): void {
  srv.role = 'precandidate';
  srv.votes = [srv.id];
  srv.leaderId = -1;
  resetElectionTimer(s, srv, ctx);
  ctx.log(
    `${name(srv.id)} ${forced ? 'was forced to time out' : 'timed out'} and asked for pre-votes for term ${srv.currentTerm + 1}`,
    { kind: 'prevote', nodes: [srv.id] },
  );
  refreshLeader(s, ctx.now);
  requestVotes(s, srv, ctx, true);
}

/** Becomes a candidate: a new term, a vote for itself, RequestVote to everyone. */
export function startElection(s: RaftState, srv: Server, ctx: RaftCtx, why: string): void {
  srv.currentTerm++;
  srv.role = 'candidate';
  srv.votedFor = srv.id;
  srv.votes = [srv.id];
  srv.leaderId = -1;
  const g = s.ghost;
  g.candidatesInTerm[srv.currentTerm] = (g.candidatesInTerm[srv.currentTerm] ?? 0) + 1;
  s.elections++;
  resetElectionTimer(s, srv, ctx);
  ctx.log(`${name(srv.id)} ${why} and started an election for term ${srv.currentTerm}`, {
    kind: 'election',
    nodes: [srv.id],
  });
  refreshLeader(s, ctx.now);
  requestVotes(s, srv, ctx, false);
}

/** RequestVote and PreVote arriving at `srv`. */
export function onVoteRequest(
  s: RaftState,
  srv: Server,
  msg: Delivery<VoteRequest>,
  ctx: RaftCtx,
): void {
  const m = msg.payload;
  const cand = msg.from;
  const logOk = s.bug === 'stale-log-vote' || upToDate(m.lastLogTerm, m.lastLogIndex, srv);
  if (m.type === 'PreVote') {
    // A pre-vote changes nothing here: no term bump, no recorded vote, no timer reset.
    const sinceLeader = ctx.now - srv.lastLeaderContact;
    const leaderAlive = srv.role === 'leader' || sinceLeader < ctx.params.timeoutMsMin;
    const granted = m.term > srv.currentTerm && logOk && !leaderAlive;
    if (!granted) {
      const why = leaderAlive
        ? srv.role === 'leader'
          ? 'it is the leader'
          : `it heard from leader ${name(srv.leaderId)} ${sinceLeader} ms ago`
        : !logOk
          ? 'its log is more up to date'
          : `it is already in term ${srv.currentTerm}`;
      ctx.log(`${name(srv.id)} refused ${name(cand)} a pre-vote: ${why}`, {
        kind: 'prevote',
        nodes: [srv.id, cand],
      });
    }
    reply(s, srv, cand, 'PreVoteReply', granted, m.term, ctx);
    return;
  }
  if (m.term > srv.currentTerm) stepDown(s, srv, m.term, ctx);
  let why = '';
  if (m.term < srv.currentTerm) why = `its term ${srv.currentTerm} is newer than ${m.term}`;
  else if (srv.votedFor >= 0 && srv.votedFor !== cand && s.bug !== 'double-vote')
    why = `it already voted for ${name(srv.votedFor)} in term ${srv.currentTerm}`;
  else if (!logOk) why = 'its log is more up to date';
  const granted = why === '';
  if (granted) {
    if (srv.votedFor !== cand)
      ctx.log(`${name(srv.id)} voted for ${name(cand)} in term ${m.term}`, {
        kind: 'vote',
        nodes: [srv.id, cand],
      });
    srv.votedFor = cand;
    // Granting a vote resets the election timer (Figure 2, Followers).
    resetElectionTimer(s, srv, ctx);
  } else if (srv.votedFor !== srv.id) {
    // A candidate turning down a rival goes unsaid: the split vote is narrated once instead.
    ctx.log(`${name(srv.id)} rejected ${name(cand)}: ${why}`, {
      kind: 'vote',
      nodes: [srv.id, cand],
    });
  }
  reply(s, srv, cand, 'RequestVoteReply', granted, m.term, ctx);
}

function reply(
  s: RaftState,
  srv: Server,
  to: number,
  type: VoteReply['type'],
  granted: boolean,
  forTerm: number,
  ctx: RaftCtx,
): void {
  send(s, ctx, srv.id, to, { type, term: srv.currentTerm, granted, forTerm, e: 0, mid: 0 });
}

/** A vote (or pre-vote) reply arriving at the candidate. */
export function onVoteReply(s: RaftState, srv: Server, msg: Delivery<VoteReply>, ctx: RaftCtx) {
  const m = msg.payload;
  if (m.term > srv.currentTerm) {
    stepDown(s, srv, m.term, ctx);
    return;
  }
  if (!m.granted) return;
  const pre = m.type === 'PreVoteReply';
  if (pre ? srv.role !== 'precandidate' : srv.role !== 'candidate') return;
  if (m.forTerm !== (pre ? srv.currentTerm + 1 : srv.currentTerm)) return;
  if (srv.votes.includes(msg.from)) return;
  srv.votes.push(msg.from);
  if (srv.votes.length < majority(s)) return;
  const of = `${srv.votes.length} of ${s.servers.length}`;
  if (pre) startElection(s, srv, ctx, `won pre-votes from ${of}`);
  else becomeLeader(s, srv, ctx, of);
}

/** Wins the election: initializes nextIndex and matchIndex and asserts leadership at once. */
export function becomeLeader(s: RaftState, srv: Server, ctx: RaftCtx, of: string): void {
  const term = srv.currentTerm;
  srv.role = 'leader';
  srv.leaderId = srv.id;
  srv.lastLeaderContact = ctx.now;
  stopElectionTimer(srv, ctx);
  srv.nextIndex.fill(lastIndex(srv) + 1);
  srv.matchIndex.fill(0);
  srv.awaiting.fill(false);
  const g = s.ghost;
  const prior = g.leaderOfTerm[term] ?? -1;
  if (prior >= 0 && prior !== srv.id)
    violate(
      s,
      'election-safety',
      `${name(prior)} and ${name(srv.id)} were both elected in term ${term}`,
    );
  g.leaderOfTerm[term] = srv.id;
  srv.markTerm = term;
  srv.markLength = lastIndex(srv);
  srv.markHash = hashAt(srv, srv.markLength);
  checkNewLeader(s, srv);
  s.electionsWon++;
  s.recentElections.push({ term, leader: srv.id, at: ctx.now });
  if (s.recentElections.length > 32) s.recentElections.shift();
  ctx.log(`${name(srv.id)} won term ${term} with ${of} votes`, {
    kind: 'leader',
    nodes: [srv.id],
  });
  if (ctx.params.leaderNoOp) appendNew(s, srv, 'no-op');
  srv.matchIndex[srv.id] = lastIndex(srv);
  broadcastAppend(s, srv, ctx, false);
  scheduleHeartbeat(s, srv, ctx);
  refreshLeader(s, ctx.now);
}
