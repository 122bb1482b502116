/**
 * Raft's toolbar: client requests, crash and restart, drawing a partition (the ring takes the
 * clicks while drawing) and healing it. Per-server actions live in the server's details panel.
 */
import { PartitionControls } from '../PartitionControls';
import type { ViewProps } from '../types';
import { draftGroups, usePartitionDraft } from './draft';
import { serverName } from './style';
import type { RaftView } from './types';

export function RaftActions(p: ViewProps) {
  const view = p.snapshot.frame?.view as RaftView | undefined;
  const [draft, drafts] = usePartitionDraft(p.send);
  if (!view) return null;
  const n = view.servers.length;
  const crashed = view.servers.filter((s) => s.role === 'crashed');
  const groups = draftGroups(draft.sideB, n);
  return (
    <div className="actions raft-actions" role="group" aria-label="Actions">
      <button type="button" onClick={() => p.send({ action: 'request' })}>
        Client request
      </button>
      <button type="button" onClick={() => p.send({ action: 'crash' })} disabled={view.leader < 0}>
        Crash the leader
      </button>
      <button
        type="button"
        onClick={() => p.send({ action: 'restart' })}
        disabled={crashed.length === 0}
        title={crashed.length ? `Restarts the server crashed last` : 'No server is down'}
      >
        Restart{crashed.length === 1 ? ` ${crashed[0]!.name}` : ''}
      </button>
      <PartitionControls
        className="raft-drafting"
        drafting={draft.active}
        groups={groups}
        partitioned={!!view.partition}
        send={p.send}
        onStart={() => drafts.start()}
        onCancel={() => drafts.cancel()}
        sideB={
          <span>
            {draft.sideB.length ? draft.sideB.map(serverName).join(', ') : '(click servers)'}
          </span>
        }
      />
    </div>
  );
}
