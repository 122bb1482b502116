/**
 * The traffic experiments' params, results and metas (no simulation code: the page reads them).
 * traffic-latency: latency percentiles against utilization for one balancing policy (the
 * hockey stick). traffic-retries: a stall of every instance, then how long the system takes to
 * serve requests in time again, per retry policy (a retry storm never recovers).
 */
import { z } from 'zod';
import { seedSchema } from '../../core/scenario';
import type { ExperimentMeta } from '../../core/types';

const BALANCER_LIST = ['roundRobin', 'random', 'leastOutstanding', 'twoChoices'] as const;

export const latencyParams = z.strictObject({
  balancer: z.enum(BALANCER_LIST).default('random').meta({
    title: 'Load balancing',
    description: 'How the balancer picks an instance (see the model).',
  }),
  utilization: z.number().min(0.01).max(0.99).default(0.8).meta({
    title: 'Utilization',
    description: 'Offered load as a share of what the instances can serve.',
    step: 0.01,
  }),
  instances: z.number().int().min(1).max(16).default(8).meta({ title: 'Instances' }),
  serviceDist: z.enum(['exponential', 'lognormal', 'mixture']).default('exponential').meta({
    title: 'Service time distribution',
  }),
  durationMs: z.number().int().min(1000).max(3_600_000).default(60_000).meta({
    title: 'Duration',
    description: 'Virtual time simulated.',
    unit: 'ms',
  }),
  seed: seedSchema.default(1).meta({ title: 'Seed' }),
});
export type LatencyParams = z.output<typeof latencyParams>;

export interface LatencyResult {
  utilization: number;
  requests: number;
  meanMs: number;
  p50Ms: number;
  p99Ms: number;
  p999Ms: number;
  maxQueue: number;
}

const UTILIZATIONS = Array.from({ length: 19 }, (_, k) => Math.round((k + 1) * 5) / 100).concat(
  0.975,
);

export const latencyMeta: ExperimentMeta = {
  id: 'traffic-latency',
  model: 'traffic',
  title: 'Latency against utilization',
  description:
    'Eight instances of 100 requests a second each (10 ms mean service, one at a time) under ' +
    'Poisson traffic at a share of their capacity. Latency stays flat, then climbs steeply as ' +
    'utilization nears 100%; run it for random and for two random choices to compare.',
  params: latencyParams,
  chart: {
    kind: 'xy',
    y: 'p99Ms',
    yLabel: 'p99 latency (ms)',
    also: [
      { y: 'meanMs', yLabel: 'mean latency (ms)' },
      { y: 'maxQueue', yLabel: 'longest queue' },
    ],
  },
  sweep: { param: 'utilization', values: UTILIZATIONS },
  summary: [
    { field: 'meanMs', label: 'Mean (ms)', digits: 1 },
    { field: 'p50Ms', label: 'p50 (ms)', digits: 1 },
    { field: 'p99Ms', label: 'p99 (ms)', digits: 1 },
    { field: 'p999Ms', label: 'p99.9 (ms)', digits: 1 },
    { field: 'maxQueue', label: 'Longest queue', digits: 0 },
  ],
  toRows: (r) => [{ ...(r as LatencyResult) }],
};

export const RETRY_STRATEGIES = [
  'none',
  'immediate',
  'fixed',
  'backoff',
  'backoff-full',
  'backoff-equal',
  'backoff-decorrelated',
  'immediate-budget',
  'immediate-lifo',
  'immediate-breaker',
] as const;
export type RetryStrategy = (typeof RETRY_STRATEGIES)[number];

export const retriesParams = z.strictObject({
  strategy: z
    .enum(RETRY_STRATEGIES)
    .default('immediate')
    .meta({
      title: 'Retry policy',
      description:
        'none; immediate; fixed (50 ms); backoff from 50 ms with no, full, equal or decorrelated ' +
        'jitter; immediate with a 10% retry budget; immediate with newest-first (LIFO) queues; immediate behind a circuit breaker.',
    }),
  utilization: z.number().min(0.05).max(0.95).default(0.7).meta({
    title: 'Utilization',
    description: 'Load before the stall, as a share of capacity.',
    step: 0.05,
  }),
  outageMs: z.number().int().min(0).max(30_000).default(2000).meta({
    title: 'Stall length',
    description: 'Every instance stops the world this long, 5 s into the run.',
    unit: 'ms',
  }),
  timeoutMs: z.number().int().min(10).max(5000).default(200).meta({
    title: 'Timeout per try',
    unit: 'ms',
  }),
  durationMs: z.number().int().min(10_000).max(600_000).default(60_000).meta({
    title: 'Duration',
    unit: 'ms',
  }),
  seed: seedSchema.default(1).meta({ title: 'Seed' }),
});
export type RetriesParams = z.output<typeof retriesParams>;

export interface RetriesResult {
  /** 1 when goodput came back, 0 when it had not by the end of the run. */
  recovered: number;
  /** From the end of the stall until three seconds in a row answer 90% of requests in time. */
  recoveryMs: number;
  tries: number;
  retryShare: number;
  /** Most tries sent in one second, against the capacity of the instances. */
  peakTriesPerSec: number;
  capacityPerSec: number;
  /** Share of requests answered in time, over the whole run. */
  goodputShare: number;
  wastedWork: number;
}

export const retriesMeta: ExperimentMeta = {
  id: 'traffic-retries',
  model: 'traffic',
  title: 'A stall, then recovery, per retry policy',
  description:
    'Four instances at 70% busy stop the world for 2 s. Clients time out after 200 ms and may ' +
    'retry, up to three tries within a 1 s deadline. Some policies recover within seconds of ' +
    'the stall; with others the retries keep the queues full of work nobody waits for, and the ' +
    'system stays down after its trigger is gone (a metastable failure).',
  params: retriesParams,
  chart: {
    kind: 'bars',
    field: 'recoveryMs',
    yLabel: 'time to recover after the stall (ms; the run length when it never did)',
  },
  sweep: { param: 'strategy', values: [...RETRY_STRATEGIES] },
  summary: [
    { field: 'recovered', label: 'Recovered (1 = yes)', digits: 0 },
    { field: 'recoveryMs', label: 'Recovery (ms)', digits: 0 },
    { field: 'tries', label: 'Tries', digits: 0 },
    { field: 'retryShare', label: 'Retry share', percent: true },
    { field: 'peakTriesPerSec', label: 'Peak tries/s', digits: 0 },
    { field: 'goodputShare', label: 'Answered in time', percent: true },
    { field: 'wastedWork', label: 'Late answers (wasted work)', digits: 0 },
  ],
  toRows: (r) => [{ ...(r as RetriesResult) }],
};

export const trafficExperimentMetas: ExperimentMeta[] = [latencyMeta, retriesMeta];
