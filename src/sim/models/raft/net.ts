/**
 * Sending through the kernel's network, the bounded message history the space-time diagram draws,
 * and the short labels drawn on messages in flight.
 */
import { noteArrival as noteInHistory } from '../../core/messageHistory';
import type { Delivery } from '../../core/types';
import { HISTORY_SIZE, type RaftCtx, type RaftMsg, type RaftState } from './state';

/** "AE t4 [7]", "AE t4 ♥", "RV t4", "vote ✓", ... */
export function describeMessage(m: RaftMsg): string {
  switch (m.type) {
    case 'AppendEntries': {
      const n = m.entries.length;
      if (n === 0) return `AE t${m.term} ♥`;
      const first = m.prevLogIndex + 1;
      return `AE t${m.term} [${n === 1 ? first : `${first}–${first + n - 1}`}]`;
    }
    case 'AppendEntriesReply':
      return m.success ? `ok ${m.matchIndex}` : `no t${m.term}`;
    case 'RequestVote':
      return `RV t${m.term}`;
    case 'PreVote':
      return `PV t${m.term}`;
    case 'RequestVoteReply':
      return m.granted ? 'vote ✓' : 'vote ✗';
    case 'PreVoteReply':
      return m.granted ? 'pre ✓' : 'pre ✗';
  }
}

/** Sends `m` (its epoch and message number are filled in here) and records it in the history. */
export function send(s: RaftState, ctx: RaftCtx, from: number, to: number, m: RaftMsg): void {
  s.messagesSent++;
  m.e = s.epoch;
  if (s.history) {
    const mid = s.nextMessageId++;
    m.mid = mid;
    s.messages[mid % HISTORY_SIZE] = {
      id: mid,
      from,
      to,
      type: m.type,
      term: m.term,
      label: describeMessage(m),
      sentAt: ctx.now,
      deliverAt: -1,
      droppedAt: -1,
    };
  }
  ctx.send(from, to, m);
}

/** Notes in the history that a message arrived (or was discarded by a crashed server). */
export function noteArrival(s: RaftState, msg: Delivery<RaftMsg>, now: number, dropped: boolean) {
  if (s.history) noteInHistory(s.messages, HISTORY_SIZE, msg.payload.mid, now, dropped);
}
