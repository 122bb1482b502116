/**
 * How outcomes and messages look: an Okabe-Ito colour always paired with a pattern, a mark and a
 * word, so nothing depends on colour alone.
 */
import { OKABE_ITO, type Shape } from '../../ui/palette';
import type { Outcome } from './ops';

export const OUTCOME: Record<Outcome, { color: string; mark: string; word: string }> = {
  ok: { color: OKABE_ITO[2], mark: '✓', word: 'ok' },
  fail: { color: OKABE_ITO[5], mark: '✕', word: 'failed' },
  info: { color: OKABE_ITO[1], mark: '?', word: 'unknown' },
  pending: { color: OKABE_ITO[4], mark: '…', word: 'pending' },
};

export interface MessageStyle {
  color: string;
  shape: Shape;
  word: string;
  /** One word, for the legend of a narrow view. */
  short: string;
}

const CLIENT: MessageStyle = {
  color: OKABE_ITO[0],
  shape: 'circle',
  word: 'client request or answer',
  short: 'client',
};
const QUERY: MessageStyle = {
  color: OKABE_ITO[3],
  shape: 'diamond',
  word: 'query (get, got)',
  short: 'query',
};
const STORE: MessageStyle = {
  color: OKABE_ITO[5],
  shape: 'square',
  word: 'store (put, ack)',
  short: 'store',
};
const SYNC: MessageStyle = {
  color: OKABE_ITO[4],
  shape: 'triangle',
  word: 'anti-entropy',
  short: 'sync',
};

export const MESSAGE_LEGEND: MessageStyle[] = [CLIENT, QUERY, STORE, SYNC];

export function messageStyle(type: string): MessageStyle {
  switch (type) {
    case 'req':
    case 'resp':
      return CLIENT;
    case 'get':
    case 'got':
      return QUERY;
    case 'sync':
      return SYNC;
    default:
      return STORE;
  }
}
