/**
 * Every experiment's chart spec matches the shape of what the experiment returns: each one is run
 * (with its default params, shrunk where a param says how much work to do) and its result checked
 * the way the runner checks it before drawing. `hashring-rebalance` once declared a `bars` chart
 * over a list while its result held a number, and the page crashed on Run.
 */
import { describe, expect, it } from 'vitest';
import { EXPERIMENT_METAS } from '../sim/catalog';
import { parseWith } from '../sim/core/errors';
import { loadExperiment } from '../sim/registry';
import { chartShapeProblem } from '../ui/charts/shape';

/** Smaller runs of the same code: the shape does not depend on how much work is done. */
const SMALL: Record<string, number> = { keys: 2000, trials: 20, durationMs: 20_000, ops: 200 };

describe('chart specs fit experiment results', () => {
  for (const meta of EXPERIMENT_METAS) {
    it(meta.id, async () => {
      const exp = (await loadExperiment(meta.id))!;
      const shape = meta.params.shape as Record<string, unknown>;
      const small = Object.fromEntries(
        Object.entries(SMALL).filter(
          ([k, v]) => k in shape && parseWith(meta.params, { [k]: v }).ok,
        ),
      );
      const params = parseWith(meta.params, small);
      expect(params.ok, JSON.stringify(params)).toBe(true);
      if (!params.ok) return;
      const values = meta.sweep ? meta.sweep.values : [undefined];
      for (const v of values.slice(0, 2)) {
        const p = v === undefined ? params.value : { ...params.value, [meta.sweep!.param]: v };
        const result = exp.run(p as never, () => {});
        expect(chartShapeProblem(meta.chart, result), `${meta.id} ${String(v)}`).toBeNull();
      }
    });
  }

  it('names the field when the shape is wrong', () => {
    expect(chartShapeProblem({ kind: 'bars', field: 'moved', yLabel: 'y' }, { moved: [1] })).toBe(
      'the chart needs "moved" to be a number',
    );
    expect(chartShapeProblem({ kind: 'cdf', field: 's', xLabel: 'x' }, { s: 3 })).toBe(
      'the chart needs "s" to be a list of numbers',
    );
    const band = { kind: 'xy', y: 'cv', yLabel: 'y', band: { low: 'lo', high: 'hi', label: 'b' } };
    expect(chartShapeProblem(band as never, { cv: 1, lo: 0.5 })).toBe(
      'the chart needs "hi" to be a number',
    );
    expect(chartShapeProblem(band as never, { cv: 1, lo: 0.5, hi: 2 })).toBeNull();
  });
});
