/** Names, node ids and the message history shared by the replication model's handlers. */
import { keepSent } from '../../core/messageHistory';
import type {
  Entry,
  Replica,
  ReplicationCtx as C,
  ReplicationMsg,
  ReplicationState as S,
} from './types';

export const HISTORY_SIZE = 160;
export const ANOMALIES_KEPT = 40;
export const ACKED_KEPT = 400;

export const replicaName = (id: number): string => `R${id + 1}`;
export const clientName = (c: number): string => `C${c}`;
/** Network ids: replicas 0..n-1, then the clients, then storage. */
export const clientNode = (s: { replicas: readonly unknown[] }, c: number): number =>
  s.replicas.length + c;
export const storageNode = (s: { replicas: readonly unknown[] }): number => s.replicas.length + 2;
export const lockNode = (s: { replicas: readonly unknown[] }): number => s.replicas.length + 3;
export function nodeName(s: { replicas: readonly unknown[] }, id: number): string {
  const n = s.replicas.length;
  return id < n ? replicaName(id) : id < n + 2 ? clientName(id - n) : id === n + 2 ? 'S' : 'K';
}
export const writeLabel = (e: { client: number; seq: number }): string =>
  `${clientName(e.client)}.${e.seq}`;
export const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/** A message before `send` numbers it. */
export type Out = ReplicationMsg extends infer M
  ? M extends { mid: number }
    ? Omit<M, 'mid'>
    : never
  : never;

export function describeMessage(m: Out): string {
  switch (m.type) {
    case 'write':
      return `write ${writeLabel(m)}`;
    case 'writeOk':
      return `done v${m.index}`;
    case 'redirect':
      return 'not leader';
    case 'append':
      return m.entries.length
        ? `append v${m.from}${m.entries.length > 1 ? `–${m.from + m.entries.length - 1}` : ''}`
        : 'heartbeat';
    case 'ack':
      return `ack v${m.applied}`;
    case 'stale':
      return `epoch ${m.epoch}`;
    case 'newLeader':
      return `leader e${m.epoch}`;
    case 'read':
      return m.token ? `read ≥v${m.token}` : 'read';
    case 'readOk':
      return `v${m.top}`;
    case 'store':
      return `store e${m.epoch}`;
    case 'acquire':
      return 'lock?';
    case 'grant':
      return `lease t${m.token}`;
    case 'busy':
      return 'held';
    case 'lockWrite':
      return `write t${m.token}`;
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
  ctx.send(from, to, { ...msg, mid } as ReplicationMsg);
}

/** Entries 1..n are all received. */
export function received(r: Replica): number {
  let n = 0;
  while (n < r.log.length && r.log[n]) n++;
  return n;
}

/** Whether a read at this replica sees entry `index`. */
export const visible = (r: Replica, index: number, inOrder: boolean): boolean =>
  r.role === 'leader' ? index <= r.log.length : inOrder ? index <= r.applied : !!r.ready[index - 1];

/** The newest version a read at this replica sees. */
export function topVisible(r: Replica, inOrder: boolean): number {
  if (r.role === 'leader') return r.log.length;
  if (inOrder) return r.applied;
  for (let i = r.ready.length; i > 0; i--) if (r.ready[i - 1] && r.log[i - 1]) return i;
  return 0;
}

/** Keeps the first `n` entries. */
export function truncate(r: Replica, n: number): void {
  r.log.length = Math.min(r.log.length, n);
  r.ready.length = Math.min(r.ready.length, n);
  r.applied = Math.min(r.applied, n);
  r.matched = Math.min(r.matched, n);
}

export const entryAt = (r: Replica, index: number): Entry | null => r.log[index - 1] ?? null;

export function anomaly(
  s: S,
  ctx: C,
  kind: S['anomalies'][number]['kind'],
  text: string,
  nodes: number[],
): void {
  s.counts[kind]++;
  s.anomalies.push({ at: ctx.now, kind, text, nodes });
  if (s.anomalies.length > ANOMALIES_KEPT)
    s.anomalies.splice(0, s.anomalies.length - ANOMALIES_KEPT);
  ctx.log(text, { level: 'warn', kind: `anomaly-${kind}`, nodes });
}
