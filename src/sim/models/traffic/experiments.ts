/**
 * The traffic experiments: each run is the live model itself in the kernel (no invariant checks
 * or log), so its numbers are the widget's numbers.
 */
import { Sim } from '../../core/sim';
import type { AnyExperimentDef, ExperimentDef } from '../../core/types';
import {
  latencyMeta,
  retriesMeta,
  type LatencyParams,
  type LatencyResult,
  type RetriesParams,
  type RetriesResult,
  type RetryStrategy,
} from './experimentMeta';
import { quantile } from './hist';
import { trafficParams, type TrafficParams } from './meta';
import { trafficModel } from './model';
import type { TrafficState } from './types';

type Progress = ((done: number, total: number) => void) | undefined;
const SERVICE_MS = 10;

function simulate(
  params: Partial<TrafficParams>,
  seed: number,
  durationMs: number,
  onProgress: Progress,
  inputs: { at: number; action: string; [k: string]: unknown }[] = [],
): TrafficState {
  const sim = new Sim(
    trafficModel,
    { model: 'traffic', params: trafficParams.parse(params), seed, inputs },
    { checkInvariants: false, keepLog: false },
  );
  for (let t = 0; t < durationMs;) {
    t = Math.min(durationMs, t + 5000);
    sim.runUntil(t);
    onProgress?.(t, durationMs);
  }
  return sim.state as TrafficState;
}

export function runLatency(p: LatencyParams, onProgress?: Progress): LatencyResult {
  const capacity = (p.instances * 1000) / SERVICE_MS;
  const s = simulate(
    {
      instances: p.instances,
      balancer: p.balancer,
      serviceMs: SERVICE_MS,
      serviceDist: p.serviceDist,
      rateRps: Math.max(1, Math.round(p.utilization * capacity)),
      deadlineMs: 10_000,
      timeoutMs: 10_000,
    },
    p.seed,
    p.durationMs,
    onProgress,
  );
  const t = s.totals;
  return {
    utilization: p.utilization,
    requests: t.answered,
    meanMs: t.answered ? t.latencySumMs / t.answered : NaN,
    p50Ms: quantile(s.runHist, 0.5),
    p99Ms: quantile(s.runHist, 0.99),
    p999Ms: quantile(s.runHist, 0.999),
    maxQueue: t.maxQueue,
  };
}

const STALL_AT_MS = 5000;

function retryParams(strategy: RetryStrategy): Partial<TrafficParams> {
  const [retry, variant] = strategy.split('-') as [string, string | undefined];
  const p: Partial<TrafficParams> = { retry: retry as TrafficParams['retry'] };
  if (retry === 'backoff') p.jitter = (variant ?? 'none') as TrafficParams['jitter'];
  if (variant === 'budget') p.retryBudget = true;
  if (variant === 'lifo') p.queueOrder = 'lifo';
  if (variant === 'breaker') p.breaker = true;
  return p;
}

export function runRetries(p: RetriesParams, onProgress?: Progress): RetriesResult {
  const instances = 4;
  const capacity = (instances * 1000) / SERVICE_MS;
  const s = simulate(
    {
      ...retryParams(p.strategy),
      instances,
      serviceMs: SERVICE_MS,
      rateRps: Math.round(p.utilization * capacity),
      timeoutMs: p.timeoutMs,
      deadlineMs: 1000,
      maxAttempts: 3,
      backoffBaseMs: 50,
      backoffCapMs: 1000,
    },
    p.seed,
    p.durationMs,
    onProgress,
    p.outageMs > 0 ? [{ at: STALL_AT_MS, action: 'pause', ms: p.outageMs }] : [],
  );
  // The seconds ring keeps the last minute: enough for the default run; longer runs look at
  // the end of the run only, and report recovery only if it is visible there.
  const stallEnd = STALL_AT_MS + p.outageMs;
  const good = s.seconds.map((x) => x.offered > 0 && x.goodput >= 0.9 * x.offered);
  let recoveredAt = -1;
  for (let k = 0; k + 2 < s.seconds.length; k++) {
    if (s.seconds[k]!.t < stallEnd - 1000) continue;
    if (good[k] && good[k + 1] && good[k + 2]) {
      recoveredAt = Math.max(stallEnd, s.seconds[k]!.t);
      break;
    }
  }
  const t = s.totals;
  return {
    recovered: recoveredAt >= 0 ? 1 : 0,
    recoveryMs: recoveredAt >= 0 ? recoveredAt - stallEnd : p.durationMs - stallEnd,
    tries: t.tries,
    retryShare: t.tries ? t.retries / t.tries : 0,
    peakTriesPerSec: Math.max(...s.seconds.map((x) => x.tries)),
    capacityPerSec: capacity,
    goodputShare: t.started ? t.answered / t.started : 0,
    wastedWork: t.late,
  };
}

const latency: ExperimentDef<LatencyParams, LatencyResult> = {
  meta: latencyMeta,
  run: (params, onProgress) =>
    runLatency(latencyMeta.params.parse(params) as LatencyParams, onProgress),
};
const retries: ExperimentDef<RetriesParams, RetriesResult> = {
  meta: retriesMeta,
  run: (params, onProgress) =>
    runRetries(retriesMeta.params.parse(params) as RetriesParams, onProgress),
};

export const trafficExperiments: AnyExperimentDef[] = [latency, retries];
