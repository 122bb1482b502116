/**
 * The stampede model's state: plain data and typed arrays (it survives structuredClone for
 * checkpoints). Per-key data lives in typed arrays indexed by key (key 0 is the most popular);
 * only requests that have to wait and database jobs get records.
 *
 * Time is the kernel's virtual clock in fractional milliseconds: at 10,000 requests per second
 * arrivals are about 0.1 ms apart. Arrivals fall on whole microseconds (gaps are rounded), so an
 * engine whose `Math.log` differs in the last bit almost never changes a run, and times print
 * cleanly. Every other event is an arrival plus whole milliseconds of service, poll or timeout.
 */
import type { Ctx } from '../../core/types';
import type { StampedeParams, Strategy } from './meta';
import { createWindow, type StatsWindow } from './window';

/**
 * Why a recomputation runs. `miss` and `early` each serve the request that issued them; the
 * others coordinate a key: `flight` (singleflight leader, shared with joiners), `lock` (holder of
 * the key's lock), `lease` (holder of a memcache lease token), `refresh` (swr background refresh,
 * which serves nobody).
 */
export type JobKind = 'miss' | 'early' | 'flight' | 'lock' | 'lease' | 'refresh';

/** The kinds that coordinate a key, and the strategy whose guarantee each one carries. */
export const COORDINATING = [
  ['flight', 'singleflight'],
  ['lock', 'lock'],
  ['lease', 'lease'],
  ['refresh', 'swr'],
] as const;

/** Index of a kind in COORDINATING, or -1. */
export const coordIndex = (kind: JobKind): number =>
  kind === 'flight' ? 0 : kind === 'lock' ? 1 : kind === 'lease' ? 2 : kind === 'refresh' ? 3 : -1;

/** A request that could not be answered at once. */
export interface Req {
  /** Arrival serial number. */
  id: number;
  key: number;
  start: number;
  deadline: number;
  /** Kernel id of the timeout timer, cancelled when the request is answered. */
  timer: number;
  /** The strategy in force when it arrived: it keeps behaving that way. */
  mode: Strategy;
  /** Slot in `samples`, or -1. */
  sample: number;
}

/** One database query: a recomputation of one key. */
export interface Job {
  id: number;
  key: number;
  kind: JobKind;
  issuedAt: number;
  /** -1 while queued. */
  startedAt: number;
  /** Requests answered when it completes. */
  waiters: number[];
  /** Index in the experiment recorder's intervals, or -1. */
  rec: number;
  /** The key's arrays were rebuilt (keys changed) while it ran: it touches no per-key state. */
  orphan: boolean;
  /** The sampled request that issued it (slot in `samples` and serial), or -1. */
  sample: number;
  sampleId: number;
}

export type Timer =
  | { k: 'arrive' }
  | { k: 'db'; job: number }
  | { k: 'timeout'; req: number }
  | { k: 'poll'; req: number };

/** The model sends no messages. */
export interface NoMessage {
  type: 'none';
}

export type C = Ctx<StampedeParams, Timer, NoMessage>;

/** How a sampled request was answered, for the view's animated dots. */
export type RequestPath = 'pending' | 'hit' | 'stale' | 'db' | 'wait';

export interface SampledRequest {
  /** Arrival serial number. */
  id: number;
  key: number;
  arriveAt: number;
  path: RequestPath;
  /** Its own database query, when it issued one. */
  dbQueuedAt: number | null;
  dbStartAt: number | null;
  dbDoneAt: number | null;
  /** When it was answered or gave up. */
  doneAt: number | null;
  timedOut: boolean;
}

/** The current (or last) recomputation episode of a hot key. */
export interface HotEpisode {
  start: number;
  /** Expiry of the value in the cache when it began (-Infinity: nothing cached). */
  expiry: number;
  count: number;
  waiters: number;
  stale: number;
  firstKind: JobKind;
  /** When the first recomputation of the episode stored its value (-1: not yet). */
  freshAt: number;
  /** Recomputations in the last finished episode. */
  lastHerd: number;
}

export interface Totals {
  arrived: number;
  finished: number;
  hits: number;
  stale: number;
  timeouts: number;
  dbQueries: number;
  earlyRecomputes: number;
  /** Lease sets refused because a newer token had been handed out. */
  rejectedSets: number;
  peakDbRunning: number;
  peakDbQueue: number;
  peakPerKey: number;
}

/** Exact per-request data for experiments (the live model leaves it null). */
export interface Recorder {
  zeros: number;
  latencies: Float64Array;
  nLatencies: number;
  maxLatency: number;
  ivKey: Int32Array;
  ivStart: Float64Array;
  ivEnd: Float64Array;
  nIntervals: number;
}

/** What a custom early-recompute rule sees about one read of a fresh value. */
export interface EarlyRead {
  now: number;
  expiry: number;
  /** Duration of the key's last recomputation (XFetch's delta), ms. */
  deltaMs: number;
  beta: number;
  ttlMs: number;
  key: number;
  /** Uniform in (0, 1], from the strategy's own random stream. */
  random(): number;
}

/**
 * A rule that replaces XFetch's early-recompute test under the xfetch strategy (the code lab runs
 * a learner's rule this way). Experiments only: a function does not survive structuredClone, so the
 * live model always leaves it null.
 */
export type EarlyPolicy = (read: EarlyRead) => boolean;

