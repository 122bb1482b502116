/**
 * Requests: Poisson arrivals over Zipf-popular keys, and what each strategy does with a read.
 * A read that can be answered at once (fresh hit, stale value) allocates nothing; a read that has
 * to wait gets a `Req` with a timeout timer at its deadline.
 */
import { issue, noteEpisode } from './db';
import { finishServed, record, sampleArrival } from './finish';
import type { Strategy } from './meta';
import type { C, EarlyPolicy, Req, State, Timer } from './state';
import { C_ARRIVED, C_HITS, C_STALE, countAt } from './window';
import { sampleKey, zipfTable } from './zipf';

const ARRIVE: Timer = { k: 'arrive' };

/**
 * Schedules the next arrival `gap` after the previous one (or after now, when `restart`):
 * exponential gaps in whole microseconds, so arrival times stay exact multiples of 1 µs.
 */
export function scheduleArrival(s: State, ctx: C, restart = false): void {
  const gapUs = Math.round(ctx.rng('arrivals').exponential(1e6 / ctx.params.rate));
  const fromUs = restart ? Math.ceil(ctx.now * 1000) : s.arrivalUs;
  s.arrivalUs = fromUs + gapUs;
  s.arrivalTimer = ctx.schedule(Math.max(0, s.arrivalUs / 1000 - ctx.now), ARRIVE);
}

export function arrive(s: State, ctx: C): void {
  scheduleArrival(s, ctx);
  const now = ctx.now;
  const id = s.totals.arrived++;
  countAt(s.window, now, C_ARRIVED);
  const key = sampleKey(zipfTable(s.keys, ctx.params.zipfS), ctx.rng('keys'));
  const sample = sampleArrival(s, id, key, now, ctx.params.rate);
  read(s, ctx, key, id, sample);
}

/**
 * XFetch (Vattani, Chierichetti & Lowenstein, PVLDB 2015): recompute early when
 * now - delta * beta * ln(rand()) >= expiry, rand() uniform in (0, 1], delta the duration of the
 * key's last recomputation. The chance at time t is exp(-(expiry - t) / (delta * beta)). (Not the
 * "remaining < beta * age * rand()" rule of the seed course notes.)
 */
export function xfetchEarly(
  now: number,
  expiry: number,
  deltaMs: number,
  beta: number,
  u: number,
): boolean {
  return now - deltaMs * beta * Math.log(u) >= expiry;
}

/** A custom rule's decision; its random() draws from the same stream XFetch uses. */
function earlyByPolicy(
  policy: EarlyPolicy,
  s: State,
  ctx: C,
  key: number,
  expiry: number,
): boolean {
  const { beta, ttlMs } = ctx.params;
  const rng = ctx.rng('xfetch');
  return policy({
    now: ctx.now,
    expiry,
    deltaMs: s.deltaMs[key]!,
    beta,
    ttlMs,
    key,
    random: () => rng.floatOpenZero(),
  });
}

function answerAtOnce(s: State, ctx: C, key: number, sample: number, stale: boolean): void {
  const now = ctx.now;
  if (stale) noteEpisode(s, key, 'stale');
  record(s, now, 0, stale ? C_STALE : C_HITS);
  const rec = sample >= 0 ? s.samples[sample] : undefined;
  if (rec) {
    rec.path = stale ? 'stale' : 'hit';
    rec.doneAt = now;
  }
}

function newReq(s: State, ctx: C, id: number, key: number, mode: Strategy, sample: number): Req {
  const { timeoutMs } = ctx.params;
  const req: Req = {
    id,
    key,
    start: ctx.now,
    deadline: ctx.now + timeoutMs,
    timer: ctx.schedule(timeoutMs, { k: 'timeout', req: id }),
    mode,
    sample,
  };
  s.reqs.set(id, req);
  const rec = sample >= 0 ? s.samples[sample] : undefined;
  if (rec) rec.path = 'wait';
  return req;
}

/** The request's own recomputation (it waits for the result). */
function recompute(
  s: State,
  ctx: C,
  key: number,
  id: number,
  sample: number,
  kind: 'miss' | 'early',
): void {
  newReq(s, ctx, id, key, ctx.params.strategy, sample);
  issue(s, ctx, key, kind, [id], sample);
}

