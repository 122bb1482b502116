/**
 * The client side and the event loop: Poisson arrivals, one try at a time per request, per-try
 * timeouts, the deadline, retries with backoff and jitter, the retry budget, and every second's
 * counters. `advance(s, until, ctx)` runs the model's own events up to `until`.
 */
import type { Rng } from '../../core/rng';
import {
  ARRIVE,
  CLIENT_TIMER,
  DONE,
  peek,
  pop,
  push,
  RESUME,
  RETRY,
  SECOND,
  type Ev,
} from './heap';
import { record } from './hist';
import { breakerAllows, breakerResult } from './breaker';
import { admit, choose, fill, finish, type Refusal } from './instances';
import type { TrafficParams } from './meta';
import { closeSecond } from './seconds';
import {
  ANSWERED,
  FAILED,
  OPEN,
  TIMED_OUT,
  type Attempt,
  type Req,
  type TrafficCtx as C,
  type TrafficState as S,
} from './types';

export const SAMPLES_KEPT = 48;
const MAX_RETRY_TOKENS = 10;

interface Streams {
  arrivals: Rng;
  clients: Rng;
  lb: Rng;
  service: Rng;
  retry: Rng;
}

const streams = (ctx: C): Streams => ({
  arrivals: ctx.rng('arrivals'),
  clients: ctx.rng('clients'),
  lb: ctx.rng('balancer'),
  service: ctx.rng('service'),
  retry: ctx.rng('retry'),
});

/** The arrival rate at time t (req/s). */
export function rateAt(p: TrafficParams, t: number): number {
  if (p.pattern === 'step') return t >= p.burstAtMs ? p.burstRps : p.rateRps;
  if (p.pattern === 'burst')
    return t >= p.burstAtMs && t < p.burstAtMs + p.burstMs ? p.burstRps : p.rateRps;
  return p.rateRps;
}

/** The next time after t at which the rate changes, or Infinity. */
function nextRateChange(p: TrafficParams, t: number): number {
  if (p.pattern === 'steady') return Infinity;
  if (t < p.burstAtMs) return p.burstAtMs;
  if (p.pattern === 'burst' && t < p.burstAtMs + p.burstMs) return p.burstAtMs + p.burstMs;
  return Infinity;
}

/**
 * Schedules the next arrival after t. Poisson arrivals are memoryless, so drawing afresh at a
 * rate change (or a live change of rate) is exact: a gap that would cross a change becomes a
 * redraw at the change.
 */
export function scheduleArrival(s: S, p: TrafficParams, t: number, rng: Rng): void {
  const next = t + rng.exponential(1000 / rateAt(p, t));
  const change = nextRateChange(p, t);
  if (next >= change) push(s.heap, change, ARRIVE, 'redraw', s.arrivalGen);
  else push(s.heap, next, ARRIVE, null, s.arrivalGen);
}

/** Brings the integral of requests in the system up to time t. */
export function touchSystem(s: S, t: number): void {
  if (t > s.areaAt) s.totals.inSystemArea += s.open.size * (t - s.areaAt);
  s.areaAt = t;
}

/** Ends a request. Counting happens even for a second ending, so the conservation check sees it. */
function end(s: S, req: Req, outcome: number, t: number): void {
  const tot = s.totals;
  if (req.outcome !== OPEN) tot.endedTwice++;
  else {
    touchSystem(s, t);
    s.open.delete(req.id);
    tot.sojournSumMs += t - req.createdAt;
    tot.openCreatedSumMs -= req.createdAt;
  }
  req.outcome = outcome;
  req.current = null;
  if (outcome === ANSWERED) {
    tot.answered++;
    s.current.goodput++;
    const ms = t - req.createdAt;
    tot.latencySumMs += ms;
    record(s.secondHist, ms);
    record(s.runHist, ms);
  } else if (outcome === FAILED) {
    tot.failed++;
    s.current.failed++;
  } else {
    tot.timedOut++;
    s.current.timedOut++;
  }
}

