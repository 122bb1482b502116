/**
 * A circuit breaker in the clients, in front of the whole service (Nygard, "Release It!"):
 * closed, it lets tries through and counts failures in a row; after `breakerFailures` of them it
 * opens and fails every try at once for `breakerOpenMs`; then it is half-open and lets one probe
 * through: an answer closes it, a failure opens it again. One breaker is shared by all clients
 * (as one client library in one process would be). Late answers, after the client gave up, do
 * not count: the client never sees them.
 */
import type { TrafficParams } from './meta';
import type { TrafficState as S } from './types';

export const CLOSED = 0;
export const OPEN = 1;
export const HALF_OPEN = 2;
export const BREAKER_NAMES = ['closed', 'open', 'half-open'] as const;

export interface Breaker {
  state: number;
  failsInRow: number;
  openUntil: number;
  /** A probe is out while half-open. */
  probing: boolean;
  opened: number;
}

export const newBreaker = (): Breaker => ({
  state: CLOSED,
  failsInRow: 0,
  openUntil: 0,
  probing: false,
  opened: 0,
});

function move(s: S, to: number, t: number, why: string): void {
  s.breaker.state = to;
  s.notes.push({ t, text: `The circuit breaker is ${BREAKER_NAMES[to]}: ${why}` });
}

/** Whether a try may be sent now. */
export function breakerAllows(s: S, p: TrafficParams, t: number): boolean {
  const b = s.breaker;
  if (!p.breaker || b.state === CLOSED) return true;
  if (b.state === OPEN) {
    if (t < b.openUntil) return false;
    move(s, HALF_OPEN, t, 'one probe goes through');
    b.probing = false;
  }
  if (b.probing) return false;
  b.probing = true;
  return true;
}

/** A try the client was waiting for was answered (ok) or failed. */
export function breakerResult(s: S, p: TrafficParams, t: number, ok: boolean): void {
  const b = s.breaker;
  if (!p.breaker) return;
  if (ok) {
    b.failsInRow = 0;
    if (b.state === HALF_OPEN) {
      b.probing = false;
      move(s, CLOSED, t, 'the probe was answered');
    }
    return;
  }
  b.failsInRow++;
  const trip = (b.state === CLOSED && b.failsInRow >= p.breakerFailures) || b.state === HALF_OPEN;
  if (!trip) return;
  const why =
    b.state === HALF_OPEN
      ? 'the probe failed'
      : `${b.failsInRow} tries failed in a row; tries fail at once for ${p.breakerOpenMs} ms`;
  b.openUntil = t + p.breakerOpenMs;
  b.probing = false;
  b.opened++;
  move(s, OPEN, t, why);
}
