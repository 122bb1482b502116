/**
 * Raft's toolbar: client requests, crash and restart, drawing a partition (the ring takes the
 * clicks while drawing) and healing it. Per-server actions live in the server's details panel.
 */
import { useStore } from 'zustand';
import { ActionButton } from '../../ui/ActionForm';
import { cancelDraft, draftGroups, startDraft } from '../network/draft';
import { PartitionControls } from '../PartitionControls';
import { serverName } from './style';
import type { RaftProps } from './types';

export function RaftActions(p: RaftProps) {
  const { view, info, send, ui } = p;
  const draft = useStore(ui);
  const n = view.servers.length;
  const crashed = view.servers.filter((s) => s.role === 'crashed');
  const groups = draftGroups(draft, n);
  const act = { info, send };
  return (
    <div className="actions raft-actions" role="group" aria-label="Actions">
      <ActionButton {...act} action="request" label="Client request" />
      <ActionButton
        {...act}
        action="crash"
        label="Crash the leader"
        title="Crashes the server a majority follows"
        disabled={view.leader < 0}
      />
      <ActionButton
        {...act}
        action="restart"
        label={`Restart${crashed.length === 1 ? ` ${crashed[0]!.name}` : ''}`}
        disabled={crashed.length === 0}
        title={crashed.length ? 'Restarts the server crashed last' : 'No server is down'}
      />
      <PartitionControls
        className="raft-drafting"
        drafting={draft.drafting}
        groups={groups}
        partitioned={!!view.partition}
        send={send}
        onStart={() => startDraft(ui)}
        onCancel={() => cancelDraft(ui)}
        sideB={
          <span>
            {draft.sideB.length ? draft.sideB.map(serverName).join(', ') : '(click servers)'}
          </span>
        }
      />
    </div>
  );
}
