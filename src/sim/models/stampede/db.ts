/**
 * The database: `dbConcurrency` slots and a FIFO queue. Every query is a recomputation of one key;
 * it holds a slot for the service time in force when it starts. A query whose client gave up still
 * runs to the end and fills the cache: the database never learns the client left, which is how a
 * stampede turns into a congestion collapse.
 */
import { finishServed } from './finish';
import { narrateEpisode, narrateFresh, secs } from './narrate';
import {
  COORDINATING,
  HOT,
  coordIndex,
  dbQueueLength,
  grow,
  type C,
  type Job,
  type JobKind,
  type SampledRequest,
  type State,
} from './state';
import { C_DB, countAt } from './window';

/**
 * Issues a recomputation of `key`; the requests in `waiters` get its result. `sample` is the
 * sampled request that issued it (slot, -1 if none). Returns the job's id.
 */
export function issue(
  s: State,
  ctx: C,
  key: number,
  kind: JobKind,
  waiters: number[],
  sample = -1,
): number {
  const now = ctx.now;
  const id = s.nextJob++;
  const job: Job = {
    id,
    key,
    kind,
    issuedAt: now,
    startedAt: -1,
    waiters,
    rec: -1,
    orphan: false,
    sample: -1,
    sampleId: -1,
  };
  const rec = sample >= 0 ? s.samples[sample] : undefined;
  if (rec) {
    job.sample = sample;
    job.sampleId = rec.id;
    rec.path = 'db';
    rec.dbQueuedAt = now;
  }
  s.jobs.set(id, job);
  s.totals.dbQueries++;
  countAt(s.window, now, C_DB);
  if (kind === 'early') s.totals.earlyRecomputes++;
  checkCoordination(s, ctx, key, kind);
  if (key < HOT) beginOrJoinEpisode(s, key, kind, now);
  const n = ++s.inflight[key]!;
  if (n > s.totals.peakPerKey) s.totals.peakPerKey = n;
  const r = s.recorder;
  if (r) {
    if (r.nIntervals === r.ivKey.length) {
      r.ivKey = grow(r.ivKey);
      r.ivStart = grow(r.ivStart);
      r.ivEnd = grow(r.ivEnd);
    }
    job.rec = r.nIntervals++;
    r.ivKey[job.rec] = key;
    r.ivStart[job.rec] = now;
    r.ivEnd[job.rec] = Infinity;
  }
  if (s.dbRunning < ctx.params.dbConcurrency) start(s, ctx, job);
  else {
    s.dbQueue.push(id);
    const q = dbQueueLength(s);
    if (q > s.totals.peakDbQueue) s.totals.peakDbQueue = q;
  }
  return id;
}

/**
 * Counts coordinating jobs per key apart from `owner`, so a bug in the ownership logic shows up
 * as a second one in flight: the invariants read `breaches`.
 */
function checkCoordination(s: State, ctx: C, key: number, kind: JobKind): void {
  const c = coordIndex(kind);
  if (c < 0) return;
  const strategy = COORDINATING[c]![1];
  const at = c * s.keys + key;
  const running = s.coordinated[at]!;
  let allowed = running === 0;
  if (kind === 'lease') {
    // A new token once the last is leaseMs old: its holder is presumed lost.
    allowed ||= ctx.now - s.leaseSince[key]! >= ctx.params.leaseMs;
    s.leaseSince[key] = ctx.now;
  }
  if (!allowed && s.breaches[strategy] === undefined)
    s.breaches[strategy] =
      `key ${key} got a second ${kind} recomputation at ${secs(ctx.now)} while ` +
      `${running} ${running === 1 ? 'was' : 'were'} running`;
  s.coordinated[at] = running + 1;
}

function sampleOf(s: State, job: Job): SampledRequest | undefined {
  if (job.sample < 0) return undefined;
  const rec = s.samples[job.sample];
  return rec && rec.id === job.sampleId ? rec : undefined;
}

function start(s: State, ctx: C, job: Job): void {
  job.startedAt = ctx.now;
  const rec = sampleOf(s, job);
  if (rec) rec.dbStartAt = ctx.now;
  noteStep(s, job.startedAt - job.issuedAt);
  if (++s.dbRunning > s.totals.peakDbRunning) s.totals.peakDbRunning = s.dbRunning;
  ctx.schedule(ctx.params.recomputeMs, { k: 'db', job: job.id });
}

