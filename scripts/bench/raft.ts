/**
 * Raft benchmarks: the election experiment at the paper's scale, and raw simulation throughput of
 * a busy 9-server cluster as the live view runs it (invariants checked after every event).
 */
import { Sim } from '../../src/sim/core/sim';
import { runElection } from '../../src/sim/models/raft/experiments';
import { electionParams } from '../../src/sim/models/raft/meta';
import { raftModel } from '../../src/sim/models/raft/model';
import { raftParams } from '../../src/sim/models/raft/params';
import type { Bench } from './types';

function electionTrials(): { value: number; unit: string; note: string } {
  const params = electionParams.parse({ trials: 10_000, timeoutMsMin: 150, timeoutMsMax: 300 });
  runElection({ ...params, trials: 1000 });
  const started = performance.now();
  const r = runElection(params);
  const ms = performance.now() - started;
  return {
    value: ms,
    unit: 'ms',
    note: `mean downtime ${r.downtimeMs.mean.toFixed(0)} ms, ${r.electionRounds.toFixed(2)} elections per trial`,
  };
}

function busyCluster(checkInvariants: boolean) {
  return (): { value: number; unit: string; note: string } => {
    const scenario = {
      model: 'raft',
      params: raftParams.parse({ servers: 9, clientRateHz: 50, lossRate: 0.01 }),
      seed: 1,
      inputs: [
        { at: 20_000, action: 'crash' },
        { at: 25_000, action: 'restart' },
      ],
    };
    new Sim(raftModel, scenario, { checkInvariants }).runUntil(10_000);
    const sim = new Sim(raftModel, scenario, { checkInvariants, keepLog: true });
    const started = performance.now();
    for (let t = 1000; t <= 60_000; t += 1000) {
      sim.runUntil(t);
      sim.drainLog();
    }
    const ms = performance.now() - started;
    return {
      value: sim.eventsProcessed / (ms / 1000),
      unit: 'events/s',
      note: `${sim.eventsProcessed.toLocaleString('en-US')} events in 60 s of virtual time took ${ms.toFixed(0)} ms (${((60_000 / ms) | 0).toLocaleString('en-US')}x real time)`,
    };
  };
}

export const raftBenches: Bench[] = [
  {
    name: 'raft-election: 10,000 trials (5 servers, 150-300 ms)',
    target: '<= 2,000 ms',
    meets: (ms) => ms <= 2000,
    run: electionTrials,
  },
  {
    name: 'raft busy cluster (9 servers, 50 requests/s), invariants checked',
    target: '>= 200,000 events/s',
    meets: (v) => v >= 200_000,
    run: busyCluster(true),
  },
  {
    name: 'raft busy cluster (9 servers, 50 requests/s), no checks',
    run: busyCluster(false),
  },
];
