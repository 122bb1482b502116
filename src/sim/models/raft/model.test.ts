import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatError } from '../../core/errors';
import { parseScenario } from '../../core/scenario';
import { Sim } from '../../core/sim';
import { runScenario } from '../../core/testing';
import { raftMeta } from './meta';
import { raftModel } from './model';
import { describeMessage } from './net';
import type { RaftState } from './state';
import { raftScenario } from './testkit';
import type { RaftView } from './view';

const catalog = (id: string) => (id === 'raft' ? raftMeta : undefined);
const errors = (raw: unknown): string[] => {
  const r = parseScenario(raw, catalog);
  return r.ok ? [] : r.errors.map(formatError);
};

describe('Raft params and inputs', () => {
  it('reports ranges that contradict each other on the field that breaks them', () => {
    expect(errors({ model: 'raft', params: { timeoutMsMin: 200, timeoutMsMax: 100 } })).toEqual([
      'params.timeoutMsMax: 100 is below timeoutMsMin (200)',
    ]);
    expect(errors({ model: 'raft', params: { latencyMsMax: 1 } })).toEqual([
      'params.latencyMsMax: 1 is below latencyMsMin (10)',
    ]);
    expect(errors({ model: 'raft', params: { servers: 12 } })).toEqual([
      'params.servers: 12 is above the maximum 9',
    ]);
    expect(errors({ model: 'raft', inputs: [{ at: 5, action: 'crash', server: 9 }] })).toEqual([
      'inputs.0.server: 9 is above the maximum 8',
    ]);
    expect(
      errors({ model: 'raft', inputs: [{ at: 5, action: 'request', key: 'Bad Key' }] })[0],
    ).toMatch(/^inputs.0.key: /);
    for (const { id, params, seed, inputs } of raftMeta.presets)
      expect(errors({ model: 'raft', params, seed, inputs }), id).toEqual([]);
  });

  it('ignores a live change that breaks a range, and warns about heartbeats slower than timeouts', () => {
    const r = runScenario(
      raftModel,
      raftScenario({}, [
        { at: 500, action: 'set', params: { timeoutMsMax: 20 } },
        { at: 600, action: 'set', params: { heartbeatMs: 200 } },
      ]),
      1000,
    );
    expect(r.sim.params.timeoutMsMax).toBe(300);
    const texts = r.log.map((l) => l.text);
    expect(texts).toContain(
      'Ignored parameters: params.timeoutMsMax: 20 is below timeoutMsMin (150)',
    );
    expect(texts.some((t) => t.startsWith('The heartbeat interval (200 ms) is not below'))).toBe(
      true,
    );
  });

  it('restarts the cluster on a change of size, ignoring the old cluster’s messages', () => {
    const r = runScenario(
      raftModel,
      raftScenario({ clientRateHz: 10 }, [{ at: 1000, action: 'set', params: { servers: 7 } }]),
      3000,
    );
    const s = r.sim.state as RaftState;
    expect(r.violation).toBeNull();
    expect(s.servers).toHaveLength(7);
    expect(s.epoch).toBe(1);
    expect(s.leader).toBeGreaterThanOrEqual(0);
    expect(s.servers[s.leader]!.currentTerm).toBeLessThan(4);
    expect(r.log.map((l) => l.text)).toContain('The cluster restarted from scratch with 7 servers');
  });

  it('crashes the leader and restarts the last crashed server when no server is named', () => {
    const r = runScenario(
      raftModel,
      raftScenario({}, [
        { at: 1000, action: 'crash' },
        { at: 1100, action: 'request', server: 4, key: 'a', value: 1 },
        { at: 2000, action: 'restart' },
        { at: 2000, action: 'crash', server: 7 },
      ]),
      2500,
    );
    const texts = r.log.map((l) => l.text);
    const crashed = texts.find((t) => / crashed \(it was the leader of term 1\)$/.test(t));
    expect(crashed).toBeDefined();
    const id = crashed!.slice(0, 2);
    expect(texts.some((t) => t.startsWith(`${id} restarted with its term 1`))).toBe(true);
    expect(texts).toContain('There is no S8 in a 5-server cluster: crash ignored');
    expect(r.violation).toBeNull();
  });

  it('replays identically from a checkpoint under faults', () => {
    fc.assert(
      fc.property(fc.nat(), fc.integer({ min: 1, max: 3900 }), (seed, cut) => {
        const scenario = raftScenario(
          // Snapshots every 10 entries: checkpoints hold compacted logs and InstallSnapshots.
          { clientRateHz: 20, lossRate: 0.05, preVote: seed % 2 === 0, snapshotEntries: 10 },
          [
            { at: 700, action: 'crash' },
            {
              at: 1200,
              action: 'partition',
              groups: [
                [0, 1],
                [2, 3, 4],
              ],
            },
            { at: 2000, action: 'request', server: 1 },
            { at: 2500, action: 'heal' },
            { at: 3000, action: 'restart' },
          ],
          seed,
        );
        const straight = runScenario(raftModel, scenario, 4000);
        const sim = new Sim(raftModel, scenario, { trace: true, checkInvariants: true });
        sim.runUntil(cut);
        const snap = sim.snapshot();
        const atCut = structuredClone(sim.state);
        sim.runUntil(3950);
        sim.restore(snap);
        // Checkpoints share log entries with the live state (copyState); nothing else may leak.
        expect(sim.state).toEqual(atCut);
        sim.runUntil(4000);
        expect(sim.traceHash()).toBe(straight.traceHash);
        expect(sim.state).toEqual(straight.sim.state);
      }),
      { numRuns: 40 },
    );
  });
});

