import { describe, expect, it } from 'vitest';
import { presetScenario, runScenario } from '../../core/testing';
import { raftModel } from './model';
import { advanceCommit, appendNew, onAppendEntries, onAppendReply } from './replication';
import type { AppendReply, AppendRequest, Entry, RaftState } from './state';
import { clusterWithLogs, deliver, fakeCtx, raftScenario, sentBy } from './testkit';

const entry = (index: number, term: number): Entry => ({
  index,
  term,
  command: `set k=${term}.${index}`,
  id: term * 1000 + index,
});
const ae = (
  term: number,
  prevLogIndex: number,
  prevLogTerm: number,
  entries: Entry[],
  leaderCommit = 0,
): AppendRequest => ({
  type: 'AppendEntries',
  term,
  prevLogIndex,
  prevLogTerm,
  entries,
  leaderCommit,
  e: 0,
  mid: 0,
});
const replies = (ctx: ReturnType<typeof fakeCtx>, from: number) =>
  sentBy(ctx, from, 'AppendEntriesReply') as AppendReply[];
const terms = (s: RaftState, id: number) => s.servers[id]!.log.map((e) => e.term);

describe('AppendEntries at a follower', () => {
  it('rejects when its log has no entry at prevLogIndex with prevLogTerm', () => {
    const s = clusterWithLogs([
      [1, 1, 2],
      [1, 1],
    ]);
    const ctx = fakeCtx();
    const f = s.servers[1]!;
    onAppendEntries(s, f, deliver(0, f, ae(2, 3, 2, [entry(4, 2)])), ctx); // too short
    onAppendEntries(s, f, deliver(0, f, ae(2, 2, 2, [entry(3, 2)])), ctx); // term mismatch
    expect(replies(ctx, 1).map((r) => r.success)).toEqual([false, false]);
    expect(terms(s, 1)).toEqual([1, 1]);
    // A rejection still comes from the current leader: the follower knows it and resets its timer.
    expect(f.leaderId).toBe(0);
    expect(ctx.timers.filter((t) => t.data.k === 'election')).toHaveLength(2);
  });

  it('deletes a conflicting entry and everything after it, then appends', () => {
    const s = clusterWithLogs([
      [1, 1, 4, 4],
      [1, 1, 2, 2, 2],
    ]);
    const ctx = fakeCtx();
    const f = s.servers[1]!;
    onAppendEntries(s, f, deliver(0, f, ae(4, 2, 1, [entry(3, 4), entry(4, 4)], 3)), ctx);
    expect(terms(s, 1)).toEqual([1, 1, 4, 4]);
    expect(replies(ctx, 1)).toMatchObject([{ success: true, matchIndex: 4 }]);
    // commitIndex = min(leaderCommit, index of last new entry), and committed entries are applied.
    expect(f.commitIndex).toBe(3);
    expect(f.lastApplied).toBe(3);
    expect(f.kv).toEqual({ k: '4.3' });
    expect(ctx.lines.map((l) => l.text)).toContain(
      "S2 deleted entries 3 to 5: they conflict with leader S1's log",
    );
    expect(s.ghost.violations).toEqual({});
  });

  it('keeps entries that already match, so a late, shorter AppendEntries truncates nothing', () => {
    const s = clusterWithLogs([
      [1, 1, 1],
      [1, 1, 1],
    ]);
    const ctx = fakeCtx();
    const f = s.servers[1]!;
    onAppendEntries(s, f, deliver(0, f, ae(1, 0, 0, [entry(1, 1)], 1)), ctx);
    expect(terms(s, 1)).toEqual([1, 1, 1]);
    // It reports only what this request proved to match.
    expect(replies(ctx, 1)).toMatchObject([{ success: true, matchIndex: 1 }]);
    expect(f.commitIndex).toBe(1);
  });

  it('rejects a stale leader, which steps down on the reply', () => {
    const s = clusterWithLogs([[1], [1]]);
    const ctx = fakeCtx();
    const [old, f] = [s.servers[0]!, s.servers[1]!];
    f.currentTerm = 3;
    old.role = 'leader';
    onAppendEntries(s, f, deliver(0, f, ae(1, 1, 1, [])), ctx);
    const reply = replies(ctx, 1)[0]!;
    expect(reply).toMatchObject({ success: false, term: 3 });
    onAppendReply(s, old, deliver(1, old, reply), ctx);
    expect(old.role).toBe('follower');
    expect(old.currentTerm).toBe(3);
  });

  it('makes a candidate of the same term step down', () => {
    const s = clusterWithLogs([[1], [1]]);
    const ctx = fakeCtx();
    const c = s.servers[1]!;
    c.role = 'candidate';
    onAppendEntries(s, c, deliver(0, c, ae(1, 1, 1, [])), ctx);
    expect(c.role).toBe('follower');
    expect(c.leaderId).toBe(0);
  });
});