function noteStep(s: State, ms: number): void {
  if (ms < s.minJobStepMs) s.minJobStepMs = ms;
}

/** A query finished: fill the cache, answer its waiters, start queued queries. */
export function complete(s: State, ctx: C, id: number): void {
  const job = s.jobs.get(id);
  if (!job) return;
  const now = ctx.now;
  s.jobs.delete(id);
  s.dbRunning--;
  if (s.dbCapGrace > s.dbRunning) s.dbCapGrace = s.dbRunning;
  noteStep(s, now - job.startedAt);
  if (s.recorder && job.rec >= 0) s.recorder.ivEnd[job.rec] = now;
  const rec = sampleOf(s, job);
  if (rec) rec.dbDoneAt = now;
  if (!job.orphan) settleKey(s, ctx, job);
  for (const reqId of job.waiters) {
    const req = s.reqs.get(reqId);
    if (req) finishServed(s, ctx, req, 'served');
  }
  admit(s, ctx);
}

function settleKey(s: State, ctx: C, job: Job): void {
  const { key } = job;
  const now = ctx.now;
  const c = coordIndex(job.kind);
  if (c >= 0) s.coordinated[c * s.keys + key]!--;
  // A lease holder's set is refused once a newer token was handed out (memcache semantics).
  const owned = s.owner[key] === job.id;
  if (job.kind === 'lease' && !owned) s.totals.rejectedSets++;
  else {
    if (key === 0) noteExpiry(s, s.expiresAt[0]!, now);
    s.expiresAt[key] = now + ttlFor(ctx);
    s.deltaMs[key] = now - job.issuedAt;
  }
  if (owned) s.owner[key] = -1;
  const left = --s.inflight[key]!;
  if (key === 0 && s.hot[0]!.freshAt < 0 && !(job.kind === 'lease' && !owned)) {
    s.hot[0]!.freshAt = now;
    // A herd: say when the cache is fresh, not only when its last duplicate query ends.
    if (left > 0) narrateFresh(ctx, s.hot[0]!, left);
  }
  if (left === 0 && key < HOT) {
    const ep = s.hot[key]!;
    ep.lastHerd = ep.count;
    if (key === 0) narrateEpisode(ctx, ep);
  }
}

/** Remembers the expiry of a value of key 0 replaced after it expired (not an early refresh). */
function noteExpiry(s: State, expiry: number, now: number): void {
  if (expiry === -Infinity || expiry > now) return;
  const list = s.history.expiries;
  if (list[list.length - 1] === expiry) return;
  list.push(expiry);
  if (list.length > 16) list.shift();
}

/**
 * The TTL of a value stored now. jitter draws it uniformly from ttl * (1 ± jitterPct/200): the
 * mean stays the TTL, so jitter changes when keys expire, not the hit ratio.
 */
function ttlFor(ctx: C): number {
  const { ttlMs, jitterPct, strategy } = ctx.params;
  if (strategy !== 'jitter' || jitterPct === 0) return ttlMs;
  const u = ctx.rng('jitter').float();
  return ttlMs * (1 + (u - 0.5) * (jitterPct / 100));
}

/** Starts queued queries while there are free slots. */
export function admit(s: State, ctx: C): void {
  const cap = ctx.params.dbConcurrency;
  while (s.dbRunning < cap && s.dbHead < s.dbQueue.length) {
    const job = s.jobs.get(s.dbQueue[s.dbHead++]!);
    if (job) start(s, ctx, job);
  }
  if (s.dbHead > 1024 && s.dbHead * 2 > s.dbQueue.length) {
    s.dbQueue = s.dbQueue.slice(s.dbHead);
    s.dbHead = 0;
  }
}

function beginOrJoinEpisode(s: State, key: number, kind: JobKind, now: number): void {
  const ep = s.hot[key]!;
  if (s.inflight[key] === 0) {
    ep.start = now;
    ep.expiry = s.expiresAt[key]!;
    ep.count = 0;
    ep.waiters = 0;
    ep.stale = 0;
    ep.firstKind = kind;
    ep.freshAt = -1;
  }
  ep.count++;
}

/** A request started waiting for (or got a stale value during) a hot key's recomputation. */
export function noteEpisode(s: State, key: number, what: 'wait' | 'stale'): void {
  if (key >= HOT || s.inflight[key] === 0) return;
  const ep = s.hot[key]!;
  if (what === 'wait') ep.waiters++;
  else ep.stale++;
}
