/**
 * replication-lost-writes: each trial runs the real model (R1 and two followers, both clients
 * writing, reads off) for a few seconds, fails the leader at a random moment and runs until 5 s
 * after the failover timeout; it counts writes a client was told were done that the new leader
 * lacks. A crash loses what the leader had acknowledged but no follower had applied; a partition
 * also loses what the cut-off leader keeps acknowledging to C0 until the failover and after.
 */
import { Rng } from '../../core/rng';
import { Sim } from '../../core/sim';
import type { ExperimentDef, ScenarioInput } from '../../core/types';
import {
  lostWritesMeta,
  replicationParams,
  type LostWritesParams,
  type LostWritesResult,
} from './meta';
import { replicationModel } from './model';
import type { ReplicationState } from './types';

const WARMUP_MS = 3000;

export function runLostWrites(
  p: LostWritesParams,
  onProgress?: (done: number, total: number) => void,
): LostWritesResult {
  const seeds = new Rng(p.seed).stream('trials');
  const lost: number[] = [];
  let acked = 0;
  let unavailable = 0;
  for (let t = 0; t < p.trials; t++) {
    const seed = seeds.int(1, 2_000_000_000);
    const at = WARMUP_MS + seeds.int(0, 999);
    const untilMs = at + p.failoverMs + 5000;
    const inputs: ScenarioInput[] =
      p.fault === 'crash'
        ? [{ at, action: 'crash' }]
        : [
            {
              at,
              action: 'partition',
              groups: [
                [0, 3],
                [1, 2, 4, 5],
              ],
            },
            { at: at + p.failoverMs + 1000, action: 'heal' },
          ];
    const params = replicationParams.parse({
      mode: p.mode,
      failoverMs: p.failoverMs,
      writeRate: p.writeRate,
      readRate: 0,
      lagMs: p.lagMs,
    });
    const sim = new Sim(
      replicationModel,
      { model: 'replication', params, seed, inputs },
      { checkInvariants: false, keepLog: false },
    );
    sim.runUntil(untilMs);
    const s = sim.state as ReplicationState;
    lost.push(s.lostCount);
    acked += s.ackedCount;
    const after = s.acked.filter((w) => w.at > at && w.epoch === s.epoch).map((w) => w.at);
    unavailable += (after.length ? Math.min(...after) : untilMs) - at;
    if (onProgress && (t % 10 === 9 || t === p.trials - 1)) onProgress(t + 1, p.trials);
  }
  const total = lost.reduce((a, b) => a + b, 0);
  return {
    trials: p.trials,
    lostPerTrial: total / p.trials,
    lossyShare: lost.filter((x) => x > 0).length / p.trials,
    ackedPerTrial: acked / p.trials,
    unavailableMs: unavailable / p.trials,
    lost,
  };
}

export const lostWritesExperiment: ExperimentDef<LostWritesParams, LostWritesResult> = {
  meta: lostWritesMeta,
  run: runLostWrites,
};
