/**
 * Links the two ways a message is known: the kernel's in-flight list (its ids are what `drop`
 * takes) and the model's message history (what the space-time diagram draws). They share the
 * sender, receiver, send time and type; equal keys pair up in send order.
 */
import type { InFlight } from '../../sim/core/types';

import type { MessageRecord } from '../../sim/core/messageHistory';

export type { MessageRecord };

export const messageKey = (m: { from: number; to: number; sentAt: number; type: string }): string =>
  `${m.from}>${m.to}@${m.sentAt}:${m.type}`;

export interface MessageLinks {
  /** History record id -> in-flight id. */
  flightOf: Map<number, number>;
  /** In-flight id -> history record id. */
  recordOf: Map<number, number>;
}

export function linkMessages(
  records: readonly MessageRecord[],
  inFlight: readonly InFlight[],
): MessageLinks {
  const waiting = new Map<string, number[]>();
  for (const f of [...inFlight].sort((a, b) => a.id - b.id)) {
    const k = messageKey(f);
    const list = waiting.get(k);
    if (list) list.push(f.id);
    else waiting.set(k, [f.id]);
  }
  const flightOf = new Map<number, number>();
  const recordOf = new Map<number, number>();
  for (const r of records) {
    if (r.deliverAt >= 0 || r.droppedAt >= 0) continue;
    const list = waiting.get(messageKey(r));
    const id = list?.shift();
    if (id === undefined) continue;
    flightOf.set(r.id, id);
    recordOf.set(id, r.id);
  }
  return { flightOf, recordOf };
}

/** What became of a message: `discarded` means it reached a crashed node. */
export type MessageFate = 'delivered' | 'in flight' | 'discarded' | 'lost';

export function fateOf(r: MessageRecord, links: MessageLinks): MessageFate {
  if (r.deliverAt >= 0) return 'delivered';
  if (r.droppedAt >= 0) return 'discarded';
  return links.flightOf.has(r.id) ? 'in flight' : 'lost';
}
