/**
 * Beside the stage: the last second's golden signals (goodput against offered load, p99, errors
 * and timeouts, retries) and a minute of requests per second and latency percentiles.
 */
import { useId } from 'react';
import { LineChart } from '../../ui/charts/LineChart';
import { formatInt, formatNumber, formatPercent } from '../../ui/format';
import { colorOf } from '../../ui/palette';
import { RETRY_NAMES } from './style';
import type { TrafficProps } from './types';

const CHART_W = 300;
const CHART_H = 130;

/** The chart's series names beside a sample of their colour and dash (LineChart's order). */
function Legend({ labels }: { labels: string[] }) {
  return (
    <ul className="traffic-legend" aria-hidden="true">
      {labels.map((label, i) => (
        <li key={label}>
          <svg width={22} height={8}>
            <line
              x2={22}
              y1={4}
              y2={4}
              stroke={colorOf(i)}
              strokeWidth={2}
              strokeDasharray={i % 3 === 1 ? '5 3' : i % 3 === 2 ? '2 2' : undefined}
            />
          </svg>
          {label}
        </li>
      ))}
    </ul>
  );
}

export function TrafficSide(p: TrafficProps) {
  const { view, frame } = p;
  const titleId = useId();
  const last = view.seconds.at(-1);
  const xs = view.seconds.map((s) => s.t / 1000);
  const ended = last ? last.goodput + last.failed + last.timedOut : 0;
  const bad = last && ended ? (last.failed + last.timedOut) / ended : 0;
  const retry = String(frame.params.retry ?? '');
  return (
    <div className="traffic-side" role="group" aria-labelledby={titleId}>
      <div id={titleId} className="panel-title">
        Last second · {RETRY_NAMES[retry] ?? retry}
      </div>
      <dl className="traffic-tiles">
        <div>
          <dt>Goodput / offered</dt>
          <dd data-testid="traffic-goodput">
            {last ? `${formatInt(last.goodput)} / ${formatInt(last.offered)}` : '–'}
          </dd>
        </div>
        <div>
          <dt>Latency p99</dt>
          <dd>{last && Number.isFinite(last.p99) ? `${formatNumber(last.p99, 1)} ms` : '–'}</dd>
        </div>
        <div>
          <dt>Failed or timed out</dt>
          <dd className={bad > 0.01 ? 'bad' : ''}>{formatPercent(bad)}</dd>
        </div>
        <div>
          <dt>Retries, share of tries</dt>
          <dd>{last && last.tries ? formatPercent(last.retries / last.tries) : '–'}</dd>
        </div>
      </dl>
      <LineChart
        title="Requests per second over the last minute: offered, goodput and work done"
        width={CHART_W}
        height={CHART_H}
        xLabel="time (s)"
        yLabel="requests/s"
        series={[
          { label: 'offered', x: xs, y: view.seconds.map((s) => s.offered) },
          { label: 'goodput', x: xs, y: view.seconds.map((s) => s.goodput) },
          { label: 'work done', x: xs, y: view.seconds.map((s) => s.throughput) },
        ]}
      />
      <Legend labels={['offered', 'goodput', 'work done']} />
      <LineChart
        title="Latency percentiles over the last minute"
        width={CHART_W}
        height={CHART_H}
        xLabel="time (s)"
        yLabel="latency (ms)"
        series={[
          { label: 'p50', x: xs, y: view.seconds.map((s) => s.p50) },
          { label: 'p99', x: xs, y: view.seconds.map((s) => s.p99) },
          { label: 'p99.9', x: xs, y: view.seconds.map((s) => s.p999) },
        ]}
      />
      <Legend labels={['p50', 'p99', 'p99.9']} />
      <p className="traffic-note muted">
        In the system now: {formatInt(view.inSystem)} · late answers thrown away:{' '}
        {formatInt(view.totals.late)}
      </p>
    </div>
  );
}
