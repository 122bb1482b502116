/**
 * Answering requests: counters, the sliding window, the experiment recorder, and the sampled
 * requests the view animates. A hit is recorded without any allocation.
 */
import { narrateTimeouts } from './narrate';
import {
  SAMPLES,
  SAMPLES_PER_SEC,
  dbQueueLength,
  grow,
  type C,
  type Req,
  type State,
} from './state';
import { C_FINISHED, C_HITS, C_STALE, C_TIMEOUTS, recordFinish } from './window';

/** Records one finished request; `counter` says how it was answered. */
export function record(s: State, now: number, latencyMs: number, counter: number): void {
  s.totals.finished++;
  if (counter === C_HITS) s.totals.hits++;
  else if (counter === C_STALE) s.totals.stale++;
  else if (counter === C_TIMEOUTS) s.totals.timeouts++;
  if (latencyMs < s.minLatencyMs) s.minLatencyMs = latencyMs;
  recordFinish(s.window, now, latencyMs, counter);
  const r = s.recorder;
  if (!r) return;
  if (latencyMs === 0) {
    r.zeros++;
    return;
  }
  if (r.nLatencies === r.latencies.length) r.latencies = grow(r.latencies);
  r.latencies[r.nLatencies++] = latencyMs;
  if (latencyMs > r.maxLatency) r.maxLatency = latencyMs;
}

/** A waiting request got its value (`served`, `stale`) or gave up (`timeout`). */
export function finishServed(
  s: State,
  ctx: C,
  req: Req,
  how: 'served' | 'stale' | 'timeout',
): void {
  const now = ctx.now;
  s.reqs.delete(req.id);
  if (how === 'timeout') {
    if (now - s.lastTimeoutAt > 1000)
      narrateTimeouts(ctx, now - req.start, s.dbRunning, dbQueueLength(s));
    s.lastTimeoutAt = now;
  } else ctx.cancel(req.timer);
  const counter = how === 'timeout' ? C_TIMEOUTS : how === 'stale' ? C_STALE : C_FINISHED;
  // Whole nanoseconds: sums of float arrival gaps would otherwise show as 1000.0000000000036.
  record(s, now, Math.round((now - req.start) * 1e6) / 1e6, counter);
  if (req.sample >= 0) {
    const rec = s.samples[req.sample];
    if (rec && rec.id === req.id) {
      rec.doneAt = now;
      rec.timedOut = how === 'timeout';
      if (how === 'stale') rec.path = 'stale';
    }
  }
}

/**
 * Picks every n-th arrival (about SAMPLES_PER_SEC per virtual second) into a ring of SAMPLES records for the
 * view; returns the slot or -1. Records are reused in place.
 */
export function sampleArrival(
  s: State,
  id: number,
  key: number,
  now: number,
  rate: number,
): number {
  if (--s.sampleCountdown > 0) return -1;
  s.sampleCountdown = Math.max(1, Math.ceil(rate / SAMPLES_PER_SEC));
  const slot = s.sampleNext;
  s.sampleNext = (slot + 1) % SAMPLES;
  let rec = s.samples[slot];
  if (!rec) {
    rec = {
      id,
      key,
      arriveAt: now,
      path: 'pending',
      dbQueuedAt: null,
      dbStartAt: null,
      dbDoneAt: null,
      doneAt: null,
      timedOut: false,
    };
    s.samples[slot] = rec;
    return slot;
  }
  rec.id = id;
  rec.key = key;
  rec.arriveAt = now;
  rec.path = 'pending';
  rec.dbQueuedAt = rec.dbStartAt = rec.dbDoneAt = rec.doneAt = null;
  rec.timedOut = false;
  return slot;
}