describe('Raft view', () => {
  it('gives the views plain data: servers, timers, logs and a bounded message history', () => {
    const r = runScenario(raftModel, raftScenario({ clientRateHz: 5, lossRate: 0.1 }), 5000);
    const v = r.sim.frame().view as RaftView;
    expect(structuredClone(v)).toEqual(v);
    expect(v.servers).toHaveLength(5);
    const leader = v.servers[v.leader]!;
    expect(leader).toMatchObject({
      role: 'leader',
      name: `S${v.leader + 1}`,
      electionDeadline: -1,
    });
    expect(leader.nextIndex).toHaveLength(5);
    expect(leader.heartbeatDue).toBeGreaterThan(5000);
    for (const f of v.servers.filter((x) => x.role === 'follower')) {
      expect(f.electionDeadline).toBeGreaterThan(5000);
      expect(f.electionDeadline - 5000).toBeLessThanOrEqual(f.electionTimeoutMs);
      expect(f.nextIndex).toBeNull();
    }
    expect(leader.log.at(-1)).toMatchObject({ index: leader.logLength });
    expect(v.messages.length).toBeGreaterThan(100);
    expect(v.messages.every((m) => m.sentAt >= 2000)).toBe(true);
    const delivered = v.messages.filter((m) => m.deliverAt >= 0);
    const lost = v.messages.filter((m) => m.deliverAt < 0 && m.sentAt < 5000 - 20);
    expect(delivered.length).toBeGreaterThan(lost.length);
    expect(lost.length).toBeGreaterThan(0);
    expect(v.messages.find((m) => m.type === 'AppendEntries')?.label).toMatch(/^AE t\d+ /);
    const inFlight = r.sim.inFlight();
    expect(inFlight.length).toBeGreaterThan(0);
    expect(r.sim.metrics()).toMatchObject({ leader: v.leader, term: v.term });
    expect(v.partition).toBeNull();
  });

  it('shows the partition in force, and none after a heal', () => {
    const groups = [
      [0, 1],
      [2, 3, 4],
    ];
    const cut = runScenario(
      raftModel,
      raftScenario({}, [{ at: 100, action: 'partition', groups }]),
      500,
    );
    expect((cut.sim.frame().view as RaftView).partition).toEqual(groups);
    const healed = runScenario(
      raftModel,
      raftScenario({}, [
        { at: 100, action: 'partition', groups },
        { at: 300, action: 'heal' },
      ]),
      500,
    );
    expect((healed.sim.frame().view as RaftView).partition).toBeNull();
  });

  it('labels messages briefly', () => {
    const e = { e: 0, mid: 0 };
    const entry = { index: 7, term: 4, command: 'set x=3', id: 1 };
    const ae = {
      type: 'AppendEntries' as const,
      term: 4,
      prevLogIndex: 6,
      prevLogTerm: 4,
      leaderCommit: 6,
      ...e,
    };
    expect(describeMessage({ ...ae, entries: [entry] })).toBe('AE t4 [7]');
    expect(describeMessage({ ...ae, entries: [entry, { ...entry, index: 8 }] })).toBe(
      'AE t4 [7–8]',
    );
    expect(describeMessage({ ...ae, entries: [] })).toBe('AE t4 ♥');
    const rv = { term: 4, lastLogIndex: 1, lastLogTerm: 1, ...e };
    expect(describeMessage({ type: 'RequestVote', ...rv })).toBe('RV t4');
    expect(describeMessage({ type: 'PreVote', ...rv })).toBe('PV t4');
    const reply = { term: 4, forTerm: 4, ...e };
    expect(describeMessage({ type: 'RequestVoteReply', granted: true, ...reply })).toBe('vote ✓');
    expect(describeMessage({ type: 'PreVoteReply', granted: false, ...reply })).toBe('pre ✗');
  });
});
