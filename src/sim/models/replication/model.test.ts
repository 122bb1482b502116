import { describe, expect, it } from 'vitest';
import { presetScenario, runScenario } from '../../core/testing';
import type { Params, ScenarioInput } from '../../core/types';
import { replicationParams } from './meta';
import { makeReplicationModel, replicationModel } from './model';
import type { ReplicationState } from './types';

function run(preset: string, params: Params = {}, untilMs = 8000, inputs?: ScenarioInput[]) {
  const base = presetScenario(replicationModel, preset);
  const scenario = {
    ...base,
    params: replicationParams.parse({ ...base.params, ...params }),
    inputs: inputs ?? base.inputs,
  };
  const r = runScenario(replicationModel, scenario, untilMs);
  return { ...r, s: r.sim.state as ReplicationState };
}

describe('replication model', () => {
  it('a read from a lagging follower misses the client’s own acknowledged write', () => {
    const r = run('own-write');
    expect(r.violation).toBeNull();
    expect(r.s.ackedCount).toBe(1);
    expect(r.s.counts.ryw).toBe(1);
    expect(r.log.some((e) => e.text.startsWith('Read-your-writes broken: C0 read version 0'))).toBe(
      true,
    );
    // Reading from the leader, or with a version token, sees it.
    expect(run('own-write', { readPolicy: 'leader' }).s.counts.ryw).toBe(0);
    const token = run('own-write', { readPolicy: 'token' });
    expect(token.s.counts.ryw).toBe(0);
    expect(token.log.some((e) => e.text.includes('holds C0’s read'.replace('’', "'")))).toBe(true);
  });

  it('the read policies remove the anomalies they promise to', () => {
    const follower = run('lag', {}, 30_000);
    expect(follower.s.counts.ryw).toBeGreaterThan(0);
    expect(follower.s.counts.monotonic).toBeGreaterThan(0);
    expect(follower.s.counts.prefix).toBe(0);
    const leader = run('lag', { readPolicy: 'leader' }, 30_000);
    expect([leader.s.counts.ryw, leader.s.counts.monotonic]).toEqual([0, 0]);
    const sticky = run('lag', { readPolicy: 'sticky' }, 30_000);
    expect(sticky.s.counts.monotonic).toBe(0);
    const token = run('lag', { readPolicy: 'token' }, 30_000);
    expect([token.s.counts.ryw, token.s.counts.monotonic]).toEqual([0, 0]);
  });

  it('applying out of log order breaks consistent prefix', () => {
    const r = run('lag', { inOrder: false, lagMs: 3000, writeRate: 2 }, 30_000);
    expect(r.violation).toBeNull();
    expect(r.s.counts.prefix).toBeGreaterThan(0);
  });

  it('async failover loses the writes only the cut-off leader had; sync and semi lose none', () => {
    const async = run('async-failover');
    expect(async.s.epoch).toBe(2);
    expect(async.s.leader).toBe(1);
    expect(async.s.lostCount).toBe(2);
    expect(
      async.log.filter((e) => e.kind === 'anomaly-lost').map((e) => e.text.slice(0, 13)),
    ).toEqual(['C0.1 is lost:', 'C0.2 is lost:']);
    for (const mode of ['sync', 'semi']) {
      const r = run('async-failover', { mode });
      expect(r.violation).toBeNull();
      expect(r.s.lostCount).toBe(0);
      expect(r.s.ackedCount).toBe(1); // C0's writes were never acknowledged
    }
  });

  it('the old leader comes back to a split brain; fencing makes storage refuse it', () => {
    const open = run('split-brain');
    expect(open.s.storage.staleAccepted).toBe(1);
    expect(open.s.counts.split).toBe(1);
    expect(open.s.replicas[0]!.role).toBe('follower'); // it stepped down on hearing of epoch 2
    const fenced = run('split-brain', { fencing: true });
    expect(fenced.violation).toBeNull();
    expect(fenced.s.storage.staleAccepted).toBe(0);
    expect(fenced.s.storage.refused).toBe(1);
    expect(fenced.log.some((e) => e.text.startsWith('Storage refused R1'))).toBe(true);
  });

  it('a paused lock holder writes after its lease ran out; fencing tokens stop it', () => {
    const open = run('lease-pause');
    expect(open.violation).toBeNull();
    expect(open.s.counts.holders).toBe(1);
    expect(
      open.log
        .filter((e) => /^Storage took C\d's write with token|^Two lock holders/.test(e.text))
        .map((e) => e.text.slice(0, 40)),
    ).toEqual(["Storage took C1's write with token 2", "Two lock holders: storage took C0's writ"]);
    const fenced = run('lease-pause', { fencing: true });
    expect(fenced.violation).toBeNull();
    expect(fenced.s.counts.holders).toBe(0);
    expect(fenced.log.some((e) => e.text.startsWith("Storage refused C0's write: token 1"))).toBe(
      true,
    );
    // A lease longer than the pause: K refuses C1, one holder at a time.
    const long = run('lease-pause', { leaseMs: 5000 });
    expect(long.s.counts.holders).toBe(0);
    expect(long.log.some((e) => e.text.startsWith('C1 did not get the lock: C0 holds it'))).toBe(
      true,
    );
  });

  it('broken variants break the invariants in the presets', () => {
    const ackEarly = makeReplicationModel({ ackOnSend: true, storageIgnoresEpoch: false });
    const sync = presetScenario(ackEarly, 'async-failover');
    sync.params = replicationParams.parse({ ...sync.params, mode: 'sync' });
    expect(runScenario(ackEarly, sync, 8000).violation?.invariant).toBe('sync-no-loss');
    const noEpoch = makeReplicationModel({ ackOnSend: false, storageIgnoresEpoch: true });
    const fenced = presetScenario(noEpoch, 'split-brain');
    fenced.params = replicationParams.parse({ ...fenced.params, fencing: true });
    expect(runScenario(noEpoch, fenced, 8000).violation?.invariant).toBe('fenced-storage');
    const lease = presetScenario(noEpoch, 'lease-pause');
    lease.params = replicationParams.parse({ ...lease.params, fencing: true });
    expect(runScenario(noEpoch, lease, 8000).violation?.invariant).toBe('fenced-storage');
  });

  it('refuses replicas that do not exist and restarts with nothing crashed, saying so', () => {
    const r = run('own-write', {}, 3000, [
      { at: 100, action: 'crash', replica: 4 },
      { at: 200, action: 'restart' },
      { at: 300, action: 'restart', replica: 1 },
    ]);
    expect(r.log.map((e) => e.text)).toEqual([
      'There are only R1..R3',
      'No replica has crashed',
      'R2 is already up',
    ]);
  });

  it('changing the number of followers starts the cluster again', () => {
    const r = run('lag', {}, 6000, [{ at: 3000, action: 'set', params: { followers: 4 } }]);
    expect(r.violation).toBeNull();
    expect(r.s.replicas).toHaveLength(5);
  });
});
