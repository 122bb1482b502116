/**
 * The token ring's toolbar: crash and restart (the node picked on the ring, else the holder and
 * the node crashed last), losing the token, drawing a partition and healing it.
 */
import { useStore } from 'zustand';
import { ActionButton } from '../../ui/ActionForm';
import { cancelDraft, draftGroups, startDraft } from '../network/draft';
import { PartitionControls } from '../PartitionControls';
import { nodeName } from './style';
import type { TokenringProps } from './types';

export function TokenringActions(p: TokenringProps) {
  const { view, info, send, ui } = p;
  const draft = useStore(ui);
  const act = { info, send };
  const picked = view.nodes[draft.target];
  const args = picked ? { node: picked.id } : {};
  const down = view.nodes.filter((x) => !x.up);
  return (
    <div className="actions tokenring-actions" role="group" aria-label="Actions">
      <ActionButton
        {...act}
        action="crash"
        args={args}
        label={picked ? `Crash ${picked.name}` : 'Crash the holder'}
        disabled={picked ? !picked.up : down.length === view.nodes.length}
      />
      <ActionButton
        {...act}
        action="restart"
        args={args}
        label={picked ? `Restart ${picked.name}` : 'Restart'}
        disabled={picked ? picked.up : down.length === 0}
      />
      <ActionButton {...act} action="loseToken" disabled={view.holders.length === 0} />
      <PartitionControls
        className="tokenring-drafting"
        drafting={draft.drafting}
        groups={draftGroups(draft, view.nodes.length)}
        partitioned={!!view.partition}
        send={send}
        onStart={() => startDraft(ui)}
        onCancel={() => cancelDraft(ui)}
        sideB={
          <span>{draft.sideB.length ? draft.sideB.map(nodeName).join(', ') : '(click nodes)'}</span>
        }
      />
    </div>
  );
}
