/**
 * The replication toolbar: each client's write and read, a write to a replica you name (a client
 * with a stale address), crash and restart (the replica picked on the ring, else the leader and
 * the replica crashed last), drawing a partition and healing it.
 */
import { useStore } from 'zustand';
import { ActionButton, ActionForm } from '../../ui/ActionForm';
import { cancelDraft, draftGroups, startDraft } from '../network/draft';
import { PartitionControls } from '../PartitionControls';
import { nodeName } from './style';
import type { ReplicationProps } from './types';

export function ReplicationActions(p: ReplicationProps) {
  const { view, info, send, ui } = p;
  const draft = useStore(ui);
  const act = { info, send };
  const picked = view.replicas[draft.target];
  const leader = view.replicas[view.leader];
  const down = view.replicas.filter((r) => !r.up);
  const total = view.replicas.length + 4;
  return (
    <div className="actions replication-actions" role="group" aria-label="Actions">
      {view.clients.map((c) => (
        <ActionButton
          key={`w${c.id}`}
          {...act}
          action="write"
          args={{ client: c.id }}
          label={`${c.name} writes`}
          title={`${c.name} writes a new value to ${c.leader}, the replica it believes leads`}
        />
      ))}
      {view.clients.map((c) => (
        <ActionButton
          key={`r${c.id}`}
          {...act}
          action="read"
          args={{ client: c.id }}
          label={`${c.name} reads`}
        />
      ))}
      {view.clients.map((c) => (
        <ActionButton
          key={`l${c.id}`}
          {...act}
          action="lock"
          args={{ client: c.id }}
          label={`${c.name} takes the lock`}
        />
      ))}
      <ActionForm
        {...act}
        action="pause"
        fields={['client', 'ms']}
        initial={{ client: 0, ms: 3000 }}
        fieldLabel={{ client: { text: 'C' }, ms: { text: 'for (ms)' } }}
        submit="Freeze"
        className="replication-write-to"
      />
      <ActionForm
        {...act}
        action="write"
        fields={['client', 'replica']}
        initial={{ client: 0, replica: 0 }}
        fieldLabel={{ client: { text: 'C' }, replica: { text: 'to R (0 = R1)' } }}
        submit="Write to"
        className="replication-write-to"
      />
      <ActionButton
        {...act}
        action="crash"
        args={picked ? { replica: picked.id } : {}}
        label={
          picked ? `Crash ${picked.name}` : `Crash the leader${leader ? ` (${leader.name})` : ''}`
        }
        disabled={picked ? !picked.up : !leader?.up}
      />
      <ActionButton
        {...act}
        action="restart"
        args={picked ? { replica: picked.id } : {}}
        label={picked ? `Restart ${picked.name}` : 'Restart'}
        disabled={picked ? picked.up : down.length === 0}
      />
      <PartitionControls
        className="replication-drafting"
        drafting={draft.drafting}
        groups={draftGroups(draft, total)}
        partitioned={!!view.partition}
        send={send}
        onStart={() => startDraft(ui)}
        onCancel={() => cancelDraft(ui)}
        sideB={
          <span>
            {draft.sideB.length
              ? draft.sideB.map((id) => nodeName(view, id)).join(', ')
              : '(click nodes)'}
          </span>
        }
      />
    </div>
  );
}
