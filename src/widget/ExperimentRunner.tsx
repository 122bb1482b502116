/**
 * Runs an experiment over a sweep of one parameter in the worker pool, with a progress bar per
 * run, a chart, a comparison table, and CSV/JSON downloads.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { formatError } from '../sim/core/errors';
import type { ExperimentInfo } from '../sim/core/info';
import type { ChartSpec } from '../sim/core/types';
import { LineChart, type Series } from '../ui/charts/LineChart';
import { chartShapeProblem } from '../ui/charts/shape';
import { download, toCsv } from '../ui/download';
import { ErrorList } from '../ui/ErrorList';
import { formatNumber, formatPercent, formatSummaryValue, pick } from '../ui/format';
import { useSize } from '../ui/hooks';
import { ParamsPanel } from '../ui/ParamsPanel';
import { ProgressBar } from '../ui/ProgressBar';
import { checkValues, coerce, fieldsOf, shownUnit } from '../ui/schemaFields';
import { ExperimentPool } from '../worker/pool';
import { experimentInfo } from './models';

type Value = number | string | boolean;

interface Run {
  value: Value;
  done: number;
  total: number;
  result: Record<string, unknown> | null;
  rows: Record<string, number | string | boolean>[];
  error: string | null;
}

export interface ExperimentRunnerProps {
  id: string;
  params?: Record<string, unknown>;
  sweep?: { param: string; values: Value[] };
  compact?: boolean;
}

export function ExperimentRunner(props: ExperimentRunnerProps) {
  const meta = experimentInfo(props.id);
  if (!meta)
    return (
      <ErrorList
        title="Unknown experiment"
        errors={[`experiment: "${props.id}" is not an experiment`]}
      />
    );
  return <Runner {...props} meta={meta} />;
}

const defaultsOf = (meta: ExperimentInfo): Record<string, unknown> =>
  Object.fromEntries(
    fieldsOf(meta.params).flatMap((f) => (f.default !== undefined ? [[f.key, f.default]] : [])),
  );

function Runner({
  meta,
  params: initial,
  sweep: initialSweep,
  compact,
}: ExperimentRunnerProps & { meta: ExperimentInfo }) {
  const [params, setParams] = useState<Record<string, unknown>>(() => ({
    ...defaultsOf(meta),
    ...initial,
  }));
  const sweepDefault = initialSweep ?? meta.sweep;
  const [sweepParam, setSweepParam] = useState(sweepDefault?.param ?? '');
  const [sweepText, setSweepText] = useState((sweepDefault?.values ?? []).join(', '));
  const [runs, setRuns] = useState<Run[]>([]);
  const [errors, setErrors] = useState<string[]>([]);
  const [running, setRunning] = useState(false);
  const pool = useRef<ExperimentPool | null>(null);
  const chartBox = useRef<HTMLDivElement>(null);
  const { width } = useSize(chartBox, { width: 560, height: 300 });
  useEffect(() => () => pool.current?.dispose(), []);
  const fields = fieldsOf(meta.params);
  const sweepField = fields.find((f) => f.key === sweepParam);

  const validate = (patch: Record<string, unknown>) => {
    const errors = checkValues(meta.params, patch, 'params', true);
    return errors.length ? errors.map(formatError).join('; ') : null;
  };

  const start = async () => {
    const values: Value[] = sweepParam
      ? sweepText
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
          .map((s) => coerce(sweepField, s) as Value)
      : [params[sweepParam] as Value];
    const jobs = (sweepParam ? values : [null]).map((v) =>
      sweepParam ? { ...params, [sweepParam]: v } : params,
    );
    const bad = jobs.flatMap((j, i) =>
      checkValues(meta.params, j, sweepParam ? `${sweepParam}=${String(values[i])}` : 'params').map(
        formatError,
      ),
    );
    setErrors(bad);
    if (bad.length) return;
    pool.current ??= new ExperimentPool();
    setRunning(true);
    setRuns(
      jobs.map((_, i) => ({
        value: (sweepParam ? values[i] : 'run') as Value,
        done: 0,
        total: 1,
        result: null,
        rows: [],
        error: null,
      })),
    );
    const update = (i: number, patch: Partial<Run>) =>
      setRuns((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
    await Promise.all(
      jobs.map(async (job, i) => {
        try {
          const r = await pool.current!.run({
            id: meta.id,
            params: job,
            onProgress: (done, total) => update(i, { done, total }),
          });
          if (r.ok)
            update(i, {
              result: r.value.result as Record<string, unknown>,
              rows: r.value.rows,
              done: 1,
              total: 1,
            });
          else update(i, { error: r.errors.map(formatError).join('; ') });
        } catch (e) {
          update(i, { error: String(e instanceof Error ? e.message : e) });
        }
      }),
    );
    setRunning(false);
  };

  const cancel = () => {
    pool.current?.cancelAll();
    pool.current = null;
    setRunning(false);
  };

  const finished = runs.filter((r) => r.result);
  const rows = useMemo(
    () =>
      finished.flatMap((r) => r.rows.map((row) => ({ [sweepParam || 'run']: r.value, ...row }))),
    [finished, sweepParam],
  );

  return (
    <section
      className={`experiment ${compact ? 'compact' : ''}`}
      aria-label={`Experiment: ${meta.title}`}
      data-experiment={meta.id}
    >
      {!compact && <p className="muted">{meta.description}</p>}
      <div className="experiment-controls">
        <ParamsPanel
          schema={meta.params}
          values={params}
          validate={validate}
          onApply={(p) => setParams((s) => ({ ...s, ...p }))}
          disabled={running}
        />
        <fieldset className="sweep" disabled={running}>
          <legend>Sweep</legend>
          <label>
            Vary{' '}
            <select
              value={sweepParam}
              onChange={(e) => {
                // The values belong to the parameter: start the new one from its default
                // sweep, or its current value, never from the old parameter's values.
                const next = e.target.value;
                setSweepParam(next);
                setSweepText(
                  sweepDefault?.param === next
                    ? sweepDefault.values.join(', ')
                    : next
                      ? String(params[next] ?? '')
                      : '',
                );
              }}
            >
              <option value="">nothing (one run)</option>
              {fields
                .filter((f) => f.key !== 'seed')
                .map((f) => (
                  <option key={f.key} value={f.key}>
                    {f.title}
                  </option>
                ))}
            </select>
          </label>
          {sweepParam && (
            <label>
              over{' '}
              <input
                value={sweepText}
                onChange={(e) => setSweepText(e.target.value)}
                aria-label="Values to sweep, comma separated"
                size={28}
              />
            </label>
          )}
          <div className="row">
            <button
              type="button"
              className="primary"
              onClick={() => void start()}
              disabled={running}
            >
              Run experiment
            </button>
            {running && (
              <button type="button" onClick={cancel}>
                Cancel
              </button>
            )}
          </div>
        </fieldset>
      </div>
      {errors.length ? <ErrorList title="Fix these values first:" errors={errors} /> : null}
      {runs.length > 0 && (
        <div className="runs">
          {runs.map((r, i) =>
            r.result ? null : r.error ? (
              <p key={i} className="field-error" role="alert">
                {sweepParam} = {String(r.value)}: {r.error}
              </p>
            ) : (
              <ProgressBar
                key={i}
                label={sweepParam ? `${sweepParam} = ${String(r.value)}` : 'Running'}
                done={r.done}
                total={r.total}
              />
            ),
          )}
        </div>
      )}
      <div ref={chartBox} className="experiment-chart">
        {finished.length > 0 && (
          <ResultChart
            chart={meta.chart}
            percentFields={new Set(meta.summary.filter((f) => f.percent).map((f) => f.field))}
            runs={finished}
            sweepLabel={
              sweepField
                ? `${sweepField.title}${shownUnit(sweepField) ? ` (${shownUnit(sweepField)})` : ''}`
                : sweepParam
            }
            width={Math.min(width, 720)}
            title={meta.title}
          />
        )}
      </div>
      {finished.length > 0 && (
        <>
          {/* Wide tables scroll on their own: a narrow screen keeps the page its width. */}
          <div
            className="results-scroll"
            tabIndex={0}
            role="region"
            aria-label={`${meta.title}: table of results`}
          >
            <table className="results">
              <caption className="sr-only">{meta.title} results</caption>
              <thead>
                <tr>
                  <th scope="col">{sweepParam || 'run'}</th>
                  {meta.summary.map((s) => (
                    <th key={s.field} scope="col">
                      {s.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {finished.map((r, i) => (
                  <tr key={i}>
                    <th scope="row">{String(r.value)}</th>
                    {meta.summary.map((s) => {
                      return (
                        <td key={s.field}>{formatSummaryValue(pick(r.result, s.field), s)}</td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="row">
            <button
              type="button"
              onClick={() => download(`${meta.id}.csv`, toCsv(rows), 'text/csv')}
            >
              Download CSV
            </button>
            <button
              type="button"
              onClick={() =>
                download(
                  `${meta.id}.json`,
                  JSON.stringify(
                    {
                      experiment: meta.id,
                      params,
                      sweep: sweepParam ? { param: sweepParam } : null,
                      runs: finished.map((r) => ({ value: r.value, result: r.result })),
                    },
                    null,
                    2,
                  ),
                  'application/json',
                )
              }
            >
              Download JSON
            </button>
          </div>
        </>
      )}
    </section>
  );
}

function ResultChart({
  chart,
  percentFields,
  runs,
  sweepLabel,
  width,
  title,
}: {
  chart: ChartSpec;
  /** Result fields the summary shows as percentages. */
  percentFields: ReadonlySet<string>;
  runs: Run[];
  /** The swept param as the learner sees it (its title and unit, not its key). */
  sweepLabel: string;
  width: number;
  title: string;
}) {
  const problem = runs.map((r) => chartShapeProblem(chart, r.result)).find((p) => p !== null);
  if (problem)
    return <ErrorList title="These results cannot be drawn:" errors={[`chart: ${problem}`]} />;
  if (chart.kind === 'xy') {
    const metrics = [{ y: chart.y, yLabel: chart.yLabel }, ...(chart.also ?? [])];
    const numeric = runs.every((r) => typeof r.value === 'number');
    if (numeric) {
      return (
        <>
          {metrics.map((m, i) => (
            <LineChart
              key={m.y}
              series={[
                {
                  label: m.yLabel,
                  x: runs.map((r) => r.value as number),
                  y: runs.map((r) => Number(pick(r.result, m.y))),
                  ...(i === 0 && chart.band
                    ? {
                        band: {
                          label: chart.band.label,
                          low: runs.map((r) => Number(pick(r.result, chart.band!.low))),
                          high: runs.map((r) => Number(pick(r.result, chart.band!.high))),
                        },
                      }
                    : {}),
                },
              ]}
              width={width}
              height={i === 0 ? 260 : 200}
              xLabel={sweepLabel}
              yLabel={m.yLabel}
              logX={!!chart.logX}
              markers
              title={`${title}: ${m.yLabel} by ${sweepLabel}${i === 0 && chart.band ? ` (shaded: ${chart.band.label})` : ''}`}
            />
          ))}
        </>
      );
    }
    return (
      <>
        {metrics.map((m) => (
          <CategoryBars
            key={m.y}
            runs={runs}
            field={m.y}
            label={m.yLabel}
            width={width}
            percent={percentFields.has(m.y)}
            titled={metrics.length > 1}
          />
        ))}
      </>
    );
  }
  if (chart.kind === 'cdf') {
    const series: Series[] = runs.map((r) => {
      const samples = ((pick(r.result, chart.field) as number[] | undefined) ?? [])
        .slice()
        .sort((a, b) => a - b);
      const n = samples.length;
      // At most ~400 points per curve: a 10,000-sample step line draws the same picture slower.
      const stride = Math.max(1, Math.ceil(n / 400));
      const idx = samples.map((_, i) => i).filter((i) => i % stride === stride - 1 || i === n - 1);
      const positive = (v: number) => (chart.logX ? Math.max(v, 1e-3) : v);
      return {
        label: `${sweepLabel || 'run'} ${String(r.value)}`,
        x: idx.map((i) => positive(samples[i]!)),
        y: idx.map((i) => (i + 1) / n),
      };
    });
    return (
      <>
        <LineChart
          series={series}
          width={width}
          height={280}
          xLabel={chart.xLabel}
          yLabel="share of trials"
          logX={!!chart.logX}
          step
          title={`${title}: cumulative distribution`}
          formatY={(v) => formatPercent(v, 0)}
        />
        <Legend labels={series.map((s) => s.label)} />
      </>
    );
  }
  // bars: one bar per run, the run's value of `field`.
  return (
    <CategoryBars
      runs={runs}
      field={chart.field}
      label={chart.yLabel}
      width={width}
      percent={percentFields.has(chart.field)}
      titled={false}
    />
  );
}

function CategoryBars({
  runs,
  field,
  label,
  width,
  percent,
  titled,
}: {
  runs: Run[];
  field: string;
  label: string;
  width: number;
  percent: boolean;
  /** Show the metric's name above the bars (when there are several charts). */
  titled: boolean;
}) {
  const values = runs.map((r) => Number(pick(r.result, field)));
  const max = Math.max(...values.map((v) => v || 0), 1e-9);
  const show = (v: number) => (percent ? formatPercent(v) : formatNumber(v, 3));
  return (
    <div
      className="category-bars"
      role="img"
      aria-label={`${label} by run: ${runs.map((r, i) => `${String(r.value)} ${show(values[i]!)}`).join(', ')}`}
      style={{ maxWidth: width, ...(titled ? { marginBottom: '0.75rem' } : {}) }}
    >
      {titled ? (
        <div className="panel-title" aria-hidden="true">
          {label}
        </div>
      ) : null}
      {runs.map((r, i) => {
        const v = values[i]!;
        return (
          <div key={i} className="category-bar">
            <span className="category-label">{String(r.value)}</span>
            <span className="category-track">
              <span
                className="category-fill"
                style={{ width: `${(v / max) * 100}%`, background: `var(--series-${i % 8})` }}
              />
            </span>
            <span className="category-value">{show(v)}</span>
          </div>
        );
      })}
    </div>
  );
}

function Legend({ labels }: { labels: string[] }) {
  return (
    <ul className="legend">
      {labels.map((l, i) => (
        <li key={l}>
          <span
            className="swatch"
            style={{ background: `var(--series-${i % 8})` }}
            aria-hidden="true"
          />
          {l}
        </li>
      ))}
    </ul>
  );
}
