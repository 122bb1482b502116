import { describe, expect, it } from 'vitest';
import { stampedeExperiment } from './experiments';
import { STRATEGIES, stampedeExperimentParams, type StampedeResult } from './meta';

/** The default workload, shortened: three TTLs in 6 s. */
const params = (over: Record<string, unknown> = {}) =>
  stampedeExperimentParams.parse({ durationMs: 6000, ttlMs: 2000, ...over });

/** Reads `a.b` paths, as the comparison table does. */
const pick = (o: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((x, k) => (x as Record<string, unknown>)[k], o);

describe('the stampede experiment', () => {
  const results = Object.fromEntries(
    STRATEGIES.map((strategy) => [strategy, stampedeExperiment.run(params({ strategy }))]),
  ) as Record<(typeof STRATEGIES)[number], StampedeResult>;

  it('fills every summary field and chart field with a number, and flat CSV rows', () => {
    const meta = stampedeExperiment.meta;
    expect(meta.sweep?.values).toEqual([...STRATEGIES]);
    for (const r of Object.values(results)) {
      for (const f of meta.summary) expect(typeof pick(r, f.field), f.field).toBe('number');
      if (meta.chart.kind === 'xy') expect(typeof pick(r, meta.chart.y)).toBe('number');
      const rows = meta.toRows(r);
      expect(rows).toHaveLength(1);
      for (const v of Object.values(rows[0]!)) expect(typeof v).toBe('number');
    }
  });

  it('ranks the strategies as the literature says', () => {
    const { none, lock, singleflight, lease, swr, xfetch } = results;
    for (const r of [lock, singleflight, lease]) {
      expect(r.recomputesPerExpiry).toBe(1);
      expect(r.peakRecomputesPerKey).toBe(1);
      expect(r.dbQueries).toBeLessThan(none.dbQueries / 2);
    }
    expect(none.hotKeyRecomputesPerExpiry).toBeGreaterThan(50);
    expect(swr.dbQueries).toBeLessThan(none.dbQueries);
    expect(xfetch.earlyRecomputes).toBeGreaterThan(0);
    expect(results.jitter.earlyRecomputes).toBe(0);
  });

  it('is deterministic and reports progress to the end', () => {
    const seen: number[] = [];
    const again = stampedeExperiment.run(params({ strategy: 'none' }), (done, total) => {
      expect(total).toBe(6000);
      seen.push(done);
    });
    expect(again).toEqual(results.none);
    expect(seen.at(-1)).toBe(6000);
    expect(stampedeExperiment.run(params({ strategy: 'none', seed: 2 }))).not.toEqual(results.none);
  });
});
