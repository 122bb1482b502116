/**
 * What the page needs to know about the traffic model: params, actions, presets and metrics. No
 * simulation code (the main thread imports this file).
 */
import { z } from 'zod';
import type { ModelMeta } from '../../core/types';
import { trafficExperimentMetas } from './experimentMeta';
import { trafficPresets } from './presets';

export const BALANCERS = ['roundRobin', 'random', 'leastOutstanding', 'twoChoices'] as const;
export const RETRIES = ['none', 'immediate', 'fixed', 'backoff'] as const;
export const JITTERS = ['none', 'full', 'equal', 'decorrelated'] as const;
export const SERVICE_DISTS = ['exponential', 'lognormal', 'mixture'] as const;
export const PATTERNS = ['steady', 'step', 'burst'] as const;
export type Balancer = (typeof BALANCERS)[number];
export type RetryPolicy = (typeof RETRIES)[number];
export type Jitter = (typeof JITTERS)[number];

/** Most instances, and the hard queue bound per instance that keeps memory flat. */
export const MAX_INSTANCES = 16;
export const QUEUE_CAP = 5000;

const int = (min: number, max: number, d: number) => z.number().int().min(min).max(max).default(d);

export const trafficParams = z.strictObject({
  rateRps: int(1, 20_000, 280).meta({
    title: 'Request rate',
    description: 'New client requests per second, a Poisson process (retries come on top).',
    unit: 'req/s',
    scale: 'log',
  }),
  pattern: z
    .enum(PATTERNS)
    .default('steady')
    .meta({
      title: 'Traffic pattern',
      description:
        'steady: always the request rate. step: the burst rate from the burst start on. burst: ' +
        'the burst rate for the burst length, then back.',
    }),
  burstRps: int(1, 20_000, 600).meta({
    title: 'Burst rate',
    description: 'Requests per second during a step or burst.',
    unit: 'req/s',
    scale: 'log',
  }),
  burstAtMs: int(0, 600_000, 10_000).meta({
    title: 'Burst start',
    description: 'When the step or burst begins.',
    unit: 'ms',
  }),
  burstMs: int(100, 600_000, 3000).meta({
    title: 'Burst length',
    description: 'How long a burst lasts.',
    unit: 'ms',
  }),
  clients: int(1, 8, 4).meta({
    title: 'Clients',
    description: 'Client machines C0..; each new request comes from one of them at random.',
  }),
  instances: int(1, MAX_INSTANCES, 4).meta({
    title: 'Instances',
    description: 'Service instances I0.. behind the load balancer.',
  }),
  concurrency: int(1, 64, 1).meta({
    title: 'Concurrency per instance',
    description: 'Requests an instance works on at once; the rest wait in its queue.',
  }),
  serviceMs: z.number().min(0.1).max(10_000).default(10).meta({
    title: 'Service time',
    description: 'Mean time an instance works on one request.',
    unit: 'ms',
    scale: 'log',
  }),
  serviceDist: z
    .enum(SERVICE_DISTS)
    .default('exponential')
    .meta({
      title: 'Service time distribution',
      description:
        'exponential: memoryless (the M/M/1 textbook case). lognormal: a long right tail. ' +
        'mixture: most requests fast, a rare share very slow. All keep the mean service time.',
    }),
  lognormalSigma: z.number().min(0.1).max(3).default(1).meta({
    title: 'Lognormal spread',
    description: 'Sigma of the log of the service time: larger means a heavier tail.',
    step: 0.1,
    advanced: true,
  }),
  tailShare: z.number().min(0).max(0.5).default(0.01).meta({
    title: 'Slow share (mixture)',
    description: 'Share of requests that are slow under the mixture.',
    step: 0.005,
    advanced: true,
  }),
  tailFactor: z.number().min(1).max(1000).default(20).meta({
    title: 'Slow factor (mixture)',
    description: 'How many times slower than the others a slow request is.',
    advanced: true,
  }),
  queueOrder: z.enum(['fifo', 'lifo']).default('fifo').meta({
    title: 'Queue order',
    description: 'fifo: oldest waiting request first. lifo: newest first.',
  }),
  shedQueueLength: int(0, 1000, 0).meta({
    title: 'Load shedding',
    description: `Reject new work when an instance's queue is this long (0: off; a queue never holds more than ${QUEUE_CAP}).`,
  }),
  breaker: z.boolean().default(false).meta({
    title: 'Circuit breaker',
    description:
      'In the clients: after a run of failed tries it opens and fails tries at once, then lets one probe through to test whether the service is back.',
  }),
  breakerFailures: int(1, 1000, 20).meta({
    title: 'Breaker threshold',
    description: 'Failed tries in a row that open the breaker.',
  }),
  breakerOpenMs: int(10, 60_000, 1000).meta({
    title: 'Breaker open time',
    description: 'How long the breaker stays open before it lets a probe through.',
    unit: 'ms',
  }),
  rateLimitRps: int(0, 20_000, 0).meta({
    title: 'Rate limit',
    description:
      'A token bucket at the load balancer: tries admitted per second on average (0: no limit). A try without a token is rejected at once.',
    unit: 'req/s',
  }),
  rateLimitBurst: int(1, 10_000, 50).meta({
    title: 'Rate limit burst',
    description: 'Tokens the bucket holds: how many tries it admits at once after a quiet spell.',
  }),
  balancer: z
    .enum(BALANCERS)
    .default('roundRobin')
    .meta({
      title: 'Load balancing',
      description:
        'roundRobin: each instance in turn. random: one at random. leastOutstanding: the one ' +
        'with the fewest requests queued or running. twoChoices: two at random, the less loaded.',
    }),
  outlierEjection: z.boolean().default(true).meta({
    title: 'Eject failing instances',
    description:
      'The balancer stops sending to an instance that refused a connection, for 2 s, then tries it again.',
  }),
  deadlineMs: int(10, 10_000, 1000).meta({
    title: 'Deadline',
    description: 'A client gives up on a request this long after sending it, retries included.',
    unit: 'ms',
  }),
  timeoutMs: int(1, 10_000, 1000).meta({
    title: 'Timeout per try',
    description:
      'A client abandons one try after this long (and may retry). The instance does not know: it still does the work.',
    unit: 'ms',
  }),
  retry: z.enum(RETRIES).default('none').meta({
    title: 'Retries',
    description:
      'none. immediate: at once. fixed: after the base delay. backoff: after a delay that doubles each try, up to the cap.',
  }),
  jitter: z
    .enum(JITTERS)
    .default('none')
    .meta({
      title: 'Jitter',
      description:
        'For backoff (Brooker 2015). none: the exact delay. full: random up to it. equal: half ' +
        'of it plus random up to the other half. decorrelated: random between the base and 3x the previous delay.',
    }),
  maxAttempts: int(1, 10, 3).meta({
    title: 'Most tries',
    description: 'Tries per request, the first included.',
  }),
  backoffBaseMs: int(0, 10_000, 50).meta({
    title: 'Backoff base',
    description: 'The fixed delay, and the first backoff delay.',
    unit: 'ms',
  }),
  backoffCapMs: int(1, 60_000, 1000).meta({
    title: 'Backoff cap',
    description: 'The longest backoff delay.',
    unit: 'ms',
  }),
  retryBudget: z.boolean().default(false).meta({
    title: 'Retry budget',
    description:
      'Each new request earns the budget ratio of a retry token; a retry spends one (at most 10 saved). Without tokens, no retry.',
  }),
  retryBudgetRatio: z.number().min(0).max(1).default(0.1).meta({
    title: 'Budget ratio',
    description: 'Retries allowed per new request, on average, under the retry budget.',
    step: 0.01,
  }),
});
export type TrafficParams = z.output<typeof trafficParams>;

