import { describe, expect, it } from 'vitest';
import { Rng } from '../../core/rng';
import { Sim } from '../../core/sim';
import { presetScenario, runScenario } from '../../core/testing';
import type { ScenarioInput } from '../../core/types';
import { retryDelayMs } from './engine';
import { trafficMeta, type TrafficParams } from './meta';
import { trafficModel } from './model';
import type { Req, TrafficState } from './types';

const params = (p: Partial<TrafficParams>): TrafficParams =>
  trafficMeta.params.parse(p) as TrafficParams;

function run(p: Partial<TrafficParams>, untilMs: number, seed = 1, inputs: ScenarioInput[] = []) {
  const sim = new Sim(
    trafficModel,
    { model: 'traffic', params: params(p), seed, inputs },
    { checkInvariants: false, keepLog: false },
  );
  sim.runUntil(untilMs);
  return sim.state as TrafficState;
}

const meanLatency = (s: TrafficState) => s.totals.latencySumMs / s.totals.answered;

describe('traffic: queueing theory', () => {
  // One instance, one at a time, exponential service of mean 10 ms (mu = 100/s), Poisson
  // arrivals, no deadline in reach: M/M/1, whose mean time in the system is 1/(mu - lambda).
  // Near saturation the sample mean converges slowly, so the run at 90% is six times longer.
  it.each([
    [0.5, 1_000_000, 0.03],
    [0.7, 1_000_000, 0.03],
    [0.9, 6_000_000, 0.04],
  ])(
    'M/M/1 at utilization %f: mean latency within tolerance of 1/(mu - lambda)',
    (rho, ms, tol) => {
      const s = run(
        { instances: 1, rateRps: rho * 100, deadlineMs: 10_000, timeoutMs: 10_000 },
        ms,
      );
      const expected = 1000 / (100 - rho * 100);
      expect(s.totals.timedOut).toBe(0);
      expect(Math.abs(meanLatency(s) / expected - 1)).toBeLessThan(tol);
    },
  );

  it('two random choices keep the longest queue far shorter than one random choice', () => {
    const p = { instances: 8, rateRps: 720, deadlineMs: 10_000, timeoutMs: 10_000 };
    const random = run({ ...p, balancer: 'random' }, 300_000);
    const two = run({ ...p, balancer: 'twoChoices' }, 300_000);
    expect(two.totals.maxQueue * 2).toBeLessThan(random.totals.maxQueue);
    expect(meanLatency(two)).toBeLessThan(meanLatency(random) / 2);
  });

  it("Little's law (L = lambda W) holds on every preset", () => {
    for (const preset of trafficMeta.presets) {
      const { sim } = runScenario(trafficModel, presetScenario(trafficModel, preset.id), 60_000, {
        keepLog: false,
      });
      const s = sim.state as TrafficState;
      const T = sim.now;
      const ended = s.totals.answered + s.totals.failed + s.totals.timedOut;
      const L = s.totals.inSystemArea / T;
      const lambdaW = (ended / T) * (s.totals.sojournSumMs / ended);
      expect(sim.violation, preset.id).toBeNull();
      expect(Math.abs(L - lambdaW) / L, preset.id).toBeLessThan(0.03);
    }
  });
});

describe('traffic: the model', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    const a = run({}, 20_000, 7);
    const b = run({}, 20_000, 7);
    const c = run({}, 20_000, 8);
    expect(b.totals).toEqual(a.totals);
    expect(c.totals.latencySumMs).not.toEqual(a.totals.latencySumMs);
  });

  it('a retry storm outlives its trigger; a retry budget lets it recover', () => {
    const at25 = (id: string) => {
      const { sim, violation } = runScenario(
        trafficModel,
        presetScenario(trafficModel, id),
        25_000,
      );
      expect(violation).toBeNull();
      const last = (sim.state as TrafficState).seconds.at(-1)!;
      return last.goodput / last.offered;
    };
    expect(at25('retry-storm')).toBeLessThan(0.05);
    expect(at25('retry-budget')).toBeGreaterThan(0.95);
  });

  it('least outstanding routes around a slow instance that round robin keeps feeding', () => {
    const slow: ScenarioInput[] = [{ at: 1000, action: 'slow', instance: 1, factor: 5 }];
    const rr = run({ rateRps: 240 }, 30_000, 1, slow);
    const lo = run({ rateRps: 240, balancer: 'leastOutstanding' }, 30_000, 1, slow);
    expect(rr.totals.timedOut).toBeGreaterThan(1000);
    expect(lo.totals.timedOut).toBe(0);
  });

  it('keeps memory flat on a long run at 10,000 requests a second', () => {
    const p = { rateRps: 10_000, instances: 16, concurrency: 8, serviceMs: 10 };
    const sim = new Sim(trafficModel, { model: 'traffic', params: params(p), seed: 1, inputs: [] });
    let peak = 0;
    for (let t = 5000; t <= 30_000; t += 5000) {
      sim.runUntil(t);
      const s = sim.state as TrafficState;
      peak = Math.max(peak, s.heap.items.length + s.open.size);
      expect(s.seconds.length).toBeLessThanOrEqual(60);
      expect(s.samples.length).toBeLessThanOrEqual(48);
    }
    // Stale timer entries live at most one timeout (1 s): about 10,000 of them.
    expect(peak).toBeLessThan(25_000);
  });

  it('applies live param changes and fails the tries of instances taken away', () => {
    const inputs: ScenarioInput[] = [
      { at: 3000, action: 'set', params: { balancer: 'twoChoices', rateRps: 200 } },
      { at: 6000, action: 'set', params: { instances: 2, retry: 'immediate' } },
      { at: 9000, action: 'set', params: { instances: 6, concurrency: 2 } },
    ];
    const scenario = { model: 'traffic', params: params({}), seed: 3, inputs };
    const { sim, violation } = runScenario(trafficModel, scenario, 12_000);
    expect(violation).toBeNull();
    expect((sim.state as TrafficState).instances).toHaveLength(6);
  });
});

