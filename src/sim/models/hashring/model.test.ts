import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseScenario } from '../../core/scenario';
import { Sim } from '../../core/sim';
import { presetScenario, runScenario } from '../../core/testing';
import type { Scenario, ScenarioInput } from '../../core/types';
import { balanceExperiment } from './experiments';
import { hashringInvariants } from './invariants';
import { hashringMeta } from './meta';
import { hashringModel } from './model';
import { STRATEGY_IDS } from './params';
import type { HashringState } from './state';
import type { HashringKeysHeavy, HashringView } from './view';

// `npm run test:long` explores far more cases with the same seeds.
const LONG = process.env.DSP_LONG ? 50 : 1;

const catalog = (id: string) => (id === 'hashring' ? hashringMeta : undefined);
const scenario = (
  params: Record<string, unknown> = {},
  inputs: ScenarioInput[] = [],
  seed = 3,
): Scenario => ({
  model: 'hashring',
  params: hashringMeta.params.parse(params) as Record<string, unknown>,
  seed,
  inputs,
});
const stateOf = (sim: Sim) => sim.state as HashringState;
const viewOf = (sim: Sim) => sim.frame().view as HashringView;

describe('hashring presets', () => {
  for (const preset of hashringMeta.presets) {
    it(`${preset.id}: parses, runs 16 s and keeps every invariant`, () => {
      const s = presetScenario(hashringModel, preset.id);
      const parsed = parseScenario(s, catalog);
      expect(parsed.ok ? [] : parsed.errors).toEqual([]);
      const r = runScenario(hashringModel, s, 16_000);
      expect(r.violation).toBeNull();
      expect(r.log.filter((l) => l.level === 'error' || l.level === 'warn')).toEqual([]);
    });
  }
});

