/**
 * Stampede actions: switch the strategy live (segmented buttons), flush the cache, a traffic spike
 * (double the rate, then back) and a slow database (five times slower, then back). Each is an
 * input at the current time, so it rewinds, forks and shares like any other.
 */
import { useState } from 'react';
import { formatInt } from '../../ui/format';
import type { ViewProps } from '../types';
import type { StampedeView, Strategy } from './types';

/** The strategies in the model's order, with what each does (the buttons' tooltips). */
export const STRATEGY_INFO: readonly (readonly [Strategy, string])[] = [
  ['none', 'every miss queries the database'],
  ['lock', 'the first miss takes a lock and recomputes; the others poll the cache'],
  ['singleflight', 'concurrent misses share one query and its result'],
  ['swr', 'serve the stale value while one background refresh runs'],
  ['xfetch', 'recompute early at random before expiry (Vattani et al.)'],
  ['jitter', 'randomize each TTL so keys filled together expire apart'],
  ['lease', 'memcache leases: one token per key, the others wait or take stale data'],
];

const MAX_RATE = 20_000;
const MAX_RECOMPUTE_MS = 60_000;

export function StampedeActions(p: ViewProps) {
  const view = p.snapshot.frame?.view as StampedeView | undefined;
  // What a spike or a slowdown replaced, to go back to; forgotten when the value moves otherwise.
  const [spike, setSpike] = useState<{ from: number; to: number } | null>(null);
  const [slow, setSlow] = useState<{ from: number; to: number } | null>(null);
  if (!view) return null;
  const spiking = spike !== null && spike.to === view.rate;
  const slowed = slow !== null && slow.to === view.recomputeMs;
  const spikeTo = Math.min(MAX_RATE, view.rate * 2);
  const slowTo = Math.min(MAX_RECOMPUTE_MS, view.recomputeMs * 5);
  return (
    <div className="actions stampede-actions">
      <div role="group" aria-label="Strategy" className="stampede-segmented">
        {STRATEGY_INFO.map(([id, what]) => (
          <button
            key={id}
            type="button"
            aria-pressed={view.strategy === id}
            title={`${id}: ${what}`}
            onClick={() => p.send({ action: 'setStrategy', strategy: id })}
          >
            {id}
          </button>
        ))}
      </div>
      <button type="button" onClick={() => p.send({ action: 'flush' })}>
        Flush the cache
      </button>
      {spiking ? (
        <button
          type="button"
          onClick={() => {
            p.send({ action: 'setRate', rate: spike.from });
            setSpike(null);
          }}
        >
          End the spike ({formatInt(spike.from)}/s)
        </button>
      ) : (
        <button
          type="button"
          disabled={spikeTo === view.rate}
          onClick={() => {
            p.send({ action: 'setRate', rate: spikeTo });
            setSpike({ from: view.rate, to: spikeTo });
          }}
        >
          Traffic spike ×2
        </button>
      )}
      {slowed ? (
        <button
          type="button"
          onClick={() => {
            p.send({ action: 'slowDb', recomputeMs: slow.from });
            setSlow(null);
          }}
        >
          Restore the database ({formatInt(slow.from)} ms)
        </button>
      ) : (
        <button
          type="button"
          disabled={slowTo === view.recomputeMs}
          onClick={() => {
            p.send({ action: 'slowDb', recomputeMs: slowTo });
            setSlow({ from: view.recomputeMs, to: slowTo });
          }}
        >
          Slow the database ×5
        </button>
      )}
    </div>
  );
}
