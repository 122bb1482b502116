/** The model's invariants hold under random workloads and actions, and catch broken variants. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Sim } from '../../core/sim';
import type { ScenarioInput } from '../../core/types';
import { issue } from './db';
import { STRATEGIES, stampedeParams, type Strategy } from './meta';
import { stampedeModel } from './model';
import type { C, State, Timer } from './state';

const LONG = !!process.env.DSP_LONG;

const workload = fc.record({
  rate: fc.integer({ min: 50, max: 3000 }),
  keys: fc.integer({ min: 1, max: 30 }),
  zipfS: fc.double({ min: 0, max: 2, noNaN: true }),
  ttlMs: fc.integer({ min: 20, max: 2000 }),
  recomputeMs: fc.integer({ min: 1, max: 300 }),
  dbConcurrency: fc.integer({ min: 1, max: 40 }),
  timeoutMs: fc.integer({ min: 10, max: 2000 }),
  pollMs: fc.integer({ min: 1, max: 100 }),
  leaseMs: fc.integer({ min: 10, max: 1000 }),
  staleMs: fc.integer({ min: 0, max: 2000 }),
  warmStart: fc.boolean(),
});

const seed = fc.integer({ min: 0, max: 0xffffffff });

const sim = (params: Record<string, unknown>, s: number, inputs: ScenarioInput[] = []) =>
  new Sim(
    stampedeModel,
    { model: 'stampede', params: stampedeParams.parse(params), seed: s, inputs },
    { checkInvariants: true, keepLog: false },
  );

describe('singleflight', () => {
  it('never runs two recomputations of one key at once', () => {
    fc.assert(
      fc.property(workload, seed, fc.integer({ min: 0, max: 3000 }), (w, sd, flushAt) => {
        const s = sim({ ...w, strategy: 'singleflight' }, sd, [{ at: flushAt, action: 'flush' }]);
        s.runUntil(3000);
        expect(s.violation).toBeNull();
        expect((s.state as State).totals.peakPerKey).toBeLessThanOrEqual(1);
      }),
      { numRuns: LONG ? 1000 : 40 },
    );
  });
});

const action = (strategies: readonly Strategy[]) =>
  fc.oneof(
    fc.record({ action: fc.constant('flush') }),
    fc.record({ action: fc.constant('setStrategy'), strategy: fc.constantFrom(...strategies) }),
    fc.record({ action: fc.constant('setRate'), rate: fc.integer({ min: 50, max: 3000 }) }),
    fc.record({ action: fc.constant('slowDb'), recomputeMs: fc.integer({ min: 1, max: 400 }) }),
    fc.record({
      action: fc.constant('set'),
      params: fc.oneof(
        fc.record({ dbConcurrency: fc.integer({ min: 1, max: 40 }) }),
        fc.record({ keys: fc.integer({ min: 1, max: 30 }) }),
        fc.record({ strategy: fc.constantFrom(...strategies) }),
        fc.record({ ttlMs: fc.integer({ min: 20, max: 2000 }) }),
      ),
    }),
  );

describe('every strategy', () => {
  it('keeps every invariant through strategy switches, flushes, spikes and live params', () => {
    const inputs = fc.array(fc.tuple(fc.integer({ min: 0, max: 4000 }), action(STRATEGIES)), {
      maxLength: 6,
    });
    fc.assert(
      fc.property(workload, fc.constantFrom(...STRATEGIES), seed, inputs, (w, st, sd, list) => {
        const s = sim(
          { ...w, strategy: st },
          sd,
          list.map(([at, a]) => ({ at, ...a }) as ScenarioInput),
        );
        s.runUntil(4000);
        expect(s.violation).toBeNull();
      }),
      { numRuns: LONG ? 1000 : 40 },
    );
  });
});

/** A copy of the model whose arrivals also run `sabotage` once, the first time it applies. */
function broken(sabotage: (s: State, ctx: C) => boolean) {
  let done = false;
  return {
    ...stampedeModel,
    onTimer(s: State, t: Timer, ctx: C) {
      stampedeModel.onTimer(s, t, ctx);
      if (!done && t.k === 'arrive') done = sabotage(s, ctx);
    },
  };
}

const runBroken = (model: ReturnType<typeof broken>, strategy: Strategy) => {
  const params = stampedeParams.parse({ strategy, keys: 1, rate: 2000, ttlMs: 500 });
  const s = new Sim(
    model,
    { model: 'stampede', params, seed: 3, inputs: [] },
    { checkInvariants: true },
  );
  s.runUntil(2000);
  return s.violation;
};

describe('the invariants catch broken variants', () => {
  const secondWhileOwned = (kind: 'flight' | 'lock') => (s: State, ctx: C) => {
    if (s.owner[0]! < 0) return false;
    issue(s, ctx, 0, kind, []);
    return true;
  };

  it('a singleflight that forgets to join starts a second flight', () => {
    expect(runBroken(broken(secondWhileOwned('flight')), 'singleflight')?.invariant).toBe(
      'singleflight-exclusive',
    );
  });

  it('a lock taken twice', () => {
    expect(runBroken(broken(secondWhileOwned('lock')), 'lock')?.invariant).toBe('lock-exclusive');
  });

  it('a request dropped without an answer', () => {
    const drop = (s: State) => {
      const first = s.reqs.keys().next();
      if (first.done) return false;
      s.reqs.delete(first.value);
      return true;
    };
    expect(runBroken(broken(drop), 'none')?.invariant).toBe('conservation');
  });

  it('admission that ignores the database cap', () => {
    const overAdmit = (s: State, ctx: C) => {
      if (s.dbRunning < ctx.params.dbConcurrency) return false;
      const loose = Object.create(ctx, {
        params: { value: { ...ctx.params, dbConcurrency: 1e6 } },
      }) as C;
      issue(s, loose, 0, 'miss', []);
      return true;
    };
    const model = broken(overAdmit);
    const params = stampedeParams.parse({ strategy: 'none', keys: 1, dbConcurrency: 5 });
    const s = new Sim(
      model,
      { model: 'stampede', params, seed: 3, inputs: [] },
      { checkInvariants: true },
    );
    s.runUntil(2000);
    expect(s.violation?.invariant).toBe('db-capacity');
  });
});
