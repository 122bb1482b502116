import { describe, expect, it } from 'vitest';
import { presetScenario, runScenario } from '../../core/testing';
import { onVoteReply, onVoteRequest, startElection } from './election';
import { raftModel } from './model';
import type { RaftState, VoteReply, VoteRequest } from './state';
import { clusterWithLogs, deliver, fakeCtx, raftScenario, sentBy } from './testkit';

const rv = (term: number, lastLogIndex: number, lastLogTerm: number): VoteRequest => ({
  type: 'RequestVote',
  term,
  lastLogIndex,
  lastLogTerm,
  e: 0,
  mid: 0,
});
const pv = (term: number, lastLogIndex: number, lastLogTerm: number): VoteRequest => ({
  ...rv(term, lastLogIndex, lastLogTerm),
  type: 'PreVote',
});
const granted = (ctx: ReturnType<typeof fakeCtx>, from: number): boolean[] =>
  sentBy(ctx, from).map((m) => (m as VoteReply).granted);

describe('RequestVote', () => {
  it('grants a vote to an up-to-date candidate, persists it and resets the election timer', () => {
    const s = clusterWithLogs([[1, 1], [1, 1], [1]]);
    const ctx = fakeCtx();
    const voter = s.servers[1]!;
    onVoteRequest(s, voter, deliver(0, voter, rv(2, 2, 1)), ctx);
    expect(granted(ctx, 1)).toEqual([true]);
    expect(voter.currentTerm).toBe(2);
    expect(voter.votedFor).toBe(0);
    expect(ctx.timers.filter((t) => t.data.k === 'election')).toHaveLength(1);
    expect(ctx.lines.map((l) => l.text)).toContain('S2 voted for S1 in term 2');
  });

  it('votes once per term: a second candidate in the same term is rejected', () => {
    const s = clusterWithLogs([[1], [1], [1]]);
    const ctx = fakeCtx();
    const voter = s.servers[2]!;
    onVoteRequest(s, voter, deliver(0, voter, rv(2, 1, 1)), ctx);
    onVoteRequest(s, voter, deliver(1, voter, rv(2, 1, 1)), ctx);
    // The same candidate asking again (a retry) gets the same answer.
    onVoteRequest(s, voter, deliver(0, voter, rv(2, 1, 1)), ctx);
    expect(granted(ctx, 2)).toEqual([true, false, true]);
    expect(voter.votedFor).toBe(0);
    expect(ctx.lines.map((l) => l.text)).toContain(
      'S3 rejected S2: it already voted for S1 in term 2',
    );
  });

  it('the double-vote bug grants both', () => {
    const s = clusterWithLogs([[1], [1], [1]], 'double-vote');
    const ctx = fakeCtx();
    const voter = s.servers[2]!;
    onVoteRequest(s, voter, deliver(0, voter, rv(2, 1, 1)), ctx);
    onVoteRequest(s, voter, deliver(1, voter, rv(2, 1, 1)), ctx);
    expect(granted(ctx, 2)).toEqual([true, true]);
  });

  it('compares logs by last term first, then by length (paper §5.4.1)', () => {
    const cases: [number, number, boolean][] = [
      // [candidate lastLogIndex, lastLogTerm, granted] against a voter log [1, 2, 2]
      [3, 2, true],
      [5, 2, true],
      [2, 2, false],
      [9, 1, false],
      [1, 3, true],
    ];
    for (const [index, term, expected] of cases) {
      const s = clusterWithLogs([[1], [1, 2, 2]]);
      const ctx = fakeCtx();
      const voter = s.servers[1]!;
      onVoteRequest(s, voter, deliver(0, voter, rv(4, index, term)), ctx);
      expect(granted(ctx, 1), `candidate (${index}, t${term})`).toEqual([expected]);
      // Even a rejected candidate's newer term is adopted.
      expect(voter.currentTerm).toBe(4);
    }
    const s = clusterWithLogs([[1], [1, 2, 2]]);
    const ctx = fakeCtx();
    onVoteRequest(s, s.servers[1]!, deliver(0, s.servers[1]!, rv(4, 2, 2)), ctx);
    expect(ctx.lines.map((l) => l.text)).toContain('S2 rejected S1: its log is more up to date');
  });

  it('rejects a stale term, and a leader steps down for a newer one', () => {
    const s = clusterWithLogs([[1], [1], [1]]);
    const ctx = fakeCtx();
    const leader = s.servers[1]!;
    leader.currentTerm = 3;
    leader.role = 'leader';
    onVoteRequest(s, leader, deliver(0, leader, rv(2, 1, 1)), ctx);
    expect(granted(ctx, 1)).toEqual([false]);
    expect(leader.role).toBe('leader');
    onVoteRequest(s, leader, deliver(0, leader, rv(4, 1, 1)), ctx);
    expect(granted(ctx, 1)).toEqual([false, true]);
    expect(leader.role).toBe('follower');
    expect(leader.currentTerm).toBe(4);
  });

  it('a candidate wins with a majority and counts each voter once', () => {
    const s = clusterWithLogs([[1], [1], [1], [1], [1]]);
    const ctx = fakeCtx();
    const cand = s.servers[0]!;
    startElection(s, cand, ctx, 'timed out');
    expect(cand.currentTerm).toBe(2);
    expect(sentBy(ctx, 0, 'RequestVote')).toHaveLength(4);
    const yes: VoteReply = {
      type: 'RequestVoteReply',
      term: 2,
      granted: true,
      forTerm: 2,
      e: 0,
      mid: 0,
    };
    onVoteReply(s, cand, deliver(1, cand, yes), ctx);
    onVoteReply(s, cand, deliver(1, cand, yes), ctx);
    expect(cand.role).toBe('candidate');
    onVoteReply(s, cand, deliver(2, cand, yes), ctx);
    expect(cand.role).toBe('leader');
    expect(s.ghost.leaderOfTerm[2]).toBe(0);
    expect(ctx.lines.map((l) => l.text)).toContain('S1 won term 2 with 3 of 5 votes');
    // It asserts leadership at once: AppendEntries (with its no-op entry) to every follower.
    expect(sentBy(ctx, 0, 'AppendEntries')).toHaveLength(4);
  });
});

