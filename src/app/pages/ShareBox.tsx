/**
 * What a Share press shows: the link (already copied), the run's fingerprint at that moment, and
 * the command that replays the same link in Node and prints the same fingerprint. The fingerprint
 * is computed in a fresh simulation worker, so the running widget never stalls for it.
 */
import { useEffect, useState } from 'react';
import type { Scenario } from '../../sim/core/types';
import { fingerprintOnce } from '../../worker/client';

export interface Shared {
  url: string;
  scenario: Scenario;
  t: number;
}

type Print = { state: 'working' } | { state: 'done'; value: string } | { state: 'failed' };
type Keyed = { key: string; print: Print };

/** Quotes a URL for a POSIX shell. */
const shellQuote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

export function ShareBox({
  shared,
  label,
  onClose,
}: {
  shared: Shared;
  label: string;
  onClose(): void;
}) {
  const t = Math.max(0, Math.round(shared.t));
  // The fingerprint belongs to one link and time; a newer Share shows "computing" until its own.
  const key = `${shared.url}@${t}`;
  const [result, setResult] = useState<Keyed | null>(null);
  const print: Print = result?.key === key ? result.print : { state: 'working' };
  useEffect(() => {
    const abort = new AbortController();
    const setPrint = (p: Print) => !abort.signal.aborted && setResult({ key, print: p });
    fingerprintOnce(shared.scenario, t, abort.signal).then(
      (r) => setPrint(r.ok ? { state: 'done', value: r.value } : { state: 'failed' }),
      () => setPrint({ state: 'failed' }),
    );
    return () => abort.abort();
  }, [shared.scenario, t, key]);

  const command = `npm run -s experiment -- --scenario ${shellQuote(shared.url)} --until ${t}`;
  return (
    <div className="share-box" role="status">
      <div className="share-rows">
        <label>
          {label}{' '}
          <input
            readOnly
            value={shared.url}
            onFocus={(e) => e.currentTarget.select()}
            data-testid="share-url"
            size={60}
          />
        </label>
        <p className="share-print">
          Fingerprint at {(t / 1000).toFixed(1)} s:{' '}
          <code data-testid="share-fingerprint" aria-busy={print.state === 'working'}>
            {print.state === 'done'
              ? print.value
              : print.state === 'working'
                ? 'computing…'
                : 'not available'}
          </code>
          <span className="muted">
            {' '}
            · the same link gives the same fingerprint in any browser, and in Node:
          </span>
        </p>
        <input
          readOnly
          className="share-command"
          value={command}
          onFocus={(e) => e.currentTarget.select()}
          aria-label="Command that replays this run in Node and prints its fingerprint"
          data-testid="share-command"
        />
      </div>
      <button type="button" className="link-button" onClick={onClose}>
        Close
      </button>
    </div>
  );
}
