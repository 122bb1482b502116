/** How the clocks views mark events and name things. */
import { colorOf, shapePath, type Shape } from '../../ui/palette';
import type { ClockEvent, EventKind, Hlc } from './types';

// The sim's own formatters are values src/views may not import; these two lines match them.
export const formatVector = (v: readonly number[]): string => `[${v.join(',')}]`;
export const formatHlc = (h: Hlc): string => `${h.l}.${h.c}`;

export const KIND_SHAPE: Record<EventKind, Shape> = {
  local: 'circle',
  send: 'triangle',
  receive: 'square',
};
export const KIND_WORD: Record<EventKind, string> = {
  local: 'local event',
  send: 'send',
  receive: 'receive',
};

export const processColor = colorOf;
export const processName = (p: number) => `P${p}`;
export const markPath = (kind: EventKind, r: number) => shapePath(KIND_SHAPE[kind], r);

export function eventTitle(e: ClockEvent): string {
  const what =
    e.kind === 'send'
      ? `sent m${e.msg} to P${e.peer}`
      : e.kind === 'receive'
        ? `received m${e.msg} from P${e.peer}`
        : e.write
          ? `wrote x = w${e.write.n}${e.write.lostWall !== null ? ` (lost by wall clock to w${e.write.lostWall})` : ''}`
          : 'local event';
  return `P${e.process}'s event ${e.seq}: ${what}`;
}

export const eventLabel = (e: ClockEvent): string =>
  `${eventTitle(e)}. Lamport ${e.lamport}, vector ${formatVector(e.vector)}, HLC ${formatHlc(e.hlc)}, physical clock ${e.pt} ms`;