describe('Pre-Vote', () => {
  it('is granted only without a recent leader and for an up-to-date log, changing nothing', () => {
    const s = clusterWithLogs([[1], [1], [1, 1]]);
    const ctx = fakeCtx({ timeoutMsMin: 150 }, 1000);
    const voter = s.servers[1]!;
    voter.lastLeaderContact = 900;
    onVoteRequest(s, voter, deliver(0, voter, pv(2, 1, 1)), ctx);
    voter.lastLeaderContact = 800;
    onVoteRequest(s, voter, deliver(0, voter, pv(2, 1, 1)), ctx);
    const other = s.servers[2]!;
    onVoteRequest(s, other, deliver(0, other, pv(2, 1, 1)), ctx);
    expect(granted(ctx, 1)).toEqual([false, true]);
    expect(granted(ctx, 2)).toEqual([false]);
    expect(voter.currentTerm).toBe(1);
    expect(voter.votedFor).toBe(-1);
    expect(ctx.timers).toHaveLength(0);
  });
});

const leaderOf = (s: RaftState) => s.servers.filter((x) => x.role === 'leader' && !x.crashed);

describe('elections in a running cluster', () => {
  it('elects exactly one leader of term 1 at the start', () => {
    const r = runScenario(raftModel, presetScenario(raftModel, 'election'), 1000);
    const s = r.sim.state as RaftState;
    expect(r.violation).toBeNull();
    expect(leaderOf(s)).toHaveLength(1);
    expect(s.leader).toBe(leaderOf(s)[0]!.id);
    expect(s.servers.every((x) => x.currentTerm === 1)).toBe(true);
    expect(r.log.some((l) => /^S\d won term 1 with [345] of 5 votes$/.test(l.text))).toBe(true);
  });

  it('narrates split votes and still elects a leader', () => {
    const r = runScenario(raftModel, presetScenario(raftModel, 'split-vote'), 3000);
    const s = r.sim.state as RaftState;
    expect(r.violation).toBeNull();
    expect(s.splitVotes).toBeGreaterThan(0);
    expect(r.log.some((l) => /^Split vote in term \d+: nobody won$/.test(l.text))).toBe(true);
    expect(s.leader).toBeGreaterThanOrEqual(0);
  });

  it('with Pre-Vote, a server cut off from the cluster keeps its term and does not depose the leader', () => {
    const scenario = presetScenario(raftModel, 'pre-vote');
    const isolated = (scenario.inputs[0]!.groups as number[][])[0]![0]!;
    const run = (preVote: boolean) => {
      const r = runScenario(
        raftModel,
        { ...scenario, params: { ...scenario.params, preVote } },
        4400,
      );
      const s = r.sim.state as RaftState;
      const before = { leader: s.leader, term: s.servers[s.leader]!.currentTerm };
      const isolatedTerm = s.servers[isolated]!.currentTerm;
      r.sim.runUntil(7000);
      expect(r.sim.violation).toBeNull();
      return {
        before,
        isolatedTerm,
        after: { leader: s.leader, term: s.servers[s.leader]!.currentTerm },
      };
    };
    const on = run(true);
    expect(on.before.leader).not.toBe(isolated);
    expect(on.isolatedTerm).toBe(on.before.term);
    expect(on.after).toEqual(on.before);
    // Without Pre-Vote the same schedule disrupts the cluster: the test can fail.
    const off = run(false);
    expect(off.isolatedTerm).toBeGreaterThan(off.before.term + 3);
    expect(off.after.term).toBeGreaterThan(off.before.term);
  });

  it('a forced timeout starts an election; a leader cannot be forced', () => {
    const base = runScenario(raftModel, raftScenario(), 1000);
    const leader = (base.sim.state as RaftState).leader;
    const follower = (leader + 1) % 5;
    const r = runScenario(
      raftModel,
      raftScenario({}, [
        { at: 1000, action: 'timeout', server: leader },
        { at: 1500, action: 'timeout', server: follower },
      ]),
      2000,
    );
    const texts = r.log.map((l) => l.text);
    expect(texts).toContain(
      `S${follower + 1} was forced to time out and started an election for term 2`,
    );
    expect(texts).toContain(`S${leader + 1} cannot time out: a leader has no election timer`);
  });
});
