/** The traffic model's state: plain data (object references are kept by structuredClone). */
import type { Ctx } from '../../core/types';
import type { Breaker } from './breaker';
import type { Heap } from './heap';
import type { Histogram } from './hist';
import type { TrafficParams } from './meta';

export const OPEN = 0;
export const ANSWERED = 1;
export const FAILED = 2;
export const TIMED_OUT = 3;

/** A client's logical request: it ends once, answered, failed or timed out. */
export interface Req {
  id: number;
  client: number;
  createdAt: number;
  deadlineAt: number;
  outcome: number;
  /** The try the client is waiting for, or null while it backs off. */
  current: Attempt | null;
  tries: number;
  /** The previous backoff delay (decorrelated jitter). */
  sleepMs: number;
}

/** One try of a request, sent to one instance. */
export interface Attempt {
  id: number;
  req: Req;
  instance: number;
  sentAt: number;
  /** When its work started (-1 while queued) and will finish. */
  startedAt: number;
  doneAt: number;
  /** Bumps when its completion moves (a pause) or is cancelled (a crash). */
  gen: number;
  retry: boolean;
  /** Its entry in the view's sample, when it was sampled. */
  sample: TrySample | null;
}

export interface Instance {
  up: boolean;
  /** Works on nothing before this virtual ms (a stop-the-world pause). */
  pausedUntil: number;
  slowFactor: number;
  /** The balancer skips it until this virtual ms (outlier ejection). */
  ejectedUntil: number;
  queue: Attempt[];
  /** FIFO reads from here; entries before it are gone. */
  qHead: number;
  running: Attempt[];
  /** Integrals since the start of the current second, and when they were last brought up to date. */
  busyArea: number;
  queueArea: number;
  areaAt: number;
  served: number;
  /** Longest queue this second. */
  maxQueue: number;
  /** Last completed second: utilization and mean queue length. */
  util: number;
  meanQueue: number;
}

/** Counters of one virtual second. */
export interface Second {
  t: number;
  offered: number;
  tries: number;
  retries: number;
  throughput: number;
  goodput: number;
  failed: number;
  timedOut: number;
  /** Tries the rate limiter rejected. */
  limited: number;
  /** Tries the circuit breaker failed at once. */
  broken: number;
  p50: number;
  p99: number;
  p999: number;
  util: number;
  queueMax: number;
}

export interface Totals {
  started: number;
  answered: number;
  failed: number;
  timedOut: number;
  tries: number;
  retries: number;
  served: number;
  /** Responses that came back after their client stopped waiting (wasted work). */
  late: number;
  limited: number;
  /** A request ended a second time: must stay 0. */
  endedTwice: number;
  latencySumMs: number;
  /** Sum over ended requests of their time in the system, and of the open ones' creation times. */
  sojournSumMs: number;
  openCreatedSumMs: number;
  /** Integral of the number of requests in the system over time (request-ms). */
  inSystemArea: number;
  maxQueue: number;
}

/** A try drawn by the view (a bounded ring of the latest). */
export interface TrySample {
  id: number;
  client: number;
  instance: number;
  sentAt: number;
  /** When it ended (-1 while open) and how: 'ok', 'late', 'timeout', 'refused', 'shed', 'reset', 'limited', 'breaker'. */
  endAt: number;
  end: string;
  retry: boolean;
}

export interface TrafficState {
  /** Internal time processed up to (virtual ms). */
  t: number;
  heap: Heap;
  instances: Instance[];
  /** Open requests by id, in creation order (the first is the oldest). */
  open: Map<number, Req>;
  /** When `totals.inSystemArea` was last brought up to date. */
  areaAt: number;
  nextReq: number;
  nextAttempt: number;
  /** Bumps when the arrival process restarts (new rate): older arrival events are ignored. */
  arrivalGen: number;
  rrNext: number;
  retryTokens: number;
  /** The rate limiter's token bucket, and when it was last refilled. */
  bucketTokens: number;
  bucketAt: number;
  breaker: Breaker;
  /** Lines for the event log, written at the next tick. */
  notes: { t: number; text: string }[];
  totals: Totals;
  /** Histograms: the current second's and the whole run's answered latencies. */
  secondHist: Histogram;
  runHist: Histogram;
  current: Second;
  /** Completed seconds, oldest first, at most SECONDS_KEPT. */
  seconds: Second[];
  samples: TrySample[];
  /** Test-only fault: accept a response for any try, even one the client gave up on. */
  bug: 'none' | 'accept-stale';
}

export type TrafficTimer = { k: 'tick' };
export type TrafficCtx = Ctx<TrafficParams, TrafficTimer, never>;
