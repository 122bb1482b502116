/**
 * Log compaction (paper §7): servers snapshot their applied state and discard the log prefix, a
 * follower behind the leader's snapshot gets it with InstallSnapshot, a restart reloads the state
 * machine from the snapshot, and memory (logs, history variables, a checkpoint) stays flat
 * however long the run.
 */
import { describe, expect, it } from 'vitest';
import { Sim } from '../../core/sim';
import { compactLog, entryAt, GHOST_WINDOW, hashAt, lastIndex, termAt } from './log';
import { raftModel } from './model';
import { onAppendEntries } from './replication';
import { onInstallSnapshot } from './snapshot';
import type { AppendReply, AppendRequest, Entry, RaftState, SnapshotRequest } from './state';
import { clusterWithLogs, deliver, fakeCtx, raftScenario, sentBy } from './testkit';

const entry = (index: number, term: number): Entry => ({
  index,
  term,
  command: `set k${index}=${term}`,
  id: term * 1000 + index,
});

/** A cluster of followers whose logs hold `terms`, all committed and applied up to `applied`. */
function appliedCluster(logs: number[][], applied: number): RaftState {
  const s = clusterWithLogs(logs);
  for (const srv of s.servers) {
    srv.commitIndex = Math.min(applied, srv.log.length);
    while (srv.lastApplied < srv.commitIndex) srv.lastApplied++;
  }
  return s;
}

describe('compactLog', () => {
  it('waits for the threshold of applied entries, then snapshots at lastApplied', () => {
    const s = appliedCluster([[1, 1, 1, 2, 2, 2]], 4);
    const srv = s.servers[0]!;
    const hashes = [0, 1, 2, 3, 4, 5, 6].map((i) => hashAt(srv, i));
    expect(compactLog(s, srv, 5)).toBe(0);
    expect(srv.snapshot.index).toBe(0);
    expect(compactLog(s, srv, 4)).toBe(4);
    expect(srv.snapshot).toMatchObject({ index: 4, term: 2, hash: hashes[4] });
    expect(srv.log.map((e) => e.index)).toEqual([5, 6]);
    expect(lastIndex(srv)).toBe(6);
    expect(termAt(srv, 4)).toBe(2);
    expect(entryAt(srv, 4)).toBeUndefined();
    expect(entryAt(srv, 5)?.index).toBe(5);
    // The prefix hashes of what stays are unchanged: Log Matching still compares them.
    expect([4, 5, 6].map((i) => hashAt(srv, i))).toEqual(hashes.slice(4));
  });
});

describe('AppendEntries at a follower with a snapshot', () => {
  const ae = (prevLogIndex: number, prevLogTerm: number, entries: Entry[]): AppendRequest => ({
    type: 'AppendEntries',
    term: 2,
    prevLogIndex,
    prevLogTerm,
    entries,
    leaderCommit: 0,
    e: 0,
    mid: 0,
  });

  it('accepts entries that start inside its snapshot, appending only those after it', () => {
    const s = appliedCluster([[], [1, 1, 1, 2]], 4);
    const srv = s.servers[1]!;
    compactLog(s, srv, 1);
    srv.currentTerm = 2;
    const ctx = fakeCtx();
    onAppendEntries(
      s,
      srv,
      deliver(0, srv, ae(2, 1, [entry(3, 1), entry(4, 2), entry(5, 2)])),
      ctx,
    );
    const [reply] = sentBy(ctx, 1, 'AppendEntriesReply') as AppendReply[];
    expect(reply).toMatchObject({ success: true, matchIndex: 5 });
    expect(srv.log.map((e) => e.index)).toEqual([5]);
    expect(s.ghost.violations).toEqual({});
  });

  it('answers a batch wholly inside its snapshot with a match at the snapshot', () => {
    const s = appliedCluster([[], [1, 1, 1, 2]], 4);
    const srv = s.servers[1]!;
    compactLog(s, srv, 1);
    srv.currentTerm = 2;
    const ctx = fakeCtx();
    onAppendEntries(s, srv, deliver(0, srv, ae(0, 0, [entry(1, 1), entry(2, 1)])), ctx);
    const [reply] = sentBy(ctx, 1, 'AppendEntriesReply') as AppendReply[];
    expect(reply).toMatchObject({ success: true, matchIndex: 4 });
  });
});

