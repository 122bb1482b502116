/**
 * How replicas, clients, storage and messages look: an Okabe-Ito colour always paired with a
 * shape and a word, so the leader is told by its star and label, not only its colour.
 */
import { OKABE_ITO, type Shape } from '../../ui/palette';
import type { RecordStyle } from '../network/live';
import type { FlightStyle } from '../network/Messages';
import type { AnomalyKind, ReplicaView, ReplicationView } from './types';

export type NodeKey = 'leader' | 'stale' | 'follower' | 'crashed' | 'client' | 'storage' | 'lock';
export const NODE_STYLE: Record<
  NodeKey,
  { label: string; color: string; shape: Shape; ink: string }
> = {
  leader: { label: 'leader', color: OKABE_ITO[1], shape: 'star', ink: '#000000' },
  stale: { label: 'thinks it leads', color: OKABE_ITO[5], shape: 'diamond', ink: '#000000' },
  follower: { label: 'follower', color: OKABE_ITO[0], shape: 'circle', ink: '#ffffff' },
  crashed: { label: 'crashed', color: OKABE_ITO[7], shape: 'circle', ink: '#000000' },
  client: { label: 'client', color: OKABE_ITO[2], shape: 'square', ink: '#000000' },
  storage: { label: 'storage', color: OKABE_ITO[3], shape: 'hexagon', ink: '#000000' },
  lock: { label: 'lock service', color: OKABE_ITO[6], shape: 'triangle', ink: '#000000' },
};

export const replicaKey = (r: ReplicaView): NodeKey =>
  !r.up ? 'crashed' : r.role === 'leader' ? (r.stale ? 'stale' : 'leader') : 'follower';

/** Network ids: replicas, then C0 and C1, then storage. */
export function nodeName(v: ReplicationView, id: number): string {
  const n = v.replicas.length;
  return id < n ? `R${id + 1}` : id < n + 2 ? `C${id - n}` : id === n + 2 ? 'S' : 'K';
}

export const ANOMALY: Record<AnomalyKind, { title: string; mark: string }> = {
  ryw: { title: 'Read-your-writes', mark: '⟲' },
  monotonic: { title: 'Monotonic reads', mark: '↓' },
  prefix: { title: 'Consistent prefix', mark: '⋯' },
  lost: { title: 'Lost write', mark: '✕' },
  split: { title: 'Split brain', mark: '⚠' },
  holders: { title: 'Two lock holders', mark: '2×' },
};

const MESSAGE: Record<string, FlightStyle & { faint: boolean }> = {
  write: { color: OKABE_ITO[2], shape: 'square', hollow: false, name: 'write', faint: false },
  writeOk: { color: OKABE_ITO[2], shape: 'square', hollow: true, name: 'write done', faint: false },
  redirect: {
    color: OKABE_ITO[7],
    shape: 'square',
    hollow: true,
    name: 'not the leader',
    faint: false,
  },
  append: { color: OKABE_ITO[1], shape: 'diamond', hollow: false, name: 'log entry', faint: false },
  heartbeat: {
    color: OKABE_ITO[7],
    shape: 'circle',
    hollow: false,
    name: 'heartbeat',
    faint: true,
  },
  ack: { color: OKABE_ITO[0], shape: 'circle', hollow: true, name: 'acknowledgement', faint: true },
  stale: {
    color: OKABE_ITO[5],
    shape: 'triangle',
    hollow: true,
    name: 'newer epoch',
    faint: false,
  },
  newLeader: {
    color: OKABE_ITO[5],
    shape: 'star',
    hollow: false,
    name: 'new leader',
    faint: false,
  },
  read: { color: OKABE_ITO[4], shape: 'triangle', hollow: false, name: 'read', faint: false },
  readOk: {
    color: OKABE_ITO[4],
    shape: 'triangle',
    hollow: true,
    name: 'read answer',
    faint: false,
  },
  store: {
    color: OKABE_ITO[3],
    shape: 'hexagon',
    hollow: false,
    name: 'storage write',
    faint: false,
  },
};
/** A heartbeat is an append with no entries: its label says so. */
const kindOf = (m: { type: string; label: string }) =>
  m.type === 'append' && m.label === 'heartbeat' ? 'heartbeat' : m.type;
const messageOf = (m: { type: string; label: string }) => MESSAGE[kindOf(m)] ?? MESSAGE.append!;

export function flightStyle(m: { type: string; label: string }): FlightStyle {
  const s = messageOf(m);
  return { ...s, className: `kind-${kindOf(m)}` };
}

export function recordStyle(m: { type: string; label: string }): RecordStyle {
  const s = messageOf(m);
  return { color: s.color, reply: s.hollow, faint: s.faint };
}
