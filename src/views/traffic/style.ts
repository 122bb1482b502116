/**
 * How the traffic views mark an instance's state and a try's end: a colour from the Okabe-Ito
 * palette, always with a shape and a word, so colour is never the only cue.
 */
import { OKABE_ITO, type Shape } from '../../ui/palette';
import type { InstanceView } from './types';

export interface Mark {
  color: string;
  shape: Shape;
  word: string;
}

export function instanceMark(i: InstanceView): Mark {
  if (!i.up) return { color: OKABE_ITO[5], shape: 'cross', word: 'down' };
  if (i.paused) return { color: OKABE_ITO[3], shape: 'diamond', word: 'paused' };
  if (i.slowFactor > 1)
    return { color: OKABE_ITO[1], shape: 'triangle', word: `${i.slowFactor}x slow` };
  return { color: OKABE_ITO[0], shape: 'square', word: 'up' };
}

/** How a sampled try ended: 'ok' answered, 'late' answered after its client gave up, etc. */
export const END_MARKS: Record<string, Mark> = {
  ok: { color: OKABE_ITO[2], shape: 'circle', word: 'answered' },
  late: { color: OKABE_ITO[7], shape: 'square', word: 'late (wasted)' },
  timeout: { color: OKABE_ITO[5], shape: 'cross', word: 'timed out' },
  refused: { color: OKABE_ITO[5], shape: 'cross', word: 'refused' },
  reset: { color: OKABE_ITO[5], shape: 'cross', word: 'reset' },
  shed: { color: OKABE_ITO[1], shape: 'triangle', word: 'shed' },
  limited: { color: OKABE_ITO[1], shape: 'triangle', word: 'rate limited' },
  breaker: { color: OKABE_ITO[3], shape: 'triangle', word: 'failed fast by the breaker' },
  open: { color: OKABE_ITO[4], shape: 'circle', word: 'in flight' },
};

/** Learner-facing names of the balancing and retry policies. */
export const BALANCER_NAMES: Record<string, string> = {
  roundRobin: 'Round robin',
  random: 'Random',
  leastOutstanding: 'Least outstanding',
  twoChoices: 'Two random choices',
};
export const RETRY_NAMES: Record<string, string> = {
  none: 'No retries',
  immediate: 'Retry at once',
  fixed: 'Retry after a fixed delay',
  backoff: 'Exponential backoff',
};
