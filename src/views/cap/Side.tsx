/**
 * Beside the drawing: availability and stale reads over time, the checker's verdict, the totals,
 * and every replica's value and version for each key (up to four keys), so convergence after a
 * heal shows as the "behind" marks disappearing.
 */
import { useId } from 'react';
import { formatInt, formatPercent } from '../../ui/format';
import { useStore } from 'zustand';
import { cellsFor } from './cells';
import { TimelineChart } from './TimelineChart';
import type { CapProps } from './types';

const TABLE_KEYS = 4;

export function CapSide(p: CapProps) {
  const { view } = p;
  const ui = useStore(p.ui);
  const id = useId();
  const prefix = `capside${id.replace(/[^a-zA-Z0-9]/g, '')}`;
  const t = view.totals;
  const latency = p.frame.metrics.latencyMs ?? 0;
  const v = view.verdict;
  const keyCount = view.keys.length;
  const keys =
    keyCount <= TABLE_KEYS ? view.keys.map((_, k) => k) : [Math.min(ui.key, keyCount - 1)];
  const tables = keys.map((k) => ({ k, ...cellsFor(view, k) }));
  return (
    <div className="cap-side">
      <div className="panel-title">Availability and stale reads</div>
      <TimelineChart
        buckets={view.timeline.buckets}
        bucketMs={view.timeline.bucketMs}
        nowMs={p.frame.t}
        width={270}
        height={120}
        prefix={prefix}
      />
      <dl className="cap-totals" data-testid="cap-totals">
        <div>
          <dt>Availability</dt>
          <dd data-value={t.availability.toFixed(4)}>{formatPercent(t.availability)}</dd>
        </div>
        <div>
          <dt>Op latency (last 2 s)</dt>
          <dd data-value={latency.toFixed(1)}>{formatInt(Math.round(latency))} ms</dd>
        </div>
        <div>
          <dt>ok / failed / unknown</dt>
          <dd>
            {formatInt(t.ok)} / {formatInt(t.fail)} / {formatInt(t.info)}
          </dd>
        </div>
        <div>
          <dt>Stale reads</dt>
          <dd data-value={t.stale}>
            {formatInt(t.stale)} of {formatInt(t.reads)}
          </dd>
        </div>
        <div>
          <dt>Linearizable</dt>
          <dd data-value={String(v.linearizable)}>
            {v.linearizable
              ? '✓ yes'
              : v.violations
                ? `✕ no, ${formatInt(v.violations)} reads`
                : '? unknown'}
          </dd>
        </div>
        {keyCount > 1 ? (
          <div>
            <dt>Per key</dt>
            <dd>
              {v.keys
                .map((s, k) => `${view.keys[k]} ${s === 'ok' ? '✓' : s === 'violated' ? '✕' : '?'}`)
                .join(' ')}
            </dd>
          </div>
        ) : null}
      </dl>
      <div className="panel-title">Replicas</div>
      <table className="cap-replica-table">
        <caption className="sr-only">Each replica&apos;s value and version per key</caption>
        <thead>
          <tr>
            <th scope="col">replica</th>
            {tables.map(({ k, converged }) => (
              <th key={k} scope="col">
                {view.keys[k]} {converged ? '=' : '≠'}
                <span className="sr-only">
                  {converged ? ' (replicas agree)' : ' (replicas differ)'}
                </span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {view.replicas.map((r) => (
            <tr key={r.id}>
              <th scope="row">{r.label}</th>
              {tables.map(({ k, cells }) => {
                const c = cells[r.id]!;
                return (
                  <td key={k} className={`cell-${c.state}`} title={c.label}>
                    {c.value}
                    {c.state === 'behind' ? ' ◂' : c.state === 'concurrent' ? ' ≠' : ''}
                    <span className="cap-cell-version">{c.version}</span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted cap-table-note">
        ◂ behind the newest version · ≠ concurrent with another version · – not a replica of that
        key
        {keyCount > TABLE_KEYS ? ` · showing ${view.keys[keys[0]!]}` : ''}
      </p>
    </div>
  );
}
