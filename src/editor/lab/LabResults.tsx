/** The comparison: progress per run, then a bar chart of the lab's field and the summary table. */
import type { ExperimentInfo } from '../../sim/core/info';
import { BarChart } from '../../ui/charts/BarChart';
import { formatSummaryValue, pick } from '../../ui/format';
import { ProgressBar } from '../../ui/ProgressBar';
import type { LabDef } from './labs';

export interface LabRow {
  label: string;
  yours: boolean;
  done: number;
  total: number;
  result?: Record<string, unknown>;
  error?: string;
}

export function LabResults({
  lab,
  info,
  rows,
}: {
  lab: LabDef;
  info: ExperimentInfo;
  rows: LabRow[];
}) {
  if (!rows.length) return null;
  const finished = rows.filter((r) => r.result);
  return (
    <div className="lab-results" data-testid="lab-results">
      {rows.map((r) =>
        r.result || r.error ? null : (
          <ProgressBar key={r.label} label={r.label} done={r.done} total={r.total} />
        ),
      )}
      {finished.length > 0 && (
        <BarChart
          bars={finished.map((r) => ({
            label: r.label,
            value: Number(pick(r.result, lab.chart.field)),
            color: rows.indexOf(r),
            highlight: r.yours,
          }))}
          width={520}
          height={220}
          yLabel={lab.chart.field.split('.').pop()!}
          title={lab.chart.label}
          caption={lab.chart.label}
        />
      )}
      {/* Wide tables (ten columns for the stampede) scroll on their own, not the page. */}
      <div className="table-scroll" role="region" aria-label="Results table" tabIndex={0}>
        <table className="results">
          <caption className="sr-only">{info.title}: the built-ins and yours</caption>
          <thead>
            <tr>
              <th scope="col">strategy</th>
              {info.summary.map((s) => (
                <th key={s.field} scope="col">
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.label} className={r.yours ? 'yours' : undefined}>
                <th scope="row">{r.label}</th>
                {r.result ? (
                  info.summary.map((s) => {
                    return <td key={s.field}>{formatSummaryValue(pick(r.result, s.field), s)}</td>;
                  })
                ) : (
                  <td colSpan={info.summary.length} className="muted">
                    {r.error ?? 'running…'}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
