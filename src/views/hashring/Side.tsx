/** Load per node (keys or requests) with the mean and the coefficient of variation. */
import { useId, useState } from 'react';
import { BarChart } from '../../ui/charts/BarChart';
import { formatInt, formatNumber, formatPercent } from '../../ui/format';
import type { HashringProps } from './types';

const MEASURES = ['keys', 'copies', 'requests'] as const;
type Measure = (typeof MEASURES)[number];
const FIELD = { keys: 'keys', copies: 'copies', requests: 'requestsPerSec' } as const;
const LABEL: Record<Measure, string> = { keys: 'keys', copies: 'copies', requests: 'req/s' };
const Y_LABEL: Record<Measure, string> = {
  keys: 'keys',
  copies: 'copies',
  requests: 'requests/s',
};
const TITLE: Record<Measure, string> = {
  keys: 'Keys owned',
  copies: 'Copies stored (owner and replicas)',
  requests: 'Requests per second',
};

export function HashringSide(p: HashringProps) {
  const view = p.view;
  const [chosen, setMeasure] = useState<Measure>('keys');
  // Copies equal keys with one replica: offer them only when there are more.
  const measure = chosen === 'copies' && view.replicas <= 1 ? 'keys' : chosen;
  const titleId = useId();
  const bars = view.nodes.map((n) => ({
    label: n.name,
    value: n[FIELD[measure]],
    color: n.id,
  }));
  const values = bars.map((b) => b.value);
  const total = values.reduce((a, b) => a + b, 0);
  const mean = values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
  const sd = Math.sqrt(
    values.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, values.length),
  );
  const cv = mean > 0 ? sd / mean : 0;
  const max = Math.max(0, ...values);
  const change = view.lastChange;
  return (
    <section className="ring-side" role="group" aria-labelledby={titleId}>
      <div className="row spread">
        <div id={titleId} className="panel-title">
          Load per node
        </div>
        <div role="radiogroup" aria-label="Measure" className="segmented">
          {MEASURES.filter((m) => m !== 'copies' || view.replicas > 1).map((m) => (
            <label key={m}>
              <input
                type="radio"
                name={`${titleId}-measure`}
                checked={measure === m}
                onChange={() => setMeasure(m)}
              />{' '}
              {LABEL[m]}
            </label>
          ))}
        </div>
      </div>
      <BarChart
        bars={bars}
        width={280}
        height={170}
        yLabel={Y_LABEL[measure]}
        title={`${TITLE[measure]} per node`}
        showMean
        caption={`${measure === 'copies' ? `${formatInt(total)} copies in all · ` : ''}CV ${formatNumber(cv, 3)} · max/mean ${mean > 0 ? formatNumber(max / mean, 2) : '–'}${view.capacity ? ` · capacity ${formatInt(view.capacity)}` : ''}`}
      />
      <p className="cv" data-testid="cv" data-cv={cv.toFixed(4)} hidden>
        {cv.toFixed(4)}
      </p>
      {change && (change.op === 'add' || change.op === 'remove') ? (
        <div className="moved" data-testid="moved-summary" data-moved={change.moved}>
          <strong>{formatInt(change.moved)}</strong> keys moved (
          {formatPercent(change.movedFraction)}) when {change.op === 'add' ? 'adding' : 'removing'}{' '}
          N{change.node}.
          {change.moduloMoved !== null ? (
            <>
              <br />
              <span className="muted">
                hash % N would have moved <strong>{formatInt(change.moduloMoved)}</strong> (
                {formatPercent(change.moduloMovedFraction ?? 0)}).
              </span>
            </>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
