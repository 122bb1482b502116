import { describe, expect, it } from 'vitest';
import { loadExperiment } from '../../registry';
import { balanceExperiment, rebalanceExperiment } from './experiments';
import { balanceParams, rebalanceParams } from './experimentsMeta';

const balance = (over: Record<string, unknown>) => balanceExperiment.run(balanceParams.parse(over));
const rebalance = (over: Record<string, unknown>) =>
  rebalanceExperiment.run(rebalanceParams.parse(over));

describe('hashring-balance', () => {
  it('is registered and fills defaults from its schema', async () => {
    expect(await loadExperiment('hashring-balance')).toBe(balanceExperiment);
    expect(balanceParams.parse({})).toMatchObject({
      nodes: 10,
      vnodes: 100,
      keys: 100_000,
      strategy: 'ring',
      seed: 1,
    });
  });

  it('spreads keys more evenly as vnodes grow over its sweep', () => {
    const cvs = balanceExperiment.meta.sweep!.values.map(
      (vnodes) => balance({ nodes: 20, keys: 200_000, vnodes }).cv,
    );
    expect(cvs[0]!).toBeGreaterThan(0.5);
    expect(cvs.at(-1)!).toBeLessThan(0.05);
    // Noisy step to step, monotone over each decade.
    for (let i = 3; i < cvs.length; i += 3) expect(cvs[i]!).toBeLessThan(cvs[i - 3]!);
  });

  it('returns loads that add up to the keys, deterministically, with progress', () => {
    const calls: [number, number][] = [];
    const a = balanceExperiment.run(balanceParams.parse({ nodes: 7, keys: 300_000 }), (d, t) =>
      calls.push([d, t]),
    );
    const b = balance({ nodes: 7, keys: 300_000 });
    expect(a).toEqual(b);
    expect(a.loads.reduce((x, y) => x + y, 0)).toBe(300_000);
    expect(calls.at(-1)).toEqual([600_000, 600_000]);
    for (let i = 1; i < calls.length; i++)
      expect(calls[i]![0]).toBeGreaterThanOrEqual(calls[i - 1]![0]);
    expect(balanceExperiment.meta.toRows(a)).toHaveLength(7);
  });

  it('averages the CV over several seeds and reports its spread', () => {
    const many = balance({ nodes: 10, vnodes: 10, keys: 20_000, seeds: 8 });
    const each = [1, 2, 3, 4, 5, 6, 7, 8].map(
      (seed) => balance({ nodes: 10, vnodes: 10, keys: 20_000, seed }).cv,
    );
    expect(many.cv).toBeCloseTo(each.reduce((a, b) => a + b, 0) / 8, 12);
    expect(many.cvLowest).toBe(Math.min(...each));
    expect(many.cvHighest).toBe(Math.max(...each));
    expect(many.cvLowest).toBeLessThan(many.cvHighest);
    expect(many.loads).toEqual(balance({ nodes: 10, vnodes: 10, keys: 20_000 }).loads);
  });

  it('caps bounded loads at (1 + eps) times the mean', () => {
    const r = balance({ strategy: 'bounded', vnodes: 1, nodes: 10, keys: 100_000, epsilon: 0.1 });
    expect(r.capacity).toBe(11_000);
    expect(Math.max(...r.loads)).toBeLessThanOrEqual(11_000);
    expect(r.maxOverMean).toBeLessThanOrEqual(1.1);
  });
});

describe('hashring-rebalance', () => {
  it('moves about 1/(n+1) on a join for consistent schemes and about n/(n+1) for hash % N', () => {
    for (const strategy of ['ring', 'jump', 'rendezvous'] as const) {
      const r = rebalance({ strategy, nodes: 10, vnodes: 200, keys: 200_000 });
      expect(r.idealFraction).toBeCloseTo(1 / 11, 12);
      expect(Math.abs(r.movedFraction - r.idealFraction)).toBeLessThan(0.015);
      expect(Math.abs(r.moduloMovedFraction - 10 / 11)).toBeLessThan(0.01);
    }
    const modulo = rebalance({ strategy: 'modulo', nodes: 10, keys: 200_000 });
    expect(modulo.movedFraction).toBe(modulo.moduloMovedFraction);
  });

  it('moves about 1/n when the last node leaves', () => {
    for (const strategy of ['ring', 'jump', 'rendezvous'] as const) {
      const r = rebalance({ strategy, op: 'remove', nodes: 8, vnodes: 200, keys: 200_000 });
      expect(r.idealFraction).toBe(1 / 8);
      expect(Math.abs(r.movedFraction - 1 / 8)).toBeLessThan(0.02);
    }
  });

  it('refuses to remove the only node', () => {
    expect(() => rebalance({ op: 'remove', nodes: 1 })).toThrow(/at least 2 nodes/);
  });

  it('gives one CSV row of scalars', () => {
    const rows = rebalanceExperiment.meta.toRows(rebalance({ keys: 1000 }));
    expect(rows).toHaveLength(1);
    expect(Object.keys(rows[0]!).sort()).toEqual([
      'idealFraction',
      'keys',
      'moduloMovedFraction',
      'moved',
      'movedFraction',
    ]);
  });
});