function canLease(s: State, ctx: C, key: number): boolean {
  const owner = s.owner[key]!;
  if (owner < 0) return true;
  const job = s.jobs.get(owner);
  return !job || (job.kind === 'lease' && ctx.now - job.issuedAt >= ctx.params.leaseMs);
}

function wait(s: State, ctx: C, key: number, id: number, sample: number, poll: boolean): Req {
  const req = newReq(s, ctx, id, key, ctx.params.strategy, sample);
  noteEpisode(s, key, 'wait');
  if (poll) schedulePoll(ctx, req);
  return req;
}

/** A new arrival's read of `key` under the current strategy. */
function read(s: State, ctx: C, key: number, id: number, sample: number): void {
  const now = ctx.now;
  const expiry = s.expiresAt[key]!;
  const strategy = ctx.params.strategy;
  if (now < expiry) {
    if (strategy === 'xfetch' && (s.earlyPolicy || ctx.params.beta > 0)) {
      const early = s.earlyPolicy
        ? earlyByPolicy(s.earlyPolicy, s, ctx, key, expiry)
        : xfetchEarly(
            now,
            expiry,
            s.deltaMs[key]!,
            ctx.params.beta,
            ctx.rng('xfetch').floatOpenZero(),
          );
      if (early) {
        recompute(s, ctx, key, id, sample, 'early');
        return;
      }
    }
    answerAtOnce(s, ctx, key, sample, false);
    return;
  }
  const staleOk = now < expiry + ctx.params.staleMs;
  switch (strategy) {
    case 'none':
    case 'jitter':
    case 'xfetch':
      recompute(s, ctx, key, id, sample, 'miss');
      return;
    case 'swr':
      if (!staleOk) recompute(s, ctx, key, id, sample, 'miss');
      else {
        if (s.owner[key]! < 0) s.owner[key] = issue(s, ctx, key, 'refresh', []);
        answerAtOnce(s, ctx, key, sample, true);
      }
      return;
    case 'singleflight': {
      const leader = s.jobs.get(s.owner[key]!);
      if (leader) {
        wait(s, ctx, key, id, sample, false);
        leader.waiters.push(id);
      } else {
        newReq(s, ctx, id, key, strategy, sample);
        s.owner[key] = issue(s, ctx, key, 'flight', [id], sample);
      }
      return;
    }
    case 'lock':
      if (s.owner[key]! < 0) {
        newReq(s, ctx, id, key, strategy, sample);
        s.owner[key] = issue(s, ctx, key, 'lock', [id], sample);
      } else wait(s, ctx, key, id, sample, true);
      return;
    case 'lease':
      if (canLease(s, ctx, key)) {
        newReq(s, ctx, id, key, strategy, sample);
        s.owner[key] = issue(s, ctx, key, 'lease', [id], sample);
      } else if (staleOk) answerAtOnce(s, ctx, key, sample, true);
      else wait(s, ctx, key, id, sample, true);
      return;
  }
}

function schedulePoll(ctx: C, req: Req): void {
  const { pollMs } = ctx.params;
  // Past the deadline the timeout answers the request: no point polling.
  if (ctx.now + pollMs <= req.deadline) ctx.schedule(pollMs, { k: 'poll', req: req.id });
}

/** A lock or lease waiter looks at the cache again. */
export function poll(s: State, ctx: C, id: number): void {
  const req = s.reqs.get(id);
  if (!req || req.key >= s.keys) return;
  const { key } = req;
  const now = ctx.now;
  const expiry = s.expiresAt[key]!;
  if (now < expiry) {
    finishServed(s, ctx, req, 'served');
    return;
  }
  if (req.mode === 'lease') {
    if (canLease(s, ctx, key)) {
      s.owner[key] = issue(s, ctx, key, 'lease', [id], req.sample);
      return;
    }
    if (now < expiry + ctx.params.staleMs) {
      finishServed(s, ctx, req, 'stale');
      return;
    }
  } else if (s.owner[key]! < 0) {
    s.owner[key] = issue(s, ctx, key, 'lock', [id], req.sample);
    return;
  }
  schedulePoll(ctx, req);
}

export function timeout(s: State, ctx: C, id: number): void {
  const req = s.reqs.get(id);
  if (req) finishServed(s, ctx, req, 'timeout');
}
