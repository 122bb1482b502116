/**
 * Stampede actions: switch the strategy live (segmented buttons), flush the cache, a traffic spike
 * (double the rate, then back) and a slow database (five times slower, then back). Each is an
 * input at the current time, so it rewinds, forks and shares like any other.
 */
import { useMemo, useState } from 'react';
import { ActionButton } from '../../ui/ActionForm';
import { formatInt } from '../../ui/format';
import { argField, clampTo, optionDescriptions, paramField } from '../../ui/modelInfo';
import type { StampedeProps } from './types';

export function StampedeActions(p: StampedeProps) {
  const { view, info, send } = p;
  // What a spike or a slowdown replaced, to go back to; forgotten when the value moves otherwise.
  const [spike, setSpike] = useState<{ from: number; to: number } | null>(null);
  const [slow, setSlow] = useState<{ from: number; to: number } | null>(null);
  // The strategies in the model's order, with what each does (the buttons' tooltips).
  const strategies = useMemo(() => {
    const what = optionDescriptions(paramField(info, 'strategy'));
    return (argField(info, 'setStrategy', 'strategy').enum ?? []).map(String).map((id) => ({
      id,
      what: what[id] ?? '',
    }));
  }, [info]);
  const spiking = spike !== null && spike.to === view.rate;
  const slowed = slow !== null && slow.to === view.recomputeMs;
  const spikeTo = clampTo(argField(info, 'setRate', 'rate'), view.rate * 2);
  const slowTo = clampTo(argField(info, 'slowDb', 'recomputeMs'), view.recomputeMs * 5);
  return (
    <div className="actions stampede-actions">
      <div role="group" aria-label="Strategy" className="stampede-segmented">
        {strategies.map(({ id, what }) => (
          <ActionButton
            key={id}
            info={info}
            action="setStrategy"
            args={{ strategy: id }}
            send={send}
            label={id}
            title={`${id}: ${what}`}
            pressed={view.strategy === id}
          />
        ))}
      </div>
      <ActionButton info={info} action="flush" send={send} />
      {spiking ? (
        <ActionButton
          info={info}
          action="setRate"
          args={{ rate: spike.from }}
          send={send}
          label={`End the spike (${formatInt(spike.from)}/s)`}
          onSent={() => setSpike(null)}
        />
      ) : (
        <ActionButton
          info={info}
          action="setRate"
          args={{ rate: spikeTo }}
          send={send}
          label="Traffic spike ×2"
          disabled={spikeTo === view.rate}
          onSent={() => setSpike({ from: view.rate, to: spikeTo })}
        />
      )}
      {slowed ? (
        <ActionButton
          info={info}
          action="slowDb"
          args={{ recomputeMs: slow.from }}
          send={send}
          label={`Restore the database (${formatInt(slow.from)} ms)`}
          onSent={() => setSlow(null)}
        />
      ) : (
        <ActionButton
          info={info}
          action="slowDb"
          args={{ recomputeMs: slowTo }}
          send={send}
          label="Slow the database ×5"
          disabled={slowTo === view.recomputeMs}
          onSent={() => setSlow({ from: view.recomputeMs, to: slowTo })}
        />
      )}
    </div>
  );
}
