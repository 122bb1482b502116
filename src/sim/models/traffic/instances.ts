/**
 * The load balancer and the instances: which instance a try goes to, its queue, its service
 * time, and the faults (crash, pause, slowdown). A try that cannot be served is handed back to
 * the client side through `onFail`, which decides whether to retry.
 */
import type { Rng } from '../../core/rng';
import { DONE, push, RESUME } from './heap';
import { QUEUE_CAP, type TrafficParams } from './meta';
import type { Attempt, Instance, TrafficState as S } from './types';

export const EJECT_MS = 2000;

export const queueLength = (i: Instance): number => i.queue.length - i.qHead;
export const load = (i: Instance): number => queueLength(i) + i.running.length;

export function newInstance(t: number): Instance {
  return {
    up: true,
    pausedUntil: 0,
    slowFactor: 1,
    ejectedUntil: 0,
    queue: [],
    qHead: 0,
    running: [],
    busyArea: 0,
    queueArea: 0,
    areaAt: t,
    served: 0,
    maxQueue: 0,
    util: 0,
    meanQueue: 0,
  };
}

/** Brings the instance's busy and queue integrals up to time `t`. */
export function touch(i: Instance, t: number): void {
  const dt = t - i.areaAt;
  if (dt > 0) {
    i.busyArea += i.running.length * dt;
    i.queueArea += queueLength(i) * dt;
  }
  i.areaAt = t;
}

/** The instance the balancer sends a try to. */
export function choose(s: S, p: TrafficParams, t: number, rng: Rng): number {
  const list = s.instances;
  const n = list.length;
  let eligible: number[] | null = null;
  if (p.outlierEjection && list.some((i) => i.ejectedUntil > t)) {
    eligible = [];
    for (let k = 0; k < n; k++) if (list[k]!.ejectedUntil <= t) eligible.push(k);
    if (eligible.length === 0) eligible = null;
  }
  const m = eligible ? eligible.length : n;
  const at = (k: number): number => (eligible ? eligible[k]! : k);
  switch (p.balancer) {
    case 'roundRobin': {
      const k = s.rrNext % m;
      s.rrNext = (k + 1) % m;
      return at(k);
    }
    case 'random':
      return at(rng.int(0, m - 1));
    case 'leastOutstanding': {
      // Ties go to the first after a rotating start, so equal loads do not all pick I0.
      const start = s.rrNext++ % m;
      let best = at(start);
      for (let j = 1; j < m; j++) {
        const k = at((start + j) % m);
        if (load(list[k]!) < load(list[best]!)) best = k;
      }
      return best;
    }
    case 'twoChoices': {
      if (m === 1) return at(0);
      const a = rng.int(0, m - 1);
      let b = rng.int(0, m - 2);
      if (b >= a) b++;
      const ia = at(a);
      const ib = at(b);
      return load(list[ib]!) < load(list[ia]!) ? ib : ia;
    }
  }
}

/** A service time with the configured distribution and mean, times the instance's slowdown. */
export function serviceTime(p: TrafficParams, rng: Rng, slowFactor: number): number {
  const mean = p.serviceMs;
  let x: number;
  if (p.serviceDist === 'lognormal') {
    const sigma = p.lognormalSigma;
    const z = Math.sqrt(-2 * Math.log(rng.floatOpenZero())) * Math.cos(2 * Math.PI * rng.float());
    x = Math.exp(Math.log(mean) - (sigma * sigma) / 2 + sigma * z);
  } else if (p.serviceDist === 'mixture') {
    const fastMean = mean / (1 - p.tailShare + p.tailShare * p.tailFactor);
    x = rng.exponential(rng.chance(p.tailShare) ? fastMean * p.tailFactor : fastMean);
  } else {
    x = rng.exponential(mean);
  }
  return x * slowFactor;
}

export function start(s: S, i: Instance, a: Attempt, t: number, p: TrafficParams, rng: Rng) {
  i.running.push(a);
  a.startedAt = t;
  a.doneAt = t + serviceTime(p, rng, i.slowFactor);
  push(s.heap, a.doneAt, DONE, a, a.gen);
}

/** Takes queued tries into free slots (unless paused). */
export function fill(s: S, i: Instance, t: number, p: TrafficParams, rng: Rng): void {
  if (!i.up || i.pausedUntil > t) return;
  touch(i, t);
  while (i.running.length < p.concurrency && queueLength(i) > 0) {
    const a = p.queueOrder === 'lifo' ? i.queue.pop()! : i.queue[i.qHead++]!;
    start(s, i, a, t, p, rng);
  }
  if (i.qHead > 1024 && i.qHead * 2 > i.queue.length) {
    i.queue.splice(0, i.qHead);
    i.qHead = 0;
  }
}

/** Why an instance turned a try away at once, or null when it took it. */
export type Refusal = 'refused' | 'shed' | 'reset' | 'limited' | 'breaker';

/** An instance receives a try: refuses it, sheds it, starts it or queues it. */
export function admit(
  s: S,
  idx: number,
  a: Attempt,
  t: number,
  p: TrafficParams,
  rng: Rng,
): Refusal | null {
  const i = s.instances[idx]!;
  if (!i.up) {
    if (p.outlierEjection) i.ejectedUntil = t + EJECT_MS;
    return 'refused';
  }
  const q = queueLength(i);
  if (q >= QUEUE_CAP || (p.shedQueueLength > 0 && q >= p.shedQueueLength)) return 'shed';
  touch(i, t);
  if (i.pausedUntil <= t && i.running.length < p.concurrency) {
    start(s, i, a, t, p, rng);
  } else {
    i.queue.push(a);
    const len = q + 1;
    if (len > i.maxQueue) i.maxQueue = len;
    if (len > s.totals.maxQueue) s.totals.maxQueue = len;
  }
  return null;
}

/** A try finished its work; returns the instance so the caller can refill it. */
export function finish(s: S, a: Attempt, t: number): Instance {
  const i = s.instances[a.instance]!;
  touch(i, t);
  const k = i.running.indexOf(a);
  if (k >= 0) {
    i.running[k] = i.running[i.running.length - 1]!;
    i.running.pop();
  }
  i.served++;
  s.totals.served++;
  s.current.throughput++;
  return i;
}

/** Crash: returns every try it held (their clients see the connection reset). */
export function crash(i: Instance, t: number): Attempt[] {
  touch(i, t);
  const lost = [...i.running, ...i.queue.slice(i.qHead)];
  for (const a of i.running) a.gen++;
  i.up = false;
  i.running = [];
  i.queue = [];
  i.qHead = 0;
  i.pausedUntil = 0;
  return lost;
}

export function restart(i: Instance, t: number): void {
  touch(i, t);
  i.up = true;
  i.slowFactor = 1;
  i.ejectedUntil = 0;
  i.pausedUntil = 0;
}

/** Stop the world until `t + ms`: running work finishes that much later, nothing new starts. */
export function pause(s: S, idx: number, t: number, ms: number): void {
  const i = s.instances[idx]!;
  if (!i.up) return;
  const until = Math.max(i.pausedUntil, t + ms);
  const shift = until - Math.max(i.pausedUntil, t);
  i.pausedUntil = until;
  for (const a of i.running) {
    a.gen++;
    a.doneAt += shift;
    push(s.heap, a.doneAt, DONE, a, a.gen);
  }
  push(s.heap, until, RESUME, idx);
}
