import { describe, expect, it } from 'vitest';
import { runScenario } from '../../core/testing';
import { runCapPartition } from './experiments';
import { capParams, capPartitionParams } from './meta';
import { capModel } from './model';
import type { CapState } from './types';

// k0 lives on S0, S1, S2. Cut S0 and S1 (and C0's home S0) away from S2, S3, S4: C3 (home S3)
// writes k0 on the majority side, where only S2 holds it.
const scenario = (sloppy: boolean) => ({
  model: 'cap',
  params: capParams.parse({ mode: 'quorum', rate: 0, sloppy }) as Record<string, unknown>,
  seed: 1,
  inputs: [
    {
      at: 100,
      action: 'partition',
      groups: [
        [0, 1, 5, 6],
        [2, 3, 4, 7, 8],
      ],
    },
    { at: 200, action: 'write', client: 3, key: 0, value: 42 },
    { at: 3000, action: 'heal' },
  ],
});

describe('sloppy quorums with hinted handoff', () => {
  it('a write with one of its N replicas reachable succeeds through a stand-in holding a hint', () => {
    const strict = runScenario(capModel, scenario(false), 2000);
    expect((strict.sim.state as CapState).totals.ok).toBe(0);
    const r = runScenario(capModel, scenario(true), 2000);
    const s = r.sim.state as CapState;
    expect(s.totals.ok).toBe(1);
    expect(r.log.some((e) => /asked S3 for S0|asked S3 for S1/.test(e.text))).toBe(true);
    expect(s.replicas[3]!.hints.map((h) => h.ver.value)).toEqual([42]);
    expect(s.replicas[0]!.data[0]).toEqual([]);
  });

  it('hands the hint back once the home replica is reachable, and deletes it', () => {
    const r = runScenario(capModel, scenario(true), 5000);
    const s = r.sim.state as CapState;
    const home = r.log.find((e) => /handed k0=42 back to S[01]/.test(e.text));
    expect(home?.t).toBeGreaterThan(3000);
    expect(s.replicas[3]!.hints).toEqual([]);
    const homeId = Number(/back to S(\d)/.exec(home!.text)![1]);
    expect(s.replicas[homeId]!.data[0]!.map((v) => v.value)).toEqual([42]);
  });

  it('lifts availability above cp and strict quorums in the partition experiment, and costs linearizability', () => {
    const base = capPartitionParams.parse({ ops: 300, seed: 1 }) as Parameters<
      typeof runCapPartition
    >[0];
    const cp = runCapPartition({ ...base, mode: 'cp' });
    const strict = runCapPartition({ ...base, mode: 'quorum' });
    const sloppy = runCapPartition({ ...base, mode: 'quorum', sloppy: true });
    expect(sloppy.availability).toBeGreaterThan(cp.availability);
    expect(sloppy.availability).toBeGreaterThan(strict.availability);
    expect(sloppy.linearizable).toBe(false);
  });
});
