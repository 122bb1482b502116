/** Current metric values with a sparkline for the ones worth watching over time. */
import { memo, useId } from 'react';
import type { MetricMeta } from '../sim/core/types';
import { Sparkline } from './charts/Sparkline';
import { formatNumber, formatPercent } from './format';

export interface MetricsPanelProps {
  metas: readonly MetricMeta[];
  values: Record<string, number>;
  series: { t: readonly number[]; values: Readonly<Record<string, readonly number[]>> };
}

export const MetricsPanel = memo(function MetricsPanel({
  metas,
  values,
  series,
}: MetricsPanelProps) {
  const titleId = useId();
  return (
    <section className="metrics" role="group" aria-labelledby={titleId}>
      <div id={titleId} className="panel-title">
        Metrics
      </div>
      <dl>
        {metas.map((m) => {
          const v = values[m.id];
          const text =
            v === undefined
              ? '–'
              : m.percent
                ? formatPercent(v)
                : `${formatNumber(v, m.digits ?? 2)}${m.unit ? ` ${m.unit}` : ''}`;
          const s = series.values[m.id];
          return (
            <div key={m.id} className="metric" data-metric={m.id}>
              <dt>{m.label}</dt>
              <dd>
                <span className="metric-value">{text}</span>
                {m.chart && s ? <Sparkline t={series.t} v={s} label={m.label} /> : null}
              </dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
});