describe('traffic: the token-bucket rate limit', () => {
  it('admits the limit per second plus at most one burst, and rejects the rest at once', () => {
    const s = run({ rateRps: 1000, instances: 16, rateLimitRps: 300, rateLimitBurst: 50 }, 10_000);
    const admitted = s.totals.tries - s.totals.limited;
    expect(admitted).toBeLessThanOrEqual(300 * 10 + 50);
    expect(admitted).toBeGreaterThan(300 * 10 * 0.97);
    expect(s.totals.failed).toBe(s.totals.limited);
  });

  it('lets a short burst through from a full bucket', () => {
    const burst = {
      pattern: 'burst' as const,
      rateRps: 50,
      burstRps: 1000,
      burstAtMs: 5000,
      burstMs: 100,
    };
    const s = run({ ...burst, rateLimitRps: 100, rateLimitBurst: 200 }, 10_000);
    expect(s.totals.limited).toBe(0);
    const tight = run({ ...burst, rateLimitRps: 100, rateLimitBurst: 20 }, 10_000);
    expect(tight.totals.limited).toBeGreaterThan(50);
  });
});

describe('traffic: backoff and jitter (Brooker 2015)', () => {
  const req = (tries: number): Req => ({
    id: 0,
    client: 0,
    createdAt: 0,
    deadlineAt: 1e9,
    outcome: 0,
    current: null,
    tries,
    sleepMs: 0,
  });
  const p = (jitter: TrafficParams['jitter']) =>
    params({ retry: 'backoff', jitter, backoffBaseMs: 100, backoffCapMs: 1000 });

  it('doubles from the base up to the cap without jitter', () => {
    const rng = new Rng(1);
    expect([1, 2, 3, 4, 5].map((k) => retryDelayMs(p('none'), req(k), rng))).toEqual([
      100, 200, 400, 800, 1000,
    ]);
  });

  it('full jitter is uniform below the exponential, equal jitter in its upper half', () => {
    const rng = new Rng(2);
    const full = Array.from({ length: 2000 }, () => retryDelayMs(p('full'), req(3), rng));
    const equal = Array.from({ length: 2000 }, () => retryDelayMs(p('equal'), req(3), rng));
    expect(Math.min(...full)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...full)).toBeLessThan(400);
    expect(full.reduce((a, b) => a + b) / full.length).toBeCloseTo(200, -1);
    expect(Math.min(...equal)).toBeGreaterThanOrEqual(200);
    expect(Math.max(...equal)).toBeLessThan(400);
  });

  it('decorrelated jitter draws between the base and three times the previous delay', () => {
    const rng = new Rng(3);
    const r = req(1);
    let prev = 100;
    for (let k = 0; k < 50; k++) {
      const d = retryDelayMs(p('decorrelated'), r, rng);
      expect(d).toBeGreaterThanOrEqual(100);
      expect(d).toBeLessThanOrEqual(Math.min(1000, prev * 3));
      prev = d;
    }
  });
});

describe('traffic: the circuit breaker', () => {
  const outage: ScenarioInput[] = [0, 1, 2, 3].flatMap((k) => [
    { at: 2000, action: 'crash', instance: k },
    { at: 6000, action: 'restart', instance: k },
  ]);
  const scenario = (breaker: boolean) => ({
    model: 'traffic',
    params: params({ breaker, retry: 'immediate', outlierEjection: false }),
    seed: 1,
    inputs: outage,
  });

  it('opens when every instance is down, probes while open, and closes once they are back', () => {
    const { sim, log, violation } = runScenario(trafficModel, scenario(true), 12_000);
    expect(violation).toBeNull();
    const lines = log.filter((l) => l.kind === 'breaker').map((l) => [l.t, l.text] as const);
    const opened = lines.find(([, x]) => x.includes('is open'));
    const halves = lines.filter(([t, x]) => x.includes('half-open') && t < 6000);
    const closed = lines.find(([t, x]) => x.includes('is closed') && t >= 6000);
    expect(opened?.[0]).toBeGreaterThanOrEqual(2000);
    expect(opened?.[0]).toBeLessThan(2100);
    expect(halves.length).toBeGreaterThanOrEqual(2);
    expect(closed?.[0]).toBeLessThan(7500);
    const s = sim.state as TrafficState;
    expect(s.breaker.state).toBe(0);
    // While open, tries fail at once instead of reaching the crashed instances.
    expect(s.seconds.slice(2, 6).every((x) => x.broken > x.tries / 2)).toBe(true);
  });

  it('stays out of the way when off', () => {
    const { sim, log } = runScenario(trafficModel, scenario(false), 12_000);
    expect(log.some((l) => l.kind === 'breaker')).toBe(false);
    expect((sim.state as TrafficState).seconds.every((x) => x.broken === 0)).toBe(true);
  });
});