describe('InstallSnapshot at a follower', () => {
  const install = (index: number, term: number, kv: Record<string, string>): SnapshotRequest => ({
    type: 'InstallSnapshot',
    term: 3,
    snapshot: { index, term, kv, hash: 0 },
    e: 0,
    mid: 0,
  });

  it('discards a log that lacks the snapshot’s last entry and resets its state machine', () => {
    const s = appliedCluster([[], [1, 1, 2]], 1);
    const srv = s.servers[1]!;
    srv.kv = { old: '1' };
    const ctx = fakeCtx();
    onInstallSnapshot(s, srv, deliver(0, srv, install(6, 3, { x: '7' })), ctx);
    expect(srv.log).toEqual([]);
    expect(lastIndex(srv)).toBe(6);
    expect(srv.kv).toEqual({ x: '7' });
    expect([srv.commitIndex, srv.lastApplied, srv.currentTerm, srv.leaderId]).toEqual([6, 6, 3, 0]);
    expect(sentBy(ctx, 1, 'InstallSnapshotReply')).toMatchObject([{ lastIncludedIndex: 6 }]);
    expect(ctx.lines.map((l) => l.text)).toContain(
      "S2 installed S1's snapshot up to entry 6 (term 3)",
    );
  });

  it('keeps the entries after the snapshot when its log holds the snapshot’s last entry', () => {
    const s = appliedCluster([[], [1, 1, 2, 3, 3]], 1);
    const srv = s.servers[1]!;
    onInstallSnapshot(s, srv, deliver(0, srv, install(3, 2, { y: '2' })), fakeCtx());
    expect(srv.log.map((e) => e.index)).toEqual([4, 5]);
    expect(srv.kv).toEqual({ y: '2' });
    expect(srv.commitIndex).toBe(3);
  });

  it('ignores a snapshot it has already committed past', () => {
    const s = appliedCluster([[], [1, 1, 2, 3]], 4);
    const srv = s.servers[1]!;
    srv.kv = { z: '9' };
    onInstallSnapshot(s, srv, deliver(0, srv, install(3, 2, { y: '2' })), fakeCtx());
    expect(srv.log.length).toBe(4);
    expect(srv.kv).toEqual({ z: '9' });
  });
});

/** 9 servers, 50 client writes a second: the heaviest load the params allow. */
const heavy = (inputs: Parameters<typeof raftScenario>[1] = []) =>
  raftScenario({ servers: 9, clientRateHz: 50, snapshotEntries: 100 }, inputs, 3);

