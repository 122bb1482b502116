/**
 * The commit toolbar: begin a transaction; crash TC now or at a point of its next transaction
 * (before prepare, after the votes, after sending the decision to some); restart TC; crash,
 * restart or make vote no the participant picked on the ring (P1 until you pick another); draw a
 * partition and heal it.
 */
import { useStore } from 'zustand';
import { ActionButton, ActionForm } from '../../ui/ActionForm';
import { cancelDraft, draftGroups, startDraft } from '../network/draft';
import { PartitionControls } from '../PartitionControls';
import { nodeName } from './style';
import type { CommitProps } from './types';

export function CommitActions(p: CommitProps) {
  const { view, info, send, ui } = p;
  const draft = useStore(ui);
  const act = { info, send };
  const picked = view.participants.find((q) => q.id === draft.target) ?? view.participants[0]!;
  const tcUp = view.tc.up;
  return (
    <div className="actions commit-actions" role="group" aria-label="Actions">
      <ActionButton
        {...act}
        action="begin"
        args={{}}
        label="Begin a transaction"
        disabled={!tcUp}
        title={tcUp ? 'TC starts a transaction across every participant' : 'TC is down'}
      />
      <ActionButton
        {...act}
        action="crashTc"
        args={{ when: 'now' }}
        label="Crash TC now"
        disabled={!tcUp}
      />
      <ActionForm
        {...act}
        action="crashTc"
        fields={['when', 'sentTo']}
        initial={{ when: 'after-votes', sentTo: 1 }}
        fieldLabel={{ when: { text: 'TC crashes' }, sentTo: { text: 'after telling' } }}
        submit="Arm"
        disabled={!tcUp}
        className="commit-crash-at"
      />
      <ActionButton {...act} action="restartTc" args={{}} label="Restart TC" disabled={tcUp} />
      <ActionButton
        {...act}
        action="crashP"
        args={{ p: picked.id }}
        label={`Crash ${picked.name}`}
        disabled={!picked.up}
      />
      <ActionButton
        {...act}
        action="restartP"
        args={{ p: picked.id }}
        label={`Restart ${picked.name}`}
        disabled={picked.up}
      />
      <ActionButton
        {...act}
        action="voteNo"
        args={{ p: picked.id }}
        label={`${picked.name} votes no next`}
      />
      <PartitionControls
        className="commit-drafting"
        drafting={draft.drafting}
        groups={draftGroups(draft, view.participants.length + 1)}
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
