/** Replay, actions, live params, the view and the metrics of the stampede model. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../core/scenario';
import { Sim } from '../../core/sim';
import { presetScenario } from '../../core/testing';
import type { Scenario, ScenarioInput } from '../../core/types';
import { stampedeMeta, stampedeParams } from './meta';
import { stampedeModel } from './model';
import type { State } from './state';
import type { StampedeView } from './view';

const scenario = (params: Record<string, unknown>, inputs: ScenarioInput[] = [], seed = 1) => ({
  model: 'stampede',
  params: stampedeParams.parse(params),
  seed,
  inputs,
});

const run = (sc: Scenario, untilMs: number) => {
  const sim = new Sim(stampedeModel, sc, { trace: true, checkInvariants: true });
  sim.runUntil(untilMs);
  expect(sim.violation).toBeNull();
  return sim;
};

const stateOf = (sim: Sim) => sim.state as State;

describe('replay', () => {
  it('replays identically from a checkpoint', () => {
    const ids = ['herd', 'lock', 'lease', 'xfetch', 'jitter', 'cold-start'];
    fc.assert(
      fc.property(fc.constantFrom(...ids), fc.integer({ min: 1, max: 3999 }), (id, cut) => {
        const sc = presetScenario(stampedeModel, id);
        const straight = run(sc, 6000);
        const sim = new Sim(stampedeModel, sc, { trace: true, checkInvariants: true });
        sim.runUntil(cut);
        const snap = sim.snapshot();
        sim.runUntil(5000);
        sim.restore(snap);
        sim.runUntil(6000);
        expect(sim.traceHash()).toBe(straight.traceHash());
        expect(sim.state).toEqual(straight.state);
      }),
      { numRuns: process.env.DSP_LONG ? 100 : 6 },
    );
  });

  it('gives another run for another seed', () => {
    const a = run(scenario({}, [], 1), 3000);
    const b = run(scenario({}, [], 2), 3000);
    expect(a.traceHash()).not.toBe(b.traceHash());
  });
});

describe('actions', () => {
  const warm = { keys: 1, rate: 1000, ttlMs: 100_000, warmStart: true, dbConcurrency: 1000 };

  it('flush empties the cache and says so', () => {
    const sim = run(scenario({ ...warm, keys: 20 }, [{ at: 2000, action: 'flush' }]), 2000);
    expect([...stateOf(sim).expiresAt].every((e) => e === -Infinity)).toBe(true);
    expect(sim.drainLog().some((l) => /Cache flushed at 2\.00 s: all 20 keys/.test(l.text))).toBe(
      true,
    );
    const before = stateOf(sim).totals.dbQueries;
    sim.runUntil(2300);
    expect(stateOf(sim).totals.dbQueries).toBeGreaterThan(before);
  });

  it('setRate changes the arrival rate at once', () => {
    const sim = run(scenario(warm, [{ at: 2000, action: 'setRate', rate: 5000 }]), 4000);
    expect(sim.metrics().requestsPerSec).toBeGreaterThan(4500);
    expect(sim.metrics().requestsPerSec).toBeLessThan(5500);
  });

  it('setStrategy switches what new misses do', () => {
    const hot = { keys: 1, rate: 2000, ttlMs: 500, dbConcurrency: 1000 };
    const sim = run(scenario(hot, [{ at: 3000, action: 'setStrategy', strategy: 'lock' }]), 3000);
    expect(stateOf(sim).hot[0]!.lastHerd).toBeGreaterThan(50);
    sim.runUntil(6000);
    expect(sim.violation).toBeNull();
    expect(sim.params.strategy).toBe('lock');
    expect(stateOf(sim).hot[0]!.lastHerd).toBe(1);
    expect(sim.drainLog().some((l) => l.text.includes('from none to lock'))).toBe(true);
  });

  it('slowDb lengthens queries that start afterwards', () => {
    const sim = run(
      scenario({ ...warm, ttlMs: 500 }, [{ at: 2000, action: 'slowDb', recomputeMs: 400 }]),
      4000,
    );
    expect(sim.params.recomputeMs).toBe(400);
    expect(stateOf(sim).deltaMs[0]).toBeCloseTo(400, 6);
  });

  it('records what actions set as params, so the panel, share links and later changes agree', () => {
    const sim = run(
      scenario({ ...warm, ttlMs: 500 }, [
        { at: 1000, action: 'setRate', rate: 3000 },
        { at: 1000, action: 'setStrategy', strategy: 'lock' },
        { at: 1000, action: 'slowDb', recomputeMs: 250 },
      ]),
      1500,
    );
    expect(sim.params).toMatchObject({ rate: 3000, strategy: 'lock', recomputeMs: 250 });
    const view = sim.frame().view as StampedeView;
    expect(view).toMatchObject({ rate: 3000, strategy: 'lock', recomputeMs: 250 });
    // Setting the strategy back from the panel is a real change, not a no-op against stale params.
    sim.addInput({ at: 1500, action: 'set', params: { strategy: 'none' } });
    sim.runUntil(4000);
    expect(sim.params.strategy).toBe('none');
    expect(stateOf(sim).hot[0]!.lastHerd).toBeGreaterThan(1);
  });

  it('applies live params: more database slots start queued queries at once', () => {
    const sim = run(scenario({ keys: 500, zipfS: 0, rate: 5000, dbConcurrency: 2 }), 1000);
    expect(stateOf(sim).dbQueue.length - stateOf(sim).dbHead).toBeGreaterThan(10);
    sim.addInput({ at: 1000, action: 'set', params: { dbConcurrency: 50 } });
    sim.runUntil(1000);
    expect(stateOf(sim).dbRunning).toBe(50);
    sim.addInput({
      at: 1500,
      action: 'set',
      params: { dbConcurrency: 3, keys: 7, strategy: 'swr' },
    });
    sim.runUntil(4000);
    expect(sim.violation).toBeNull();
    expect(sim.params.strategy).toBe('swr');
    expect(stateOf(sim).expiresAt).toHaveLength(7);
  });

  it('rejects bad action arguments with the field and the limit', () => {
    const r = parseScenario(
      { model: 'stampede', inputs: [{ at: 5, action: 'setRate', rate: 50_000 }] },
      (id) => (id === 'stampede' ? stampedeMeta : undefined),
    );
    expect(r.ok ? [] : r.errors.map((e) => `${e.path}: ${e.message}`)).toEqual([
      'inputs.0.rate: 50000 is above the maximum 20000',
    ]);
  });
});

describe('view and metrics', () => {
  it('keeps the view small and bounded at 20,000 requests per second', () => {
    const sim = run(scenario({ rate: 20_000, keys: 10_000, dbConcurrency: 100 }), 3000);
    const view = sim.frame().view as StampedeView;
    expect(view.requests.length).toBeLessThanOrEqual(120);
    expect(view.requests.length).toBeGreaterThan(60);
    expect(view.hotKeys).toHaveLength(5);
    expect(view.history.running.length).toBeLessThanOrEqual(100);
    expect(view.history.hot).toHaveLength(5);
    for (const r of view.requests) {
      expect(r.doneAt === null || r.doneAt >= r.arriveAt).toBe(true);
      if (r.dbStartAt !== null) expect(r.dbStartAt).toBeGreaterThanOrEqual(r.dbQueuedAt!);
      if (r.dbDoneAt !== null) expect(r.dbDoneAt).toBeGreaterThanOrEqual(r.dbStartAt!);
    }
    expect(JSON.stringify(view).length).toBeLessThan(40_000);
    expect(structuredClone(view)).toEqual(view);
  });

  it('tracks a herd in the history and the hot key', () => {
    const sim = run(presetScenario(stampedeModel, 'herd'), 10_000);
    const view = sim.frame().view as StampedeView;
    expect(Math.max(...view.history.hot[0]!)).toBeGreaterThan(100);
    expect(Math.max(...view.history.queue)).toBeGreaterThan(100);
    expect(Math.max(...view.history.running)).toBe(20);
    expect(view.hotKeys[0]!.lastHerd).toBeGreaterThan(100);
    expect(view.hotKeys[0]!.expiresAt).toBeGreaterThan(0);
    // Expiries at 0.59 s plus about every 4 s (3 s TTL after each herd's first fill).
    const { expiries, t0 } = view.history;
    expect(expiries.length).toBeGreaterThanOrEqual(2);
    for (const e of expiries) expect(e >= t0 && e <= 10_000).toBe(true);
  });

  it('records no expiry when xfetch refreshes the key before it expires', () => {
    const sim = run(presetScenario(stampedeModel, 'xfetch'), 20_000);
    const view = sim.frame().view as StampedeView;
    expect(view.history.expiries).toEqual([]);
    expect((sim.state as State).totals.earlyRecomputes).toBeGreaterThan(0);
  });

  it('reports every declared metric', () => {
    const sim = run(presetScenario(stampedeModel, 'herd'), 5000);
    const m = sim.metrics();
    for (const meta of stampedeMeta.metrics)
      expect(Number.isFinite(m[meta.id]), meta.id).toBe(true);
    expect(m.requestsPerSec).toBeGreaterThan(1800);
    expect(m.requestsPerSec).toBeLessThan(2200);
  });

  it('narrates each expiry of the hottest key with the herd size', () => {
    const sim = run(presetScenario(stampedeModel, 'herd'), 10_000);
    const herds = sim.drainLog().filter((l) => l.kind === 'herd');
    expect(herds.length).toBeGreaterThanOrEqual(2);
    expect(herds[0]!.text).toMatch(
      /^Key 0 expired at \d+\.\d\d s: \d+ requests recomputed it at once/,
    );
  });
});
