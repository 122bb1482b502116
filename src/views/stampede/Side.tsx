/**
 * Beside the drawing: the strategy, hit ratio, latency and timeouts over the last second, the
 * herd at the hottest key's last expiry, and recomputes in flight per hot key as small bars.
 */
import { useId } from 'react';
import { formatInt, formatNumber, formatPercent } from '../../ui/format';
import { OUTCOMES } from './outcomes';
import type { StampedeProps } from './types';

export function StampedeSide(p: StampedeProps) {
  const { view } = p;
  const titleId = useId();
  const keysId = useId();
  const k0 = view.hotKeys[0];
  const herd = k0?.lastHerd ?? 0;
  const scale = Math.max(1, ...view.hotKeys.map((k) => Math.max(k.inFlight, k.lastHerd)));
  const s = view.stats;
  return (
    <div className="stampede-side" role="group" aria-labelledby={titleId}>
      <div id={titleId} className="panel-title">
        Strategy <strong className="stampede-strategy">{view.strategy}</strong>
      </div>
      <dl className="stampede-tiles">
        <div>
          <dt>Hit ratio</dt>
          <dd>{formatPercent(s.hitRatio)}</dd>
        </div>
        <div>
          <dt>Timeouts</dt>
          <dd className={view.stats.totalTimeouts > 0 ? 'bad' : ''}>
            {formatInt(s.totalTimeouts)}
          </dd>
        </div>
        <div>
          <dt>Latency p50</dt>
          <dd>{formatNumber(s.latencyP50Ms, 1)} ms</dd>
        </div>
        <div>
          <dt>Latency p99</dt>
          <dd>{formatNumber(s.latencyP99Ms, 1)} ms</dd>
        </div>
        <div className="wide" data-testid="stampede-herd" data-herd={herd}>
          <dt>Herd at key 0’s last expiry</dt>
          <dd className={herd > 1 ? 'bad' : ''}>
            {herd === 0 ? '–' : `${formatInt(herd)} ${herd === 1 ? 'recompute' : 'recomputes'}`}
          </dd>
        </div>
      </dl>
      <div id={keysId} className="panel-title">
        Recomputes in flight per hot key
      </div>
      <ul className="stampede-keys" aria-labelledby={keysId}>
        {view.hotKeys.map((k) => (
          <li key={k.key}>
            <span className="sr-only">
              key {k.key}: {k.inFlight} in flight now, {k.lastHerd} at its last expiry
            </span>
            <span className="stampede-key" aria-hidden="true">
              k{k.key}
            </span>
            <span className="stampede-bar" aria-hidden="true">
              <span
                className="now"
                style={{
                  width: `${(100 * k.inFlight) / scale}%`,
                  background: OUTCOMES.db.color,
                }}
              />
              {k.lastHerd > 0 ? (
                <span className="last" style={{ left: `${(100 * k.lastHerd) / scale}%` }} />
              ) : null}
            </span>
            <span className="stampede-num" aria-hidden="true">
              {formatInt(k.inFlight)}
              <span className="muted"> / {formatInt(k.lastHerd)}</span>
            </span>
          </li>
        ))}
      </ul>
      <p className="stampede-note muted">bar: now · tick and second number: at the last expiry</p>
    </div>
  );
}
