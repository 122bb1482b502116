/** Names, node ids and the message history shared by the commit model's handlers. */
import { keepSent } from '../../core/messageHistory';
import type { CommitCtx as C, CommitMsg, CommitState as S } from './types';

export const HISTORY_SIZE = 160;
export const OUTCOMES_KEPT = 40;
export const TC = 0;

/** Network ids: TC is 0, participant Pi is i. */
export const nodeName = (id: number): string => (id === TC ? 'TC' : `P${id}`);
export const txName = (tx: number): string => `T${tx}`;
export const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/** A message before `send` numbers it. */
export type Out = CommitMsg extends infer M
  ? M extends { mid: number }
    ? Omit<M, 'mid'>
    : never
  : never;

export function describeMessage(m: Out): string {
  switch (m.type) {
    case 'prepare':
      return `prepare ${txName(m.tx)}`;
    case 'vote':
      return m.yes ? 'yes' : 'no';
    case 'decision':
      return m.commit ? `commit ${txName(m.tx)}` : `abort ${txName(m.tx)}`;
    case 'ack':
      return 'ack';
    case 'ask':
      return `${txName(m.tx)}?`;
  }
}

export function send(s: S, ctx: C, from: number, to: number, msg: Out): void {
  const mid = s.nextMid++;
  keepSent(s.messages, HISTORY_SIZE, {
    id: mid,
    from,
    to,
    type: msg.type,
    label: describeMessage(msg),
    now: ctx.now,
  });
  ctx.send(from, to, { ...msg, mid } as CommitMsg);
}

export function outcomeOf(s: S, tx: number) {
  let o = s.outcomes.find((x) => x.tx === tx);
  if (!o) {
    o = { tx, decision: '', commits: [], aborts: [] };
    s.outcomes.push(o);
    if (s.outcomes.length > OUTCOMES_KEPT) s.outcomes.splice(0, s.outcomes.length - OUTCOMES_KEPT);
  }
  return o;
}

/** Records a decision by TC (node 0) or a participant and checks atomicity at once. */
export function recordDecision(s: S, tx: number, node: number, commit: boolean, now: number): void {
  const o = outcomeOf(s, tx);
  if (node === TC) o.decision = commit ? 'commit' : 'abort';
  else (commit ? o.commits : o.aborts).push(node);
  if (s.atomicity) return;
  const committed = o.commits.length > 0 || o.decision === 'commit';
  const aborted = o.aborts.length > 0 || o.decision === 'abort';
  if (committed && aborted) {
    const c = [...(o.decision === 'commit' ? ['TC'] : []), ...o.commits.map(nodeName)];
    const a = [...(o.decision === 'abort' ? ['TC'] : []), ...o.aborts.map(nodeName)];
    s.atomicity = `${txName(tx)} committed at ${c.join(', ')} but aborted at ${a.join(', ')} (at ${seconds(now)})`;
  }
}
