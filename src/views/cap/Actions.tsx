/**
 * CAP's toolbar: the mode, drawing a partition (checkboxes here, or clicks on the drawing) and
 * healing it, a manual read or write by a chosen client on a chosen key, and the workload switch.
 */
import { useId } from 'react';
import { useStore } from 'zustand';
import { ActionButton } from '../../ui/ActionForm';
import { optionDescriptions, paramField } from '../../ui/modelInfo';
import { attachedOnB, cancelDraft, draftGroups, startDraft, toggleSideB } from '../network/draft';
import { PartitionControls } from '../PartitionControls';
import type { CapProps } from './types';

export function CapActions(p: CapProps) {
  const { view, info, send, ui: store } = p;
  const ui = useStore(store);
  const radio = useId();
  const modeField = paramField(info, 'mode');
  const modes = (modeField.enum ?? []).map(String);
  const modeHelp = optionDescriptions(modeField);
  const client = Math.min(ui.client, view.clients.length - 1);
  const key = Math.min(ui.key, view.keys.length - 1);
  const groups = draftGroups(ui, view.replicas.length, view.clients);
  return (
    <div className="actions cap-actions" role="group" aria-label="Actions">
      <fieldset className="cap-modes">
        <legend className="sr-only">Mode</legend>
        {modes.map((m) => (
          <label key={m} className={view.mode === m ? 'on' : ''} title={modeHelp[m] || undefined}>
            <input
              type="radio"
              name={radio}
              checked={view.mode === m}
              onChange={() => send({ action: 'set', params: { mode: m } })}
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
        send={send}
        onStart={() => startDraft(store)}
        onCancel={() => cancelDraft(store)}
        sideB={
          <>
            {view.replicas.map((r) => (
              <label key={r.id}>
                <input
                  type="checkbox"
                  checked={ui.sideB.includes(r.id)}
                  onChange={() => toggleSideB(store, r.id)}
                />
                {r.label}
              </label>
            ))}
            <span className="cap-draft-clients" aria-label="Clients on side B">
              {view.clients
                .filter((c) => attachedOnB(ui, c.id, c.home))
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
            onChange={(e) => store.setState({ client: Number(e.target.value) })}
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
              onChange={(e) => store.setState({ key: Number(e.target.value) })}
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
        <ActionButton info={info} send={send} action="read" args={{ client, key }} />
        <ActionButton info={info} send={send} action="write" args={{ client, key }} />
      </span>
      <ActionButton
        info={info}
        send={send}
        action="workload"
        args={{ on: !view.workload }}
        pressed={view.workload}
        label={`Workload ${view.workload ? 'on' : 'off'}`}
      />
    </div>
  );
}
