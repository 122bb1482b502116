import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Sim } from './sim';
import { parseScenario } from './scenario';
import { pingpong } from './testdata/pingpong';
import type { Scenario } from './types';

const scenario = (over: Partial<Scenario> = {}): Scenario => ({
  model: 'pingpong',
  params: pingpong.meta.params.parse({}) as Record<string, unknown>,
  seed: 5,
  inputs: [],
  ...over,
});

const run = (s: Scenario, until: number): Sim => {
  const sim = new Sim(pingpong, s, { trace: true, checkInvariants: true });
  sim.runUntil(until);
  return sim;
};

describe('Sim', () => {
  it('gives the same trace for the same scenario and a different one for another seed', () => {
    const a = run(scenario(), 5000);
    const b = run(scenario(), 5000);
    const c = run(scenario({ seed: 6 }), 5000);
    expect(a.traceHash()).toBe(b.traceHash());
    expect(a.traceHash()).not.toBe(c.traceHash());
    expect((a.state as { passes: number }).passes).toBeGreaterThan(50);
  });

  it('advances the clock to the target even without events', () => {
    const sim = run(scenario(), 1234);
    expect(sim.now).toBe(1234);
  });

  it('replays identically from a checkpoint', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 1, max: 3000 }),
        (seed, cut) => {
          const s = scenario({ seed, params: { ...scenario().params, lossRate: 0.1 } });
          const straight = run(s, 4000);
          const sim = new Sim(pingpong, s, { trace: true, checkInvariants: true });
          sim.runUntil(cut);
          const snap = sim.snapshot();
          sim.runUntil(3500);
          sim.restore(snap);
          sim.runUntil(4000);
          expect(sim.traceHash()).toBe(straight.traceHash());
          expect(sim.state).toEqual(straight.state);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('drops messages across a partition and delivers after heal', () => {
    const s = scenario({
      inputs: [
        { at: 100, action: 'partition', groups: [[0], [1, 2]] },
        { at: 2000, action: 'heal' },
      ],
    });
    const sim = new Sim(pingpong, s);
    sim.runUntil(1999);
    const stuck = (sim.state as { passes: number }).passes;
    sim.runUntil(1999 + 500);
    // The token was lost at the cut, so nothing moves until someone injects a new one.
    expect((sim.state as { passes: number }).passes).toBe(stuck);
    expect(sim.dropped).toBeGreaterThan(0);
  });

  it('applies live params through the set input and rejects bad ones with a message', () => {
    const sim = new Sim(pingpong, scenario());
    sim.runUntil(10);
    sim.addInput({ at: 10, action: 'set', params: { thinkMsMax: 2 } });
    sim.runUntil(20);
    expect(sim.params.thinkMsMax).toBe(2);
    expect(sim.drainLog().some((l) => l.text.includes('thinkMsMax 50 → 2'))).toBe(true);
  });

  it('starts a model without onParams over on a param change, old timers and messages gone', () => {
    const sim = new Sim(pingpong, scenario());
    while (sim.inFlight().length === 0) sim.step();
    // The token is on the wire; a param change re-initialises pingpong, which passes a new one.
    sim.addInput({ at: sim.now, action: 'set', params: { thinkMsMax: 5 } });
    sim.runUntil(sim.now);
    const queued = () => sim.snapshot().queue.heap.length;
    expect(queued()).toBe(1);
    const until = sim.now + 500;
    while (sim.now < until) {
      sim.step();
      // One token: either its pass timer or the token itself on the wire, never both.
      expect(queued()).toBe(1);
    }
    expect((sim.state as { passes: number }).passes).toBeGreaterThan(10);
  });

  it('reports a broken invariant once with the seed', () => {
    const sim = run(scenario({ inputs: [{ at: 30, action: 'inject', node: 1 }] }), 100);
    expect(sim.violation?.invariant).toBe('one-token');
    expect(sim.violation?.t).toBe(30);
    expect(sim.drainLog().filter((l) => l.level === 'violation')).toHaveLength(1);
  });

  it('drops one message in flight on the drop input', () => {
    const sim = new Sim(pingpong, scenario());
    while (sim.inFlight().length === 0) sim.step();
    const m = sim.inFlight()[0]!;
    sim.addInput({ at: sim.now, action: 'drop', id: m.id });
    sim.runUntil(sim.now);
    expect(sim.inFlight().find((x) => x.id === m.id)).toBeUndefined();
  });
});

describe('parseScenario', () => {
  const cat = (id: string) => (id === 'pingpong' ? pingpong.meta : undefined);
  const errors = (raw: unknown): string[] => {
    const r = parseScenario(raw, cat, ['pingpong']);
    return r.ok ? [] : r.errors.map((e) => `${e.path}: ${e.message}`);
  };

  it('names the field and the limit', () => {
    expect(errors({ model: 'pingpong', params: { nodes: 40 } })).toEqual([
      'params.nodes: 40 is above the maximum 8',
    ]);
    expect(errors({ model: 'pingpong', seed: -1 })).toEqual(['seed: -1 is below the minimum 0']);
    expect(errors({ model: 'nope' })).toEqual(['model: "nope" is not a known model (pingpong)']);
    expect(errors({ model: 'pingpong', params: { bogus: 1 } })).toEqual([
      'params: unknown field "bogus"',
    ]);
    expect(errors({ model: 'pingpong', inputs: [{ at: 5, action: 'fly' }] })[0]).toMatch(
      /^inputs.0.action: "fly" is not an action of pingpong/,
    );
    expect(errors({ model: 'pingpong', inputs: [{ at: 5, action: 'inject', node: 9 }] })).toEqual([
      'inputs.0.node: 9 is above the maximum 7',
    ]);
    expect(
      errors({ model: 'pingpong', inputs: [{ at: 5, action: 'set', params: { nodes: 1 } }] }),
    ).toEqual(['inputs.0.params.nodes: 1 is below the minimum 2']);
    expect(errors({ model: 'pingpong', params: { nodes: 'three' } })).toEqual([
      'params.nodes: expected a number, got "three"',
    ]);
  });

  it('fills defaults and sorts inputs by time, stably', () => {
    const r = parseScenario(
      {
        model: 'pingpong',
        inputs: [
          { at: 9, action: 'heal' },
          { at: 1, action: 'inject', node: 1 },
          { at: 9, action: 'inject', node: 2 },
        ],
      },
      cat,
    );
    expect(r.ok && r.value.params.nodes).toBe(3);
    expect(r.ok && r.value.inputs.map((i) => i.action)).toEqual(['inject', 'heal', 'inject']);
  });

  it('never throws, whatever JSON it is given', () => {
    const n = process.env.DSP_LONG ? 100_000 : 5_000;
    fc.assert(
      fc.property(
        fc.oneof(
          fc.jsonValue(),
          fc.record(
            {
              model: fc.constant('pingpong'),
              params: fc.jsonValue(),
              seed: fc.jsonValue(),
              inputs: fc.jsonValue(),
            },
            { requiredKeys: ['model'] },
          ),
          fc.record({
            model: fc.constant('pingpong'),
            inputs: fc.array(
              fc.record({
                at: fc.jsonValue(),
                action: fc.constantFrom('set', 'inject', 'partition', 'heal', 'drop', 'x'),
                params: fc.jsonValue(),
                node: fc.jsonValue(),
                groups: fc.jsonValue(),
              }),
            ),
          }),
        ),
        (raw) => {
          const r = parseScenario(raw, cat);
          if (!r.ok) for (const e of r.errors) expect(e.message.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: n },
    );
  });
});
