/**
 * How TC, participants and messages look: an Okabe-Ito colour always paired with a shape and a
 * word, so "prepared (in doubt)" is told by its diamond and label, not only its colour.
 */
import { OKABE_ITO, type Shape } from '../../ui/palette';
import type { RecordStyle } from '../network/live';
import type { FlightStyle } from '../network/Messages';
import type { ParticipantView } from './types';

export type NodeKey = 'tc' | 'idle' | 'working' | 'prepared' | 'committed' | 'aborted' | 'crashed';
export const NODE_STYLE: Record<
  NodeKey,
  { label: string; color: string; shape: Shape; ink: string }
> = {
  tc: { label: 'coordinator', color: OKABE_ITO[3], shape: 'hexagon', ink: '#000000' },
  idle: { label: 'idle', color: OKABE_ITO[4], shape: 'circle', ink: '#000000' },
  working: { label: 'working', color: OKABE_ITO[0], shape: 'triangle', ink: '#ffffff' },
  prepared: {
    label: 'prepared: in doubt, locked',
    color: OKABE_ITO[1],
    shape: 'diamond',
    ink: '#000000',
  },
  committed: { label: 'committed', color: OKABE_ITO[2], shape: 'square', ink: '#000000' },
  aborted: { label: 'aborted', color: OKABE_ITO[5], shape: 'cross', ink: '#000000' },
  crashed: { label: 'crashed', color: OKABE_ITO[7], shape: 'circle', ink: '#000000' },
};

export const participantKey = (p: ParticipantView): NodeKey => (!p.up ? 'crashed' : p.state);

export const nodeName = (id: number): string => (id === 0 ? 'TC' : `P${id}`);

const MESSAGE: Record<string, FlightStyle & { faint: boolean }> = {
  prepare: { color: OKABE_ITO[3], shape: 'hexagon', hollow: false, name: 'prepare', faint: false },
  yes: { color: OKABE_ITO[2], shape: 'circle', hollow: true, name: 'vote yes', faint: false },
  no: { color: OKABE_ITO[5], shape: 'cross', hollow: true, name: 'vote no', faint: false },
  commit: { color: OKABE_ITO[2], shape: 'square', hollow: false, name: 'commit', faint: false },
  abort: { color: OKABE_ITO[5], shape: 'cross', hollow: false, name: 'abort', faint: false },
  ack: { color: OKABE_ITO[7], shape: 'circle', hollow: true, name: 'acknowledgement', faint: true },
  ask: {
    color: OKABE_ITO[1],
    shape: 'triangle',
    hollow: true,
    name: 'asks the decision',
    faint: false,
  },
};

/** The kind drawn: a vote by its answer, a decision by what it says. */
function kindOf(m: { type: string; label: string }): string {
  if (m.type === 'vote') return m.label === 'yes' ? 'yes' : 'no';
  if (m.type === 'decision') return m.label.startsWith('commit') ? 'commit' : 'abort';
  return m.type;
}

export function flightStyle(m: { type: string; label: string }): FlightStyle {
  const k = kindOf(m);
  return { ...(MESSAGE[k] ?? MESSAGE.prepare!), className: `kind-${k}` };
}

export function recordStyle(m: { type: string; label: string }): RecordStyle {
  const s = MESSAGE[kindOf(m)] ?? MESSAGE.prepare!;
  return { color: s.color, reply: s.hollow, faint: s.faint };
}
