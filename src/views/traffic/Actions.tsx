/**
 * The traffic toolbar: pick an instance (or click its row), then crash, restart, pause or slow
 * it; pause every instance at once; and switch the balancing and retry policies live.
 */
import { useStore } from 'zustand';
import { ActionButton } from '../../ui/ActionForm';
import { paramField } from '../../ui/modelInfo';
import { BALANCER_NAMES, RETRY_NAMES } from './style';
import type { TrafficProps } from './types';

function PolicySelect(p: TrafficProps & { param: string; names: Record<string, string> }) {
  const field = paramField(p.info, p.param);
  const value = String(p.frame.params[p.param] ?? '');
  return (
    <label className="traffic-policy" title={field.description}>
      {field.title}{' '}
      <select
        value={value}
        onChange={(e) => p.send({ action: 'set', params: { [p.param]: e.target.value } })}
      >
        {(field.enum ?? []).map((v) => (
          <option key={String(v)} value={String(v)}>
            {p.names[String(v)] ?? String(v)}
          </option>
        ))}
      </select>
    </label>
  );
}

export function TrafficActions(p: TrafficProps) {
  const { view, info, send, ui } = p;
  const target = useStore(ui, (u) => u.target);
  const k = Math.min(target, view.instances.length - 1);
  const inst = view.instances[k];
  const act = { info, send };
  const args = { instance: k };
  return (
    <div className="actions traffic-actions" role="group" aria-label="Actions">
      <label className="traffic-policy">
        Instance{' '}
        <select value={k} onChange={(e) => ui.setState({ target: Number(e.target.value) })}>
          {view.instances.map((i, j) => (
            <option key={i.name} value={j}>
              {i.name}
            </option>
          ))}
        </select>
      </label>
      <ActionButton
        {...act}
        action="crash"
        args={args}
        label={`Crash ${inst?.name ?? ''}`}
        disabled={!inst?.up}
      />
      <ActionButton
        {...act}
        action="restart"
        args={args}
        label={`Restart ${inst?.name ?? ''}`}
        disabled={!inst || inst.up}
      />
      <ActionButton
        {...act}
        action="pause"
        args={{ ...args, ms: 2000 }}
        label={`Pause ${inst?.name ?? ''} 2 s`}
        disabled={!inst?.up}
      />
      <ActionButton
        {...act}
        action="slow"
        args={{ ...args, factor: inst && inst.slowFactor > 1 ? 1 : 5 }}
        label={
          inst && inst.slowFactor > 1 ? `Speed ${inst.name} up` : `Slow ${inst?.name ?? ''} 5x`
        }
        disabled={!inst?.up}
      />
      <ActionButton {...act} action="pause" args={{ ms: 2000 }} label="Pause every instance 2 s" />
      <PolicySelect {...p} param="balancer" names={BALANCER_NAMES} />
      <PolicySelect {...p} param="retry" names={RETRY_NAMES} />
    </div>
  );
}