/** Keys whose episodes, expiries and in-flight history the view shows. */
export const HOT = 5;
export const HIST_SLOTS = 100;
export const HIST_MS = 100;
/** Ring of sampled requests for the view's dots: 1.5 virtual seconds at SAMPLES_PER_SEC. */
export const SAMPLES = 120;
export const SAMPLES_PER_SEC = 80;

export interface History {
  /** Absolute slot (floor(t / HIST_MS)) of the latest write. */
  slot: number;
  running: Int32Array;
  queue: Int32Array;
  /** HOT rows of HIST_SLOTS: recomputations in flight per hot key. */
  hot: Int32Array;
  /** When key 0's values expired (replaced after their expiry), oldest first, at most 16. */
  expiries: number[];
}

export interface State {
  /** Length of the per-key arrays (params.keys, applied live). */
  keys: number;
  expiresAt: Float64Array;
  /** Duration of the key's last recomputation, issue to completion (XFetch's delta). */
  deltaMs: Float64Array;
  inflight: Int32Array;
  /**
   * In-flight coordinating jobs per kind (COORDINATING order) and key, at kind * keys + key,
   * counted apart from `owner` so the invariants catch a slip in the ownership logic.
   */
  coordinated: Int32Array;
  /** When the key's latest lease token was handed out. */
  leaseSince: Float64Array;
  /** The job coordinating the key's recomputation, or -1. */
  owner: Int32Array;
  /** Waiting requests by arrival serial number. */
  reqs: Map<number, Req>;
  jobs: Map<number, Job>;
  nextJob: number;
  /** Job ids waiting for a database slot; `dbHead` is the front. */
  dbQueue: number[];
  dbHead: number;
  dbRunning: number;
  /** After dbConcurrency is lowered live, the running queries allowed to finish. */
  dbCapGrace: number;
  arrivalTimer: number;
  /** Time of the pending arrival in whole microseconds. */
  arrivalUs: number;
  totals: Totals;
  window: StatsWindow;
  samples: SampledRequest[];
  sampleNext: number;
  sampleCountdown: number;
  history: History;
  hot: HotEpisode[];
  /** First broken guarantee per strategy, found when a recomputation is issued. */
  breaches: Partial<Record<Strategy, string>>;
  minLatencyMs: number;
  /** Smallest (start - issue) or (completion - start) of any job. */
  minJobStepMs: number;
  lastTimeoutAt: number;
  recorder: Recorder | null;
  /** Replaces XFetch's test when set (experiments only, like `recorder`). */
  earlyPolicy: EarlyPolicy | null;
}

export function perKey(s: State, keys: number): void {
  s.keys = keys;
  s.expiresAt = new Float64Array(keys).fill(-Infinity);
  s.deltaMs = new Float64Array(keys);
  s.inflight = new Int32Array(keys);
  s.coordinated = new Int32Array(COORDINATING.length * keys);
  s.leaseSince = new Float64Array(keys).fill(-Infinity);
  s.owner = new Int32Array(keys).fill(-1);
}

export function createState(p: StampedeParams): State {
  const s: State = {
    keys: 0,
    expiresAt: new Float64Array(0),
    deltaMs: new Float64Array(0),
    inflight: new Int32Array(0),
    coordinated: new Int32Array(0),
    leaseSince: new Float64Array(0),
    owner: new Int32Array(0),
    reqs: new Map(),
    jobs: new Map(),
    nextJob: 0,
    dbQueue: [],
    dbHead: 0,
    dbRunning: 0,
    dbCapGrace: 0,
    arrivalTimer: -1,
    arrivalUs: 0,
    totals: {
      arrived: 0,
      finished: 0,
      hits: 0,
      stale: 0,
      timeouts: 0,
      dbQueries: 0,
      earlyRecomputes: 0,
      rejectedSets: 0,
      peakDbRunning: 0,
      peakDbQueue: 0,
      peakPerKey: 0,
    },
    window: createWindow(),
    samples: [],
    sampleNext: 0,
    sampleCountdown: 0,
    history: {
      slot: 0,
      running: new Int32Array(HIST_SLOTS),
      queue: new Int32Array(HIST_SLOTS),
      hot: new Int32Array(HOT * HIST_SLOTS),
      expiries: [],
    },
    hot: Array.from({ length: HOT }, () => ({
      start: 0,
      expiry: -Infinity,
      count: 0,
      waiters: 0,
      stale: 0,
      firstKind: 'miss' as JobKind,
      freshAt: -1,
      lastHerd: 0,
    })),
    breaches: {},
    minLatencyMs: Infinity,
    minJobStepMs: Infinity,
    lastTimeoutAt: -Infinity,
    recorder: null,
    earlyPolicy: null,
  };
  perKey(s, p.keys);
  return s;
}

export const dbQueueLength = (s: State): number => s.dbQueue.length - s.dbHead;

export function createRecorder(): Recorder {
  return {
    zeros: 0,
    latencies: new Float64Array(1 << 12),
    nLatencies: 0,
    maxLatency: 0,
    ivKey: new Int32Array(1 << 12),
    ivStart: new Float64Array(1 << 12),
    ivEnd: new Float64Array(1 << 12),
    nIntervals: 0,
  };
}

/** Copies `a` into an array twice as long. */
export function grow<A extends Float64Array | Int32Array>(a: A): A {
  const b = new (a.constructor as new (n: number) => A)(a.length * 2);
  b.set(a);
  return b;
}
