/** Load per node (keys or requests) with the mean and the coefficient of variation. */
import { useId, useState } from 'react';
import { BarChart } from '../../ui/charts/BarChart';
import { formatInt, formatNumber, formatPercent } from '../../ui/format';
import type { HashringProps } from './types';

export function HashringSide(p: HashringProps) {
  const view = p.view;
  const [measure, setMeasure] = useState<'keys' | 'requests'>('keys');
  const titleId = useId();
  const bars = view.nodes.map((n) => ({
    label: n.name,
    value: measure === 'keys' ? n.keys : n.requestsPerSec,
    color: n.id,
  }));
  const values = bars.map((b) => b.value);
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
          <label>
            <input
              type="radio"
              name={`${titleId}-measure`}
              checked={measure === 'keys'}
              onChange={() => setMeasure('keys')}
            />{' '}
            keys
          </label>
          <label>
            <input
              type="radio"
              name={`${titleId}-measure`}
              checked={measure === 'requests'}
              onChange={() => setMeasure('requests')}
            />{' '}
            req/s
          </label>
        </div>
      </div>
      <BarChart
        bars={bars}
        width={280}
        height={170}
        yLabel={measure === 'keys' ? 'keys' : 'requests/s'}
        title={`${measure === 'keys' ? 'Keys' : 'Requests per second'} per node`}
        showMean
        caption={`CV ${formatNumber(cv, 3)} · max/mean ${mean > 0 ? formatNumber(max / mean, 2) : '–'}${view.capacity ? ` · capacity ${formatInt(view.capacity)}` : ''}`}
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
