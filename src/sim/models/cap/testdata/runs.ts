/** Test helpers: scenarios for the CAP model, and random fault schedules for property tests. */
import fc from 'fast-check';
import { runScenario, type RunResult } from '../../../core/testing';
import type { Scenario, ScenarioInput } from '../../../core/types';
import { swarm } from '../../../swarm';
import { capMeta, capParams } from '../meta';
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
 * Random cluster sizes, latencies and loss, with a `swarm` fault schedule: partitions put every
 * node, clients included, into one of two or three groups at random, so clients are sometimes
 * cut off from their home replica, and replicas sometimes have no majority anywhere.
 */
export function randomFaults(mode: CapParams['mode'], untilMs: number): fc.Arbitrary<Scenario> {
  return fc
    .record({
      seed: fc.nat(),
      replicas: fc.integer({ min: 3, max: 7 }),
      clients: fc.integer({ min: 1, max: 8 }),
      keys: fc.integer({ min: 1, max: 3 }),
      rate: fc.integer({ min: 5, max: 40 }),
      writeRatio: fc.constantFrom(0.2, 0.5, 0.8),
      latencyMsMin: fc.integer({ min: 1, max: 30 }),
      latencySpreadMs: fc.integer({ min: 0, max: 150 }),
      lossRate: fc.constantFrom(0, 0, 0.05, 0.2),
      timeoutMs: fc.constantFrom(300, 1000, 2000),
    })
    .chain(({ seed, latencySpreadMs, ...p }) =>
      swarm(capMeta, {
        nodes: p.replicas + p.clients,
        untilMs,
        lossRates: [0, 0.05, 0.2],
        maxFaults: 12,
      }).map((inputs): Scenario => ({
        model: 'cap',
        params: params({
          ...p,
          mode,
          latencyMsMax: p.latencyMsMin + latencySpreadMs,
          ...(mode === 'quorum' && { N: 3, R: 1, W: 1 }),
        }),
        seed,
        inputs,
      })),
    );
}