const instance = z
  .number()
  .int()
  .min(0)
  .max(MAX_INSTANCES - 1)
  .meta({ title: 'Instance', description: 'I0 is 0.' });

export const trafficMeta: ModelMeta = {
  id: 'traffic',
  title: 'Traffic: queues, load balancing and retries',
  summary:
    'Clients send requests through a load balancer to instances that queue them. Watch ' +
    'latency climb with utilization, compare balancing policies, and see timeouts and retries ' +
    'turn a short stall into an outage that outlives it.',
  params: trafficParams,
  actions: {
    crash: {
      label: 'Crash an instance',
      description:
        'Its queued and running requests fail at once; it refuses connections until restarted.',
      args: z.strictObject({ instance }),
    },
    restart: {
      label: 'Restart an instance',
      description: 'It comes back with an empty queue.',
      args: z.strictObject({ instance }),
    },
    pause: {
      label: 'Pause an instance',
      description:
        'A stop-the-world pause: it accepts requests into its queue but works on none. Without an instance, pauses them all.',
      args: z.strictObject({
        instance: instance.optional(),
        ms: z.number().int().min(1).max(60_000).default(2000).meta({
          title: 'Pause length',
          unit: 'ms',
        }),
      }),
    },
    slow: {
      label: 'Slow an instance',
      description:
        'From now on its requests take this many times longer (1 makes it normal again).',
      args: z.strictObject({
        instance,
        factor: z.number().min(1).max(100).default(5).meta({ title: 'Slowdown factor' }),
      }),
    },
  },
  presets: trafficPresets,
  metrics: [
    { id: 'offeredRps', label: 'Offered (new requests)', unit: '/s', digits: 0, chart: true },
    { id: 'throughputRps', label: 'Throughput (work done)', unit: '/s', digits: 0 },
    { id: 'goodputRps', label: 'Goodput (answered in time)', unit: '/s', digits: 0, chart: true },
    { id: 'errorRate', label: 'Failed', percent: true },
    { id: 'timeoutRate', label: 'Timed out', percent: true, chart: true },
    { id: 'p50Ms', label: 'Latency p50', unit: 'ms', digits: 1 },
    { id: 'p99Ms', label: 'Latency p99', unit: 'ms', digits: 1, chart: true },
    { id: 'p999Ms', label: 'Latency p99.9', unit: 'ms', digits: 1 },
    { id: 'utilization', label: 'Utilization (mean)', percent: true, chart: true },
    { id: 'queueMax', label: 'Longest queue', digits: 0, chart: true },
    { id: 'retryShare', label: 'Retries, share of tries', percent: true },
    { id: 'limitedRps', label: 'Rejected by the rate limit', unit: '/s', digits: 0 },
    { id: 'breakerOpen', label: 'Circuit breaker (0 closed, 1 open, 2 half-open)', chart: true },
    { id: 'breakerRejectedRps', label: 'Failed fast by the breaker', unit: '/s', digits: 0 },
    { id: 'inSystem', label: 'Requests in the system', digits: 0 },
  ],
  experiments: trafficExperimentMetas,
};
