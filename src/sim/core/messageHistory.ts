/**
 * The message history a model keeps for the space-time diagram (src/views/network/SpaceTime.tsx):
 * the newest `size` messages in a ring buffer, record `id % size`, each with when it was sent,
 * delivered or discarded. Plain data in the model's state; the model's view passes it on.
 */

/** A message as a model's history keeps it. */
export interface MessageRecord {
  id: number;
  from: number;
  to: number;
  type: string;
  label: string;
  sentAt: number;
  /** Virtual ms it arrived, or -1 (still in flight, or lost on the way). */
  deliverAt: number;
  /** Virtual ms it reached a crashed node and was discarded, or -1. */
  droppedAt: number;
}

/** Keeps message `id`, sent now, in the history (over the record of message `id - size`). */
export function keepSent(
  history: MessageRecord[],
  size: number,
  m: { id: number; from: number; to: number; type: string; label: string; now: number },
): void {
  history[m.id % size] = {
    id: m.id,
    from: m.from,
    to: m.to,
    type: m.type,
    label: m.label,
    sentAt: m.now,
    deliverAt: -1,
    droppedAt: -1,
  };
}

/**
 * Notes that message `id` arrived now, or was discarded by a crashed node (`dropped`); nothing
 * when its record has been overwritten by a newer message.
 */
export function noteArrival(
  history: readonly (MessageRecord | null | undefined)[],
  size: number,
  id: number,
  now: number,
  dropped: boolean,
): void {
  const rec = history[id % size];
  if (!rec || rec.id !== id) return;
  if (dropped) rec.droppedAt = now;
  else rec.deliverAt = now;
}
