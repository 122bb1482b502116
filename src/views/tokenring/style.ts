/**
 * How nodes and messages look: an Okabe-Ito colour always paired with a shape and a word.
 */
import { OKABE_ITO, type Shape } from '../../ui/palette';
import type { RecordStyle } from '../network/live';
import type { FlightStyle } from '../network/Messages';

export const nodeName = (id: number): string => `N${id + 1}`;

export type NodeKey = 'waiting' | 'holder' | 'crashed';
export const NODE_STYLE: Record<
  NodeKey,
  { label: string; color: string; shape: Shape; ink: string }
> = {
  waiting: { label: 'waiting', color: OKABE_ITO[0], shape: 'circle', ink: '#ffffff' },
  holder: { label: 'holds the token', color: OKABE_ITO[1], shape: 'star', ink: '#000000' },
  crashed: { label: 'crashed', color: OKABE_ITO[7], shape: 'circle', ink: '#000000' },
};

const MESSAGE: Record<string, FlightStyle & { faint: boolean }> = {
  token: { color: OKABE_ITO[1], shape: 'diamond', hollow: false, name: 'token', faint: false },
  ack: { color: OKABE_ITO[0], shape: 'circle', hollow: true, name: 'acknowledgement', faint: true },
  stale: { color: OKABE_ITO[5], shape: 'circle', hollow: true, name: 'stale reply', faint: false },
  new: {
    color: OKABE_ITO[3],
    shape: 'square',
    hollow: false,
    name: 'new-token notice',
    faint: false,
  },
};
const messageOf = (type: string) => MESSAGE[type] ?? MESSAGE.token!;

export function flightStyle(m: { type: string }): FlightStyle {
  const s = messageOf(m.type);
  return { ...s, className: `kind-${m.type}` };
}

export function recordStyle(m: { type: string }): RecordStyle {
  const s = messageOf(m.type);
  return { color: s.color, reply: s.hollow, faint: s.faint };
}