function sampleEnd(a: Attempt, t: number, how: string): void {
  if (a.sample && a.sample.endAt < 0) {
    a.sample.endAt = t;
    a.sample.end = how;
  }
}

/** The token bucket admits a try (refilled continuously at the rate limit, up to the burst). */
function takeToken(s: S, p: TrafficParams, t: number): boolean {
  if (p.rateLimitRps <= 0) return true;
  const refill = ((t - s.bucketAt) * p.rateLimitRps) / 1000;
  s.bucketTokens = Math.min(p.rateLimitBurst, s.bucketTokens + Math.max(0, refill));
  s.bucketAt = t;
  if (s.bucketTokens < 1) return false;
  s.bucketTokens -= 1;
  return true;
}

function sendTry(s: S, req: Req, t: number, retry: boolean, p: TrafficParams, r: Streams): void {
  const idx = choose(s, p, t, r.lb);
  const a: Attempt = {
    id: s.nextAttempt++,
    req,
    instance: idx,
    sentAt: t,
    startedAt: -1,
    doneAt: -1,
    gen: 0,
    retry,
    sample: null,
  };
  const stride = Math.max(1, Math.floor(p.rateRps / 40));
  if (a.id % stride === 0) {
    a.sample = {
      id: a.id,
      client: req.client,
      instance: idx,
      sentAt: t,
      endAt: -1,
      end: '',
      retry,
    };
    s.samples.push(a.sample);
    if (s.samples.length > SAMPLES_KEPT) s.samples.shift();
  }
  req.current = a;
  req.tries++;
  s.totals.tries++;
  s.current.tries++;
  if (retry) {
    s.totals.retries++;
    s.current.retries++;
  }
  push(s.heap, Math.min(t + p.timeoutMs, req.deadlineAt), CLIENT_TIMER, a);
  let refusal: Refusal | null;
  if (!breakerAllows(s, p, t)) {
    refusal = 'breaker';
    s.current.broken++;
  } else if (!takeToken(s, p, t)) {
    refusal = 'limited';
    s.totals.limited++;
    s.current.limited++;
  } else refusal = admit(s, idx, a, t, p, r.service);
  if (refusal) failTry(s, a, t, refusal, p, r);
}

/** The try failed at once (refused, shed, reset): the client may retry. */
export function failTry(
  s: S,
  a: Attempt,
  t: number,
  why: Refusal,
  p: TrafficParams,
  r: Streams,
): void {
  sampleEnd(a, t, why);
  const req = a.req;
  if (req.outcome !== OPEN || req.current !== a) return;
  if (why !== 'breaker' && why !== 'limited') breakerResult(s, p, t, false);
  req.current = null;
  retryOrEnd(s, req, t, FAILED, p, r);
}

/** Brooker's (2015) delays; `tries` is how many tries were made so far. */
export function retryDelayMs(p: TrafficParams, req: Req, rng: Rng): number {
  if (p.retry === 'immediate') return 0;
  if (p.retry === 'fixed') return p.backoffBaseMs;
  const base = p.backoffBaseMs;
  const exp = Math.min(p.backoffCapMs, base * Math.pow(2, req.tries - 1));
  switch (p.jitter) {
    case 'none':
      return exp;
    case 'full':
      return rng.float() * exp;
    case 'equal':
      return exp / 2 + (rng.float() * exp) / 2;
    case 'decorrelated': {
      const prev = req.sleepMs > 0 ? req.sleepMs : base;
      const lo = base;
      const hi = Math.max(lo, prev * 3);
      req.sleepMs = Math.min(p.backoffCapMs, lo + rng.float() * (hi - lo));
      return req.sleepMs;
    }
  }
}

function retryOrEnd(s: S, req: Req, t: number, why: number, p: TrafficParams, r: Streams) {
  const budgetOk = !p.retryBudget || s.retryTokens >= 1;
  if (p.retry === 'none' || req.tries >= p.maxAttempts || !budgetOk) {
    end(s, req, why, t);
    return;
  }
  const delay = retryDelayMs(p, req, r.retry);
  if (t + delay >= req.deadlineAt) {
    end(s, req, why, t);
    return;
  }
  if (p.retryBudget) s.retryTokens -= 1;
  push(s.heap, t + delay, RETRY, req, req.tries);
}

