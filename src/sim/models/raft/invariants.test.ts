/** Each of the five checks can fail: hand-made breakages of each property are reported. */
import { describe, expect, it } from 'vitest';
import { becomeLeader } from './election';
import { raftInvariants } from './invariants';
import { appendEntry, applyCommitted, checkNewLeader, recordCommit, truncateLog } from './log';
import type { RaftState } from './state';
import { clusterWithLogs, fakeCtx } from './testkit';

const broken = (s: RaftState): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const inv of raftInvariants) {
    const detail = inv.check(s, fakeCtx());
    if (detail) out[inv.id] = detail;
  }
  return out;
};

describe('Raft invariants', () => {
  it('hold on consistent logs', () => {
    const s = clusterWithLogs([
      [1, 1, 2],
      [1, 1],
      [1, 1, 2, 2],
    ]);
    expect(broken(s)).toEqual({});
  });

  it('Election Safety: two leaders in one term', () => {
    const s = clusterWithLogs([[1], [1], [1]]);
    // Without the no-op the two leaders' logs stay alike, so only Election Safety breaks.
    const ctx = fakeCtx({ leaderNoOp: false });
    for (const id of [0, 1]) {
      const srv = s.servers[id]!;
      srv.currentTerm = 2;
      srv.role = 'candidate';
      becomeLeader(s, srv, ctx, '2 of 3');
    }
    expect(broken(s)).toEqual({ 'election-safety': 'S1 and S2 were both elected in term 2' });
  });

  it('Leader Append-Only: a leader deletes or rewrites its own entries', () => {
    const s = clusterWithLogs([[1, 1, 1], [1]]);
    const leader = s.servers[0]!;
    leader.role = 'leader';
    leader.markTerm = leader.currentTerm;
    leader.markLength = 3;
    leader.markHash = leader.hashes[2]!;
    expect(broken(s)).toEqual({});
    // Rewriting the tail behind the helpers' back is still seen: the prefix hash no longer matches.
    leader.log.length = 2;
    leader.hashes.length = 2;
    appendEntry(s, leader, { index: 3, term: 1, command: 'set q=1', id: 99 });
    expect(Object.keys(broken(s))).toEqual(['leader-append-only', 'log-matching']);
    const t = clusterWithLogs([[1, 1, 1]]);
    t.servers[0]!.role = 'leader';
    t.servers[0]!.markTerm = 1;
    t.servers[0]!.markLength = 3;
    truncateLog(t, t.servers[0]!, 1);
    expect(broken(t)['leader-append-only']).toBe(
      'S1, leader of term 1, deleted entries 2 to 3 of its own log',
    );
  });

  it('Log Matching: the same (index, term) after different prefixes', () => {
    const s = clusterWithLogs([[1, 2], [3]]);
    // S2 gets an entry 2 of term 2 on top of a different entry 1: Raft's consistency check forbids it.
    appendEntry(s, s.servers[1]!, s.servers[0]!.log[1]!);
    expect(broken(s)['log-matching']).toMatch(
      /^S2 holds entry 2 of term 2, but its log up to there differs/,
    );
  });

  it('Leader Completeness: a leader without a committed entry', () => {
    const s = clusterWithLogs([[1, 1], [1]]);
    const old = s.servers[0]!;
    recordCommit(s, old, 2);
    const usurper = s.servers[1]!;
    usurper.currentTerm = 2;
    checkNewLeader(s, usurper);
    expect(broken(s)['leader-completeness']).toBe(
      'S2 became leader of term 2 without entry 2, committed in term 1',
    );
  });

  it('State Machine Safety: two servers apply different entries at one index', () => {
    const s = clusterWithLogs([
      [1, 1],
      [1, 2],
    ]);
    for (const srv of s.servers) {
      srv.commitIndex = 2;
      applyCommitted(s, srv);
    }
    expect(broken(s)['state-machine-safety']).toMatch(
      /^S2 applied "set k=2.2" \(term 2\) at index 2, where another server applied a different entry$/,
    );
  });
});
