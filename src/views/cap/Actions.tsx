/**
 * CAP's toolbar: the mode, drawing a partition (checkboxes here, or clicks on the drawing) and
 * healing it, a manual read or write by a chosen client on a chosen key, and the workload switch.
 */
import { useId } from 'react';
import { PartitionControls } from '../PartitionControls';
import type { ViewProps } from '../types';
import { clientOnB, draftGroups, useCapUi } from './draft';
import type { CapView } from './types';

const MODES = ['cp', 'ap', 'quorum'] as const;

export function CapActions(p: ViewProps) {
  const view = p.snapshot.frame?.view as CapView | undefined;
  const [ui, store] = useCapUi(p.send);
  const radio = useId();
  if (!view) return null;
  const client = Math.min(ui.client, view.clients.length - 1);
  const key = Math.min(ui.key, view.keys.length - 1);
  const groups = draftGroups(ui, view.replicas.length, view.clients);
  return (
    <div className="actions cap-actions" role="group" aria-label="Actions">
      <fieldset className="cap-modes">
        <legend className="sr-only">Mode</legend>
        {MODES.map((m) => (
          <label key={m} className={view.mode === m ? 'on' : ''}>
            <input
              type="radio"
              name={radio}
              checked={view.mode === m}
              onChange={() => p.send({ action: 'set', params: { mode: m } })}
            />
            {m}
          </label>
        ))}
      </fieldset>
      <PartitionControls
        className="cap-draft"
        drafting={ui.drafting}
        groups={groups}
        partitioned={!!view.partition}
        send={p.send}
        onStart={() => store.startDraft()}
        onCancel={() => store.cancelDraft()}
        sideB={
          <>
            {view.replicas.map((r) => (
              <label key={r.id}>
                <input
                  type="checkbox"
                  checked={ui.sideB.includes(r.id)}
                  onChange={() => store.toggleReplica(r.id)}
                />
                {r.label}
              </label>
            ))}
            <span className="cap-draft-clients" aria-label="Clients on side B">
              {view.clients
                .filter((c) => clientOnB(ui, c.id, c.home))
                .map((c) => c.label)
                .join(' ') || 'no clients'}
            </span>
          </>
        }
      />
      <span className="action-form">
        <label>
          <span className="sr-only">Client</span>
          <select
            value={client}
            onChange={(e) => store.set({ client: Number(e.target.value) })}
            aria-label="Client for manual operations"
          >
            {view.clients.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label} (S{c.home})
              </option>
            ))}
          </select>
        </label>
        {view.keys.length > 1 ? (
          <label>
            <span className="sr-only">Key</span>
            <select
              value={key}
              onChange={(e) => store.set({ key: Number(e.target.value) })}
              aria-label="Key to show and to read or write"
            >
              {view.keys.map((k, i) => (
                <option key={k} value={i}>
                  {k}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <button type="button" onClick={() => p.send({ action: 'read', client, key })}>
          Read
        </button>
        <button type="button" onClick={() => p.send({ action: 'write', client, key })}>
          Write
        </button>
      </span>
      <button
        type="button"
        aria-pressed={view.workload}
        onClick={() => p.send({ action: 'workload', on: !view.workload })}
      >
        Workload {view.workload ? 'on' : 'off'}
      </button>
    </div>
  );
}