describe('Raft with log compaction over a long run', () => {
  it('keeps every log, the history variables and a checkpoint bounded', () => {
    const sim = new Sim(raftModel, heavy(), { checkInvariants: true, keepLog: false });
    const sizes: number[] = [];
    for (const minute of [2, 4, 6]) {
      sim.runUntil(minute * 60_000);
      const s = sim.state as RaftState;
      for (const srv of s.servers) {
        // The threshold of applied entries, plus the few still in flight.
        expect(srv.log.length, `S${srv.id + 1} at ${minute} min`).toBeLessThanOrEqual(100 + 50);
        expect(srv.hashes.length).toBe(srv.log.length);
      }
      expect(s.ghost.prefixAt.length).toBeLessThanOrEqual(100 + 50 + 64);
      expect(s.ghost.appliedHashes.length).toBeLessThanOrEqual(100 + 50 + 64);
      sizes.push(JSON.stringify(sim.snapshot()).length);
    }
    const s = sim.state as RaftState;
    expect(sim.violation).toBeNull();
    // About 18,000 entries committed, in snapshots of every server.
    expect(s.ghost.committed).toBeGreaterThan(15_000);
    expect(Math.min(...s.servers.map((x) => x.snapshot.index))).toBeGreaterThan(15_000);
    // A checkpoint at 6 minutes costs what one at 2 minutes did.
    expect(Math.max(...sizes)).toBeLessThan(1.25 * sizes[0]!);
  });

  it('keeps the history variables bounded with a server down for good', () => {
    const sim = new Sim(raftModel, heavy([{ at: 500, action: 'crash', server: 8 }]), {
      checkInvariants: true,
      keepLog: false,
    });
    sim.runUntil(180_000);
    const s = sim.state as RaftState;
    expect(s.servers[8]!.crashed).toBe(true);
    expect(s.ghost.committed).toBeGreaterThan(GHOST_WINDOW + 2000);
    expect(s.ghost.prefixAt.length).toBeLessThanOrEqual(GHOST_WINDOW + 200);
    expect(s.ghost.committedIds.length).toBeLessThanOrEqual(GHOST_WINDOW + 200);
    expect(sim.violation).toBeNull();
  });

  it('brings a follower that was down past the leader’s snapshot back with InstallSnapshot', () => {
    const sim = new Sim(
      raftModel,
      heavy([
        { at: 10_000, action: 'crash', server: 3 },
        { at: 40_000, action: 'restart', server: 3 },
        { at: 45_000, action: 'set', params: { clientRateHz: 0 } },
      ]),
      { checkInvariants: true },
    );
    sim.runUntil(39_000);
    let s = sim.state as RaftState;
    const before = s.servers[3]!;
    expect(before.crashed).toBe(true);
    const leader = s.servers[s.leader]!;
    expect(leader.snapshot.index).toBeGreaterThan(lastIndex(before));
    sim.runUntil(45_000);
    s = sim.state as RaftState;
    const log = sim.drainLog();
    const restart = log.find((l) => l.kind === 'restart')!;
    expect(restart.text).toMatch(
      /^S4 restarted with its term \d+, its vote, its snapshot up to entry [\d,]+ and the \d+ log entries after it; it reloaded its state machine from the snapshot/,
    );
    expect(
      log.some(
        (l) => l.kind === 'snapshot' && /^S4 installed S\d's snapshot up to entry/.test(l.text),
      ),
    ).toBe(true);
    const back = s.servers[3]!;
    const now = s.servers[s.leader]!;
    expect(back.commitIndex).toBeGreaterThan(now.commitIndex - 100);
    expect(sim.violation).toBeNull();
    // With the clients quiet, every state machine ends up the same as the leader's.
    sim.runUntil(47_000);
    s = sim.state as RaftState;
    const end = s.servers[s.leader]!;
    expect(end.kv).toEqual(expect.objectContaining({ x: expect.any(String) }));
    for (const srv of s.servers) {
      expect(srv.lastApplied).toBe(end.lastApplied);
      expect(srv.kv).toEqual(end.kv);
    }
  });

  it('a restarted server reloads its state machine from its snapshot', () => {
    const sim = new Sim(raftModel, heavy([{ at: 20_000, action: 'crash', server: 5 }]), {
      checkInvariants: true,
      keepLog: false,
    });
    sim.runUntil(20_000);
    const srv = (sim.state as RaftState).servers[5]!;
    expect(srv.crashed).toBe(true);
    expect(srv.snapshot.index).toBeGreaterThan(0);
    expect(srv.commitIndex).toBe(srv.snapshot.index);
    expect(srv.lastApplied).toBe(srv.snapshot.index);
    expect(srv.kv).toEqual(srv.snapshot.kv);
    expect(srv.kv).not.toBe(srv.snapshot.kv);
  });
});
