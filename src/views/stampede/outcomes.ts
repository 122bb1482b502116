/**
 * How a request was answered, as drawn: colour (Okabe-Ito) always paired with a shape and a label,
 * shared by the dots, the legend and the side panel.
 */
import { OKABE_ITO, type Shape } from '../../ui/palette';

export type Outcome = 'pending' | 'hit' | 'stale' | 'db' | 'wait' | 'timeout';

export interface OutcomeStyle {
  color: string;
  shape: Shape;
  label: string;
}

export const OUTCOMES: Record<Outcome, OutcomeStyle> = {
  pending: { color: OKABE_ITO[7], shape: 'circle', label: 'on its way' },
  hit: { color: OKABE_ITO[2], shape: 'circle', label: 'hit' },
  stale: { color: OKABE_ITO[1], shape: 'square', label: 'stale value' },
  db: { color: OKABE_ITO[5], shape: 'diamond', label: 'own DB query' },
  wait: { color: OKABE_ITO[4], shape: 'triangle', label: 'waits for another’s query' },
  timeout: { color: OKABE_ITO[3], shape: 'cross', label: 'timed out' },
};

/** The legend's order (pending is explained by its grey alone: it has not reached the cache). */
export const LEGEND: Outcome[] = ['hit', 'stale', 'db', 'wait', 'timeout'];

/** Database load colours: queries running, queries queued. */
export const RUNNING_COLOR = OKABE_ITO[0];
export const QUEUE_COLOR = OKABE_ITO[5];
/** Countdown colours: fresh value, stale window. */
export const FRESH_COLOR = OKABE_ITO[2];
export const STALE_COLOR = OKABE_ITO[1];
