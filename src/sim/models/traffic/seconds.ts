/** Per-second metrics: the counters of each virtual second, kept in a bounded ring. */
import { clear, quantile } from './hist';
import { touch } from './instances';
import type { TrafficParams } from './meta';
import type { Second, TrafficState as S } from './types';

/** Completed seconds kept for the view's chart. */
export const SECONDS_KEPT = 60;

export const newSecond = (t: number): Second => ({
  t,
  offered: 0,
  tries: 0,
  retries: 0,
  throughput: 0,
  goodput: 0,
  failed: 0,
  timedOut: 0,
  limited: 0,
  broken: 0,
  p50: NaN,
  p99: NaN,
  p999: NaN,
  util: 0,
  queueMax: 0,
});

/** Closes the second ending at t: percentiles, utilization and queue lengths, then starts the next. */
export function closeSecond(s: S, t: number, p: TrafficParams): void {
  const c = s.current;
  const span = t - c.t;
  c.p50 = quantile(s.secondHist, 0.5);
  c.p99 = quantile(s.secondHist, 0.99);
  c.p999 = quantile(s.secondHist, 0.999);
  clear(s.secondHist);
  let util = 0;
  for (const i of s.instances) {
    touch(i, t);
    i.util = span > 0 ? i.busyArea / (p.concurrency * span) : 0;
    i.meanQueue = span > 0 ? i.queueArea / span : 0;
    util += i.util;
    c.queueMax = Math.max(c.queueMax, i.maxQueue);
    i.busyArea = 0;
    i.queueArea = 0;
    i.maxQueue = i.queue.length - i.qHead;
  }
  c.util = s.instances.length ? util / s.instances.length : 0;
  s.seconds.push(c);
  if (s.seconds.length > SECONDS_KEPT) s.seconds.shift();
  s.current = newSecond(t);
}
