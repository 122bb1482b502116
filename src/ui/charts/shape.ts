/**
 * What each chart kind reads from an experiment's result, checked before drawing: a chart spec
 * that names a field of the wrong shape says so instead of taking the page down
 * ("s.map is not a function" when `bars` read a number as a list).
 *   xy:   `y` (and each `also`) is a number per run, drawn against the swept value;
 *   cdf:  `field` is a list of numbers per run (the samples);
 *   bars: `field` is a number per run, one bar per run.
 */
import type { ChartSpec } from '../../sim/core/types';
import { pick } from '../format';

const isNumber = (v: unknown): boolean => typeof v === 'number';
const isNumberList = (v: unknown): boolean => Array.isArray(v) && v.every(isNumber);

/** Why `result` cannot be drawn with `chart`, or null when it can. */
export function chartShapeProblem(chart: ChartSpec, result: unknown): string | null {
  const need = (field: string, ok: (v: unknown) => boolean, what: string) =>
    ok(pick(result, field)) ? null : `the chart needs "${field}" to be ${what}`;
  if (chart.kind === 'xy')
    return (
      [
        chart.y,
        ...(chart.also ?? []).map((a) => a.y),
        ...(chart.band ? [chart.band.low, chart.band.high] : []),
      ]
        .map((y) => need(y, isNumber, 'a number'))
        .find((p) => p !== null) ?? null
    );
  if (chart.kind === 'cdf') return need(chart.field, isNumberList, 'a list of numbers');
  return need(chart.field, isNumber, 'a number');
}
