/**
 * Drawing a partition and healing it, for every model whose network can be cut: "Partition…"
 * opens the draft (the model's drawing takes clicks, and `sideB` shows or edits who is on side B),
 * "Cut the network" sends the partition input with the draft's groups, "Heal" sends heal.
 */
import type { ReactNode } from 'react';
import type { LearnerInput } from './types';

export interface PartitionControlsProps {
  drafting: boolean;
  /** Side B while drafting: a summary, or controls that edit it. */
  sideB: ReactNode;
  /** The partition input's groups, or null while the draft does not split the cluster. */
  groups: number[][] | null;
  /** A partition is in force, so Heal has something to do. */
  partitioned: boolean;
  send(input: LearnerInput): void;
  onStart(): void;
  onCancel(): void;
  /** The model's own class for the draft's box. */
  className?: string;
}

export function PartitionControls(p: PartitionControlsProps) {
  return (
    <>
      {p.drafting ? (
        <fieldset className={`partition-draft ${p.className ?? ''}`}>
          <legend>Side B</legend>
          {p.sideB}
          <button
            type="button"
            className="primary"
            disabled={!p.groups}
            onClick={() => {
              if (!p.groups) return;
              p.send({ action: 'partition', groups: p.groups });
              p.onCancel();
            }}
          >
            Cut the network
          </button>
          <button type="button" onClick={p.onCancel}>
            Cancel
          </button>
        </fieldset>
      ) : (
        <button type="button" onClick={p.onStart}>
          Partition…
        </button>
      )}
      <button type="button" onClick={() => p.send({ action: 'heal' })} disabled={!p.partitioned}>
        Heal
      </button>
    </>
  );
}
