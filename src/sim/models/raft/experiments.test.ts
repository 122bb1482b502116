import { describe, expect, it } from 'vitest';
import { xxhash32u } from '../../core/hash';
import { Sim } from '../../core/sim';
import { raftExperiments, runElection, trialModel } from './experiments';
import { electionMeta, electionParams } from './meta';
import type { RaftState } from './state';
import { raftScenario } from './testkit';

const params = (over: Record<string, unknown> = {}) =>
  electionParams.parse({ trials: 300, ...over });

describe('raft-election', () => {
  it('is registered with its meta and gives the same result for the same params', () => {
    expect(raftExperiments.map((e) => e.meta.id)).toEqual(['raft-election']);
    const a = runElection(params());
    expect(runElection(params())).toEqual(a);
    expect(runElection(params({ seed: 2 }))).not.toEqual(a);
  });

  it('reports sorted samples, percentiles, rounds and rows for the CSV', () => {
    const progress: number[] = [];
    const r = runElection(params(), (done) => progress.push(done));
    expect(progress).toEqual([100, 200, 300, 300]);
    expect(r.samples).toHaveLength(300);
    expect(r.samples).toEqual([...r.samples].sort((x, y) => x - y));
    const { mean, median, p90, p99, max } = r.downtimeMs;
    expect(median).toBeLessThanOrEqual(p90);
    expect(p90).toBeLessThanOrEqual(p99);
    expect(p99).toBeLessThanOrEqual(max);
    expect(mean).toBeGreaterThan(r.samples[0]!);
    expect(r.heartbeatMs).toBe(75);
    expect(r.capped).toBe(0);
    // Some trials need more than one election: candidates with short logs cannot win.
    expect(r.electionRounds).toBeGreaterThan(1.2);
    const rows = electionMeta.toRows(r);
    expect(rows).toHaveLength(300);
    expect(rows[299]).toEqual({ rank: 300, downtimeMs: max, share: 1 });
  });

  it('reproduces the shape of the paper’s Figure 16', () => {
    const none = runElection(params({ timeoutMsMax: 150, trials: 100, capMs: 5000 }));
    const little = runElection(params({ timeoutMsMax: 155 }));
    const wide = runElection(params({ timeoutMsMax: 300 }));
    const fast = runElection(params({ timeoutMsMin: 12, timeoutMsMax: 24 }));
    // No randomness: split votes, over and over.
    expect(none.downtimeMs.median).toBe(5000);
    expect(none.splitVotes).toBeGreaterThan(20 * 100);
    // 5 ms of randomness: a median of a few hundred ms (the paper: 287 ms).
    expect(little.downtimeMs.median).toBeGreaterThan(200);
    expect(little.downtimeMs.median).toBeLessThan(400);
    // 150 ms of randomness: a short tail (the paper: worst of 1000 trials near 500 ms at 150-200).
    expect(wide.downtimeMs.max).toBeLessThan(1000);
    expect(wide.splitVotes).toBeLessThan(little.splitVotes);
    // 12-24 ms timeouts: 35 ms on average in the paper.
    expect(fast.downtimeMs.mean).toBeGreaterThan(25);
    expect(fast.downtimeMs.mean).toBeLessThan(45);
  });

  it('reads a max of 0 as twice the min: the paper’s ranges in one sweep of the min', () => {
    const scaled = runElection(
      electionParams.parse({ timeoutMsMin: 25, timeoutMsMax: 0, trials: 40 }),
    );
    const explicit = runElection(
      electionParams.parse({ timeoutMsMin: 25, timeoutMsMax: 50, trials: 40 }),
    );
    expect(scaled).toEqual(explicit);
    expect(scaled.heartbeatMs).toBe(12);
  });

  it('names the field when the timeout range is upside down', () => {
    expect(() => runElection(params({ timeoutMsMin: 200, timeoutMsMax: 100 }))).toThrow(
      'timeoutMsMax: 100 is below timeoutMsMin (200)',
    );
  });

  it('starts each trial from a state that satisfies every invariant, with Pre-Vote too', () => {
    for (const preVote of [false, true])
      for (let trial = 0; trial < 100; trial++) {
        const scenario = raftScenario(
          { timeoutMsMin: 150, timeoutMsMax: 300, heartbeatMs: 75, leaderNoOp: false, preVote },
          [{ at: trial % 75, action: 'crash', server: 0 }],
          xxhash32u(trial, 1),
        );
        const sim = new Sim(trialModel, scenario, { checkInvariants: true });
        const s = sim.state as RaftState;
        const lengths = s.servers.map((x) => x.log.length).sort();
        expect(lengths).toEqual([2, 2, 2, 3, 4]);
        sim.runUntil(3000);
        expect(sim.violation).toBeNull();
        const winner = s.servers[s.leader]!;
        expect(winner.log.length).toBeGreaterThanOrEqual(3);
      }
  });
});
