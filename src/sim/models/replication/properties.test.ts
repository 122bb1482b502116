/**
 * The two invariants over many seeded fault schedules (crashes, restarts, partitions, loss), with
 * random params, checked after every event; and each shown to catch a deliberately broken model.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../core/testing';
import { swarm } from '../../swarm';
import { replicationMeta, replicationParams } from './meta';
import { makeReplicationModel } from './model';
import type { Bugs, ReplicationState } from './types';

const RUNS = process.env.DSP_LONG ? 300 : 40;
const UNTIL_MS = 12_000;
const OK: Bugs = { ackOnSend: false, storageIgnoresEpoch: false };

const caseArb = fc.record({
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  followers: fc.integer({ min: 2, max: 4 }),
  lagMs: fc.integer({ min: 0, max: 2000 }),
  failoverMs: fc.integer({ min: 300, max: 3000 }),
  writeRate: fc.double({ min: 0.5, max: 4, noNaN: true }),
  inOrder: fc.boolean(),
  readPolicy: fc.constantFrom('follower', 'leader', 'sticky', 'token'),
  // Swarm's nodes: up to 5 replicas, 2 clients, storage, lock service (ids past the cluster
  // join group 0).
  faults: swarm(replicationMeta, {
    nodes: 9,
    untilMs: UNTIL_MS - 2000,
    lossRates: [0, 0.05, 0.2],
    actions: {
      crash: fc.record({ replica: fc.integer({ min: 0, max: 4 }) }, { requiredKeys: [] }),
      restart: fc.record({ replica: fc.integer({ min: 0, max: 4 }) }, { requiredKeys: [] }),
      lock: fc.record({ client: fc.integer({ min: 0, max: 1 }) }),
      pause: fc.record({
        client: fc.integer({ min: 0, max: 1 }),
        ms: fc.integer({ min: 100, max: 5000 }),
      }),
      // A client with a stale address writes to a replica that may think it still leads.
      write: fc.record({
        client: fc.integer({ min: 0, max: 1 }),
        replica: fc.integer({ min: 0, max: 4 }),
      }),
    },
    maxFaults: 30,
  }),
});
type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

function runCase(c: Case, bugs: Bugs, extra: Record<string, unknown>) {
  const params = replicationParams.parse({
    followers: c.followers,
    lagMs: c.lagMs,
    failoverMs: c.failoverMs,
    writeRate: c.writeRate,
    inOrder: c.inOrder,
    readPolicy: c.readPolicy,
    ...extra,
  });
  const model = makeReplicationModel(bugs);
  return runScenario(
    model,
    { model: 'replication', params, seed: c.seed, inputs: c.faults },
    UNTIL_MS,
  );
}

describe('replication properties over fault schedules', () => {
  it('synchronous replication never loses an acknowledged write', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const r = runCase(c, OK, { mode: 'sync' });
        expect(r.violation).toBeNull();
      }),
      { numRuns: RUNS },
    );
  });

  it('with fencing, storage never accepts a write from an old epoch', () => {
    let refused = 0;
    fc.assert(
      fc.property(caseArb, fc.constantFrom('sync', 'semi', 'async'), (c, mode) => {
        const r = runCase(c, OK, { mode, fencing: true });
        expect(r.violation).toBeNull();
        refused += (r.sim.state as ReplicationState).storage.refused;
      }),
      { numRuns: RUNS, seed: 5 },
    );
    expect(refused).toBeGreaterThan(0); // old leaders did try
  });

  it('async replication does lose acknowledged writes in some schedules (the check can fire)', () => {
    let lost = 0;
    fc.assert(
      fc.property(caseArb, (c) => {
        lost += (runCase(c, OK, { mode: 'async' }).sim.state as ReplicationState).lostCount;
      }),
      { numRuns: RUNS, seed: 7 },
    );
    expect(lost).toBeGreaterThan(0);
  });

  const caught = (bugs: Bugs, extra: Record<string, unknown>, invariant: string) => {
    const found = fc.check(
      fc.property(caseArb, (c) => runCase(c, bugs, extra).violation?.invariant !== invariant),
      { numRuns: 200, seed: 11 },
    );
    expect(found.failed).toBe(true);
  };

  it('catches synchronous replication that acknowledges before the followers have the write', () => {
    caught({ ...OK, ackOnSend: true }, { mode: 'sync' }, 'sync-no-loss');
  });

  it('catches storage that ignores the epoch', () => {
    caught(
      { ...OK, storageIgnoresEpoch: true },
      { mode: 'async', fencing: true },
      'fenced-storage',
    );
  });
});
