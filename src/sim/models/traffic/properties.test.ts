/**
 * Properties over seeded fault schedules: crashes, restarts, pauses (one instance or all),
 * slowdowns and live policy switches, under random load and policies. The invariants (no request
 * ends twice, none is lost, Little's law over the run) hold after every event. A broken variant
 * that takes a late answer for a try the client gave up on is caught.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Sim } from '../../core/sim';
import type { ScenarioInput } from '../../core/types';
import { BALANCERS, JITTERS, RETRIES, trafficMeta } from './meta';
import { trafficModel } from './model';
import type { TrafficState } from './types';

const RUNS = process.env.DSP_LONG ? 500 : 40;
const UNTIL_MS = 12_000;

const fault: fc.Arbitrary<ScenarioInput> = fc.oneof(
  fc.record({
    at: fc.nat(UNTIL_MS),
    action: fc.constantFrom('crash', 'restart'),
    instance: fc.nat(5),
  }),
  fc.record({
    at: fc.nat(UNTIL_MS),
    action: fc.constant('pause'),
    instance: fc.option(fc.nat(5), { nil: undefined }),
    ms: fc.integer({ min: 1, max: 3000 }),
  }),
  fc.record({
    at: fc.nat(UNTIL_MS),
    action: fc.constant('slow'),
    instance: fc.nat(5),
    factor: fc.integer({ min: 1, max: 20 }),
  }),
  fc.record({
    at: fc.nat(UNTIL_MS),
    action: fc.constant('set'),
    params: fc.record({
      balancer: fc.constantFrom(...BALANCERS),
      retry: fc.constantFrom(...RETRIES),
      queueOrder: fc.constantFrom('fifo', 'lifo'),
    }),
  }),
);

const caseOf = fc.record({
  seed: fc.nat(),
  params: fc.record({
    instances: fc.integer({ min: 1, max: 6 }),
    concurrency: fc.integer({ min: 1, max: 4 }),
    rateRps: fc.integer({ min: 20, max: 1500 }),
    serviceMs: fc.constantFrom(2, 5, 10, 20),
    serviceDist: fc.constantFrom('exponential', 'lognormal', 'mixture'),
    balancer: fc.constantFrom(...BALANCERS),
    retry: fc.constantFrom(...RETRIES),
    jitter: fc.constantFrom(...JITTERS),
    timeoutMs: fc.integer({ min: 5, max: 500 }),
    deadlineMs: fc.integer({ min: 10, max: 2000 }),
    shedQueueLength: fc.constantFrom(0, 5, 50),
    retryBudget: fc.boolean(),
    rateLimitRps: fc.constantFrom(0, 0, 100, 1000),
    rateLimitBurst: fc.integer({ min: 1, max: 200 }),
    breaker: fc.boolean(),
    breakerFailures: fc.integer({ min: 1, max: 50 }),
  }),
  faults: fc.array(fault, { maxLength: 12 }),
});

interface Case {
  seed: number;
  params: Record<string, unknown>;
  faults: ScenarioInput[];
}

function simOf(c: Case, bug = false): Sim {
  const n = c.params.instances as number;
  const inputs = c.faults.map((f) =>
    typeof f.instance === 'number' ? { ...f, instance: f.instance % n } : { ...f },
  );
  const sim = new Sim(
    trafficModel,
    { model: 'traffic', params: trafficMeta.params.parse(c.params), seed: c.seed, inputs },
    { checkInvariants: true, keepLog: false },
  );
  if (bug) (sim.state as TrafficState).bug = 'accept-stale';
  return sim;
}

describe('traffic properties', () => {
  it('no request ends twice or is lost, and Little holds, under any fault schedule', () => {
    fc.assert(
      fc.property(caseOf, (c: Case) => {
        const sim = simOf(c);
        sim.runUntil(UNTIL_MS);
        expect(sim.violation).toBeNull();
      }),
      { numRuns: RUNS },
    );
  });

  it('catches a client that takes a late answer (the retry and the original both answer)', () => {
    const c = {
      seed: 1,
      params: { rateRps: 300, timeoutMs: 20, deadlineMs: 1000, retry: 'immediate' },
      faults: [],
    };
    const good = simOf(c);
    good.runUntil(5000);
    expect(good.violation).toBeNull();
    const bad = simOf(c, true);
    bad.runUntil(5000);
    expect(bad.violation?.invariant).toBe('answered-once');
  });

  it('the broken variant is caught on generated schedules that have retries and timeouts', () => {
    let caught = 0;
    fc.assert(
      fc.property(caseOf, (c: Case) => {
        const withRetries = { ...c, params: { ...c.params, retry: 'immediate', timeoutMs: 10 } };
        const sim = simOf(withRetries, true);
        sim.runUntil(UNTIL_MS);
        if (sim.violation) caught++;
      }),
      { numRuns: 20 },
    );
    expect(caught).toBeGreaterThan(10);
  });
});