function arrive(s: S, t: number, p: TrafficParams, r: Streams): void {
  const req: Req = {
    id: s.nextReq++,
    client: r.clients.int(0, p.clients - 1),
    createdAt: t,
    deadlineAt: t + p.deadlineMs,
    outcome: OPEN,
    current: null,
    tries: 0,
    sleepMs: 0,
  };
  touchSystem(s, t);
  s.open.set(req.id, req);
  s.totals.started++;
  s.totals.openCreatedSumMs += t;
  s.current.offered++;
  if (p.retryBudget) s.retryTokens = Math.min(MAX_RETRY_TOKENS, s.retryTokens + p.retryBudgetRatio);
  sendTry(s, req, t, false, p, r);
}

/** The client's timer for a try: the try timed out, or the deadline came. */
function clientTimer(s: S, a: Attempt, t: number, p: TrafficParams, r: Streams): void {
  const req = a.req;
  if (req.outcome !== OPEN || req.current !== a) return;
  sampleEnd(a, t, 'timeout');
  breakerResult(s, p, t, false);
  req.current = null;
  if (t >= req.deadlineAt) end(s, req, TIMED_OUT, t);
  else retryOrEnd(s, req, t, TIMED_OUT, p, r);
}

/** A try's work is done: the instance answers; the client takes it only if still waiting. */
function done(s: S, a: Attempt, t: number, p: TrafficParams, r: Streams): void {
  const i = finish(s, a, t);
  const req = a.req;
  const waiting = req.outcome === OPEN && req.current === a;
  if (waiting) breakerResult(s, p, t, true);
  if (waiting || s.bug === 'accept-stale') {
    sampleEnd(a, t, 'ok');
    end(s, req, ANSWERED, t);
  } else {
    sampleEnd(a, t, 'late');
    s.totals.late++;
  }
  fill(s, i, t, p, r.service);
}

function dispatch(s: S, e: Ev, p: TrafficParams, r: Streams): void {
  const t = e.at;
  switch (e.kind) {
    case ARRIVE:
      if (e.gen !== s.arrivalGen) return;
      if (e.ref !== 'redraw') arrive(s, t, p, r);
      scheduleArrival(s, p, t, r.arrivals);
      return;
    case DONE: {
      const a = e.ref as Attempt;
      if (e.gen === a.gen) done(s, a, t, p, r);
      return;
    }
    case CLIENT_TIMER:
      clientTimer(s, e.ref as Attempt, t, p, r);
      return;
    case RETRY: {
      const req = e.ref as Req;
      if (req.outcome === OPEN && req.tries === e.gen && req.current === null)
        sendTry(s, req, t, true, p, r);
      return;
    }
    case SECOND:
      closeSecond(s, t, p);
      push(s.heap, t + 1000, SECOND, null);
      return;
    case RESUME: {
      const i = s.instances[e.ref as number];
      if (i && i.pausedUntil <= t) fill(s, i, t, p, r.service);
      return;
    }
  }
}

/** Runs the model's events up to and including `until`. */
export function advance(s: S, until: number, ctx: C): void {
  const p = ctx.params;
  const r = streams(ctx);
  for (let e = peek(s.heap); e && e.at <= until; e = peek(s.heap)) {
    pop(s.heap);
    s.t = e.at;
    dispatch(s, e, p, r);
  }
  if (until > s.t) s.t = until;
}

/** Fails tries a crash took with it (their clients retry or give up). */
export function failTries(s: S, tries: Attempt[], t: number, ctx: C): void {
  const r = streams(ctx);
  for (const a of tries) failTry(s, a, t, 'reset', ctx.params, r);
}

/** Refills an instance (after a restart or a concurrency change). */
export function refill(s: S, idx: number, t: number, ctx: C): void {
  const i = s.instances[idx];
  if (i) fill(s, i, t, ctx.params, ctx.rng('service'));
}