describe('the leader', () => {
  const leaderOf = (logs: number[][], term: number, params = {}) => {
    const s = clusterWithLogs(logs);
    const ctx = fakeCtx(params);
    const l = s.servers[0]!;
    l.role = 'leader';
    l.currentTerm = term;
    l.nextIndex.fill(l.log.length + 1);
    return { s, ctx, l };
  };
  const reject = (prevLogIndex: number, term: number, hint = 0): AppendReply => ({
    type: 'AppendEntriesReply',
    term,
    success: false,
    prevLogIndex,
    matchIndex: 0,
    hint,
    e: 0,
    mid: 0,
  });

  it('backs nextIndex off by one per rejection and retries at once', () => {
    const { s, ctx, l } = leaderOf([[1, 2, 2, 2], [1]], 2);
    onAppendReply(s, l, deliver(1, l, reject(4, 2)), ctx);
    expect(l.nextIndex[1]).toBe(4);
    const retry = sentBy(ctx, 0, 'AppendEntries')[0] as AppendRequest;
    expect(retry).toMatchObject({ prevLogIndex: 3, prevLogTerm: 2 });
    expect(retry.entries.map((e) => e.index)).toEqual([4]);
    // A rejection of an older probe is ignored.
    onAppendReply(s, l, deliver(1, l, reject(4, 2)), ctx);
    expect(l.nextIndex[1]).toBe(4);
  });

  it('with conflictHint, jumps to where the follower said its log diverges', () => {
    const { s, ctx, l } = leaderOf([[1, 2, 2, 2], [1]], 2, { conflictHint: true });
    onAppendReply(s, l, deliver(1, l, reject(4, 2, 2)), ctx);
    expect(l.nextIndex[1]).toBe(2);
  });

  it('does not commit an entry of an earlier term by counting replicas (Figure 8)', () => {
    // Figure 8 (c): S1 leads term 4 and has spread its term-2 entry to a majority.
    const { s, ctx, l } = leaderOf([[1, 2], [1, 2], [1, 2], [1], [1, 3]], 4);
    l.commitIndex = 1;
    l.matchIndex.fill(0);
    l.matchIndex[1] = 2;
    l.matchIndex[2] = 2;
    advanceCommit(s, l, ctx);
    // Committing it would be unsafe: S5 (last term 3) could still win and overwrite index 2.
    expect(l.commitIndex).toBe(1);
    // Once an entry of its own term is on a majority, both commit (Figure 8 (e)).
    appendNew(s, l, 'set x=4');
    l.matchIndex[1] = 3;
    advanceCommit(s, l, ctx);
    expect(l.commitIndex).toBe(1);
    l.matchIndex[2] = 3;
    advanceCommit(s, l, ctx);
    expect(l.commitIndex).toBe(3);
    expect(l.kv).toEqual({ k: '2.2', x: '4' });
    expect(ctx.lines.map((x) => x.text)).toContain(
      'S1 committed entries 2 to 3 (up to set x=4) in term 4',
    );
    expect(s.ghost.committedTerms.slice(1)).toEqual([4, 4]);
  });
});

describe('replication in a running cluster', () => {
  it('commits client requests on every server and applies them in order', () => {
    const r = runScenario(raftModel, presetScenario(raftModel, 'replication'), 6000);
    const s = r.sim.state as RaftState;
    expect(r.violation).toBeNull();
    const leader = s.servers[s.leader]!;
    expect(leader.commitIndex).toBeGreaterThan(8);
    for (const srv of s.servers) {
      expect(srv.log.slice(0, leader.commitIndex)).toEqual(leader.log.slice(0, leader.commitIndex));
      expect(srv.lastApplied).toBe(srv.commitIndex);
    }
    expect(r.log.map((l) => l.text)).toContain('S3 redirected the client to S1');
    const y7 = leader.log.find((e) => e.command === 'set y=7');
    expect(y7 && y7.index <= leader.commitIndex).toBe(true);
  });

  it('a leader cut off in a minority never commits; after the heal the logs converge', () => {
    const scenario = presetScenario(raftModel, 'minority-leader');
    const r = runScenario(raftModel, scenario, 4900);
    const s = r.sim.state as RaftState;
    const old = s.servers[0]!;
    expect(old.role).toBe('leader');
    const stranded = old.log.filter((e) => e.command === 'set x=1' || e.command === 'set y=2');
    expect(stranded).toHaveLength(2);
    expect(old.commitIndex).toBeLessThan(stranded[0]!.index);
    expect(s.leader).toBeGreaterThanOrEqual(2);
    r.sim.runUntil(6500);
    expect(r.sim.violation).toBeNull();
    const leader = s.servers[s.leader]!;
    expect(old.role).toBe('follower');
    for (const srv of s.servers) {
      expect(srv.log).toEqual(leader.log);
      expect(srv.commitIndex).toBe(leader.commitIndex);
      expect(srv.kv).toEqual(leader.kv);
    }
    expect(leader.log.some((e) => e.command === 'set x=1')).toBe(false);
    expect(leader.kv).toEqual({ z: '3' });
  });

  it('a restarted server keeps its term, vote and log, loses its commit index, and catches up', () => {
    const crashed = 3;
    const scenario = raftScenario({ clientRateHz: 5 }, [
      { at: 1000, action: 'crash', server: crashed },
      { at: 2000, action: 'restart', server: crashed },
    ]);
    const r = runScenario(raftModel, scenario, 1999);
    const s = r.sim.state as RaftState;
    const srv = s.servers[crashed]!;
    const before = { term: srv.currentTerm, votedFor: srv.votedFor, log: srv.log.slice() };
    expect(before.log.length).toBeGreaterThan(2);
    expect(srv.commitIndex).toBe(0);
    r.sim.runUntil(2000);
    expect(srv.crashed).toBe(false);
    expect({ term: srv.currentTerm, votedFor: srv.votedFor, log: srv.log.slice() }).toEqual(before);
    expect(srv.commitIndex).toBe(0);
    expect(srv.kv).toEqual({});
    r.sim.runUntil(2500);
    const leader = s.servers[s.leader]!;
    expect(srv.commitIndex).toBeGreaterThanOrEqual(leader.commitIndex - 2);
    const replayed: Record<string, string> = {};
    for (const e of leader.log.slice(0, srv.commitIndex)) {
      const m = /^set (\w+)=(.*)$/.exec(e.command);
      if (m) replayed[m[1]!] = m[2]!;
    }
    expect(srv.kv).toEqual(replayed);
    expect(Object.keys(replayed).length).toBeGreaterThan(0);
    expect(r.sim.violation).toBeNull();
  });
});