describe('hashring model', () => {
  it('keeps node ids stable: removing N2 leaves N0, N1, N3, and the next node is N4', () => {
    const r = runScenario(
      hashringModel,
      scenario({}, [
        { at: 10, action: 'removeNode', node: 2 },
        { at: 20, action: 'addNode' },
      ]),
      30,
    );
    expect(viewOf(r.sim).nodes.map((n) => n.name)).toEqual(['N0', 'N1', 'N3', 'N4']);
    expect(r.violation).toBeNull();
  });

  it('reuses the lowest free id only once all 64 ids have been handed out', () => {
    const r = runScenario(
      hashringModel,
      scenario({ nodes: 64, vnodes: 2, keys: 500 }, [
        { at: 10, action: 'removeNode', node: 5 },
        { at: 20, action: 'addNode' },
        { at: 30, action: 'addNode' },
      ]),
      40,
    );
    expect(r.violation).toBeNull();
    expect(viewOf(r.sim).nodes.map((n) => n.id)).toEqual([...Array(64).keys()]);
    expect(r.log.some((l) => l.text.startsWith('Added N5 with 2 vnodes (reusing a free id'))).toBe(
      true,
    );
    expect(r.log.at(-1)!.text).toBe('Cannot add a node: 64 nodes is the most this playground runs');
  });

  it('explains why jump hash moves so much when a middle bucket leaves', () => {
    const r = runScenario(
      hashringModel,
      scenario({ strategy: 'jump', nodes: 6, keys: 6000 }, [
        { at: 10, action: 'removeNode', node: 1 },
      ]),
      20,
    );
    expect(r.violation).toBeNull();
    const change = viewOf(r.sim).lastChange!;
    expect(change.movedFraction).toBeGreaterThan(0.5);
    expect(change.text).toMatch(/every node after the removed one was renumbered$/);
  });

  it('narrates a join with the keys moved and what hash % N would have moved', () => {
    const r = runScenario(
      hashringModel,
      scenario({ nodes: 4, vnodes: 100, keys: 10_000 }, [{ at: 5, action: 'addNode' }]),
      10,
    );
    const line = r.log.find((l) => l.kind === 'change')!;
    expect(line.text).toMatch(
      /^Added N4 with 100 vnodes: [\d,]+ of 10,000 keys moved \(\d+\.\d%\); hash % N would have moved [\d,]+ \(\d+\.\d%\)$/,
    );
    const change = viewOf(r.sim).lastChange!;
    expect(change.op).toBe('add');
    expect(change.node).toBe(4);
    expect(change.movedFraction).toBeGreaterThan(0.1);
    expect(change.movedFraction).toBeLessThan(0.3);
    expect(change.moduloMovedFraction!).toBeGreaterThan(0.7);
  });

  it('counts the copies each node stores: N per key, fewer when there are fewer nodes than N', () => {
    const sim = new Sim(hashringModel, scenario({ nodes: 5, vnodes: 4, keys: 300, replicas: 3 }));
    const total = () => viewOf(sim).nodes.reduce((a, n) => a + n.copies, 0);
    expect(total()).toBe(900);
    expect(viewOf(sim).nodes.every((n) => n.copies >= n.keys)).toBe(true);
    sim.addInput({ at: 100, action: 'set', params: { replicas: 5 } });
    sim.addInput({ at: 200, action: 'removeNode', node: 2 });
    sim.runUntil(300);
    expect(total()).toBe(1200);
  });

  it('refuses impossible changes with a warning and changes nothing', () => {
    const r = runScenario(
      hashringModel,
      scenario({ nodes: 1 }, [
        { at: 1, action: 'removeNode', node: 0 },
        { at: 2, action: 'removeNode', node: 5 },
        { at: 3, action: 'setWeight', node: 9, weight: 2 },
      ]),
      10,
    );
    expect(r.log.filter((l) => l.level === 'warn').map((l) => l.text)).toEqual([
      'Cannot remove the last node: keys need somewhere to live',
      'Cannot remove N5: not in the cluster',
      'Cannot set the weight of N9: not in the cluster',
    ]);
    expect(stateOf(r.sim).change).toBeNull();
  });

  it('applies every param live through set', () => {
    const sim = new Sim(hashringModel, scenario({ nodes: 3, keys: 1000 }), {
      checkInvariants: true,
    });
    sim.runUntil(100);
    sim.addInput({
      at: 100,
      action: 'set',
      params: {
        nodes: 5,
        vnodes: 50,
        strategy: 'rendezvous',
        keys: 3000,
        replicas: 2,
        zipfS: 1,
        hash: 'murmur3',
      },
    });
    sim.runUntil(200);
    const v = viewOf(sim);
    expect([v.nodes.length, v.vnodes, v.strategy, v.keyCount, v.replicas, v.zipfS, v.hash]).toEqual(
      [5, 50, 'rendezvous', 3000, 2, 1, 'murmur3'],
    );
    expect(sim.violation).toBeNull();
    sim.addInput({
      at: 200,
      action: 'set',
      params: { nodes: 2, strategy: 'bounded', epsilon: 0.1 },
    });
    sim.runUntil(300);
    expect(viewOf(sim).nodes.map((n) => n.id)).toEqual([0, 1]);
    expect(viewOf(sim).capacity).toBe(1650);
    expect(sim.violation).toBeNull();
  });

  it('keeps every invariant under random action sequences in every strategy', () => {
    const action = fc.oneof(
      fc.record({ action: fc.constant('addNode'), weight: fc.constantFrom(0.5, 1, 2) }),
      fc.record({ action: fc.constant('removeNode'), node: fc.integer({ min: 0, max: 8 }) }),
      fc.record({ action: fc.constant('setVnodes'), vnodes: fc.integer({ min: 1, max: 40 }) }),
      fc.record({ action: fc.constant('addKeys'), count: fc.integer({ min: 1, max: 500 }) }),
      fc.record({ action: fc.constant('setSkew'), zipfS: fc.constantFrom(0, 0.8, 1.5) }),
      fc.record({
        action: fc.constant('setWeight'),
        node: fc.integer({ min: 0, max: 8 }),
        weight: fc.constantFrom(0.3, 1, 3),
      }),
      fc.record({
        action: fc.constant('set'),
        params: fc.record({ strategy: fc.constantFrom(...STRATEGY_IDS) }),
      }),
      fc.record({
        action: fc.constant('set'),
        params: fc.record({
          epsilon: fc.constantFrom(0.05, 0.5),
          nodes: fc.integer({ min: 1, max: 7 }),
        }),
      }),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...STRATEGY_IDS),
        fc.integer({ min: 1, max: 5 }),
        fc.constantFrom(0, 1, 800),
        fc.array(action, { maxLength: 12 }),
        fc.nat(),
        (strategy, nodes, keys, actions, seed) => {
          const inputs = actions.map((a, i) => ({ at: (i + 1) * 50, ...a }) as ScenarioInput);
          const s = scenario({ strategy, nodes, vnodes: 8, keys, requestRate: 200 }, inputs, seed);
          const parsed = parseScenario(s, catalog);
          expect(parsed.ok).toBe(true);
          const r = runScenario(hashringModel, s, inputs.length * 50 + 100);
          expect(r.violation).toBeNull();
        },
      ),
      { seed: 1997, numRuns: 150 * LONG },
    );
  });

  it('replays identically from a checkpoint', () => {
    const s = presetScenario(hashringModel, 'strategies');
    const straight = runScenario(hashringModel, s, 15_000);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 14_000 }), (cut) => {
        const sim = new Sim(hashringModel, s, { trace: true, checkInvariants: true });
        sim.runUntil(cut);
        const snap = sim.snapshot();
        sim.runUntil(Math.min(15_000, cut + 3000));
        sim.restore(snap);
        sim.runUntil(15_000);
        expect(sim.traceHash()).toBe(straight.traceHash);
        expect(sim.state).toEqual(straight.sim.state);
        expect(sim.metrics()).toEqual(straight.sim.metrics());
      }),
      { seed: 7, numRuns: 15 * LONG },
    );
  });

  it('routes requests at the configured rate and shows a hot key on one node', () => {
    const even = runScenario(
      hashringModel,
      scenario({ nodes: 8, vnodes: 100, keys: 10_000, requestRate: 5000 }),
      3000,
    );
    const hot = runScenario(
      hashringModel,
      scenario({ nodes: 8, vnodes: 100, keys: 10_000, requestRate: 5000, zipfS: 1.5 }),
      3000,
    );
    expect(even.sim.metrics().requestsPerSec).toBe(5000);
    expect(even.sim.metrics().hottestNodeShare).toBeLessThan(0.2);
    expect(hot.sim.metrics().hottestNodeShare).toBeGreaterThan(0.4);
    const v = viewOf(hot.sim);
    expect(v.recent.length).toBeGreaterThan(0);
    expect(v.recent.length).toBeLessThanOrEqual(60);
    for (const r of v.recent) {
      expect(r.preference[0]).toBe(r.node);
      expect(stateOf(hot.sim).owners[r.key]).toBe(r.node);
    }
    expect(v.nodes.reduce((sum, n) => sum + n.requestsPerSec, 0)).toBeCloseTo(5000, 6);
  });

  it('keeps fractional request rates exact over time', () => {
    const r = runScenario(hashringModel, scenario({ requestRate: 7 }), 10_000);
    expect(stateOf(r.sim).traffic.served).toBe(70);
  });

  it('bumps heavy versions only when the arrays change', () => {
    const sim = new Sim(hashringModel, scenario({ keys: 500 }));
    const v0 = sim.frame().heavy!;
    sim.addInput({ at: 50, action: 'setSkew', zipfS: 1 });
    sim.runUntil(60);
    expect(sim.frame().heavy!.ring!.version).toBe(v0.ring!.version);
    expect(sim.frame().heavy!.keys!.version).toBe(v0.keys!.version);
    sim.addInput({ at: 100, action: 'addNode' });
    sim.runUntil(110);
    const heavy = sim.frame().heavy!;
    expect(heavy.ring!.version).toBe(v0.ring!.version + 1);
    expect(heavy.keys!.version).toBe(v0.keys!.version + 1);
    const keys = heavy.keys!.get() as HashringKeysHeavy;
    expect(keys.hashes).toHaveLength(500);
    for (const k of keys.moved) expect(keys.owners[k]).toBe(4);
    expect(keys.previousOwners).not.toBeNull();
    // The per-frame view stays small even with 100,000 keys.
    const big = new Sim(hashringModel, scenario({ keys: 100_000, requestRate: 100_000 }));
    big.runUntil(1000);
    expect(JSON.stringify(big.frame().view).length).toBeLessThan(20_000);
  });

  it('agrees with the balance experiment for the same seed', () => {
    const r = runScenario(hashringModel, scenario({ nodes: 6, vnodes: 20, keys: 5000 }, [], 42), 0);
    const exp = balanceExperiment.run({
      nodes: 6,
      vnodes: 20,
      keys: 5000,
      hash: 'xxhash32',
      strategy: 'ring',
      epsilon: 0.25,
      seeds: 1,
      seed: 42,
    });
    expect(viewOf(r.sim).nodes.map((n) => n.keys)).toEqual(exp.loads);
  });

  it('has invariants that catch a broken state', () => {
    const sim = new Sim(
      hashringModel,
      scenario({ nodes: 4, keys: 2000, strategy: 'ring' }, [{ at: 5, action: 'addNode' }]),
    );
    sim.runUntil(10);
    const s = stateOf(sim);
    const check = (id: string, state: HashringState) =>
      hashringInvariants.find((i) => i.id === id)!.check(state, sim as never);
    expect(hashringInvariants.map((i) => i.check(s, sim as never))).toEqual(
      hashringInvariants.map(() => null),
    );
    // Every key handed to the wrong node: the scan disagrees.
    const shifted = s.owners.map((o) => (o + 1) % 5);
    expect(check('owner-matches-scan', { ...s, owners: shifted })).toMatch(/a scan says/);
    // A moved key that went somewhere other than the new node.
    const moved = s.change!.moved[0]!;
    const wrong = s.owners.slice();
    wrong[moved] = s.change!.previousOwners[moved] === 0 ? 1 : 0;
    expect(check('monotone', { ...s, owners: wrong })).toMatch(/not to N4/);
    expect(
      check('key-counts', { ...s, keysById: s.keysById.map((c, id) => (id === 0 ? c + 1 : c)) }),
    ).toMatch(/add up/);
  });
});
