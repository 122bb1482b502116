/** Test helpers: scenarios for the CAP model with random fault schedules drawn from a seed. */
import { Rng } from '../../../core/rng';
import { runScenario, type RunResult } from '../../../core/testing';
import type { Scenario, ScenarioInput } from '../../../core/types';
import { capParams } from '../meta';
import { capModel } from '../model';
import type { CapParams, CapState } from '../types';

export const params = (over: Partial<CapParams> = {}): Record<string, unknown> =>
  capParams.parse(over) as Record<string, unknown>;

export const scenario = (
  over: Partial<CapParams> = {},
  inputs: ScenarioInput[] = [],
  seed = 1,
): Scenario => ({ model: 'cap', params: params(over), seed, inputs });

export const stateOf = (r: RunResult): CapState => r.sim.state as CapState;

export function run(s: Scenario, untilMs: number): RunResult & { state: CapState } {
  const r = runScenario(capModel, s, untilMs);
  return { ...r, state: stateOf(r) };
}

/**
 * Random cluster sizes, latencies, loss and partitions from one seed. Partitions put every node,
 * clients included, into one of two or three groups at random, so clients are sometimes cut off
 * from their home replica, and replicas sometimes have no majority anywhere.
 */
export function randomFaults(seed: number, mode: CapParams['mode'], untilMs: number): Scenario {
  const rng = new Rng(seed).stream('test-faults');
  const replicas = rng.int(3, 7);
  const clients = rng.int(1, 8);
  const latencyMsMin = rng.int(1, 30);
  const p: Partial<CapParams> = {
    mode,
    replicas,
    clients,
    keys: rng.int(1, 3),
    rate: rng.int(5, 40),
    writeRatio: rng.pick([0.2, 0.5, 0.8]),
    latencyMsMin,
    latencyMsMax: latencyMsMin + rng.int(0, 150),
    lossRate: rng.pick([0, 0, 0.05, 0.2]),
    timeoutMs: rng.pick([300, 1000, 2000]),
    ...(mode === 'quorum' && { N: 3, R: 1, W: 1 }),
  };
  const inputs: ScenarioInput[] = [];
  let t = rng.int(0, 2000);
  const nodes = replicas + clients;
  while (t < untilMs) {
    const k = rng.int(2, 3);
    const groups: number[][] = Array.from({ length: k }, () => []);
    for (let n = 0; n < nodes; n++) groups[rng.int(0, k - 1)]!.push(n);
    inputs.push({ at: t, action: 'partition', groups: groups.filter((g) => g.length > 0) });
    t += rng.int(100, 4000);
    if (rng.chance(0.7)) {
      inputs.push({ at: t, action: 'heal' });
      t += rng.int(100, 3000);
    }
  }
  return { model: 'cap', params: params(p), seed, inputs };
}
