/**
 * The cache-stampede model's description for the page: params, actions, presets, metrics and the
 * experiment's meta. No simulation code here (the main thread imports this file).
 */
import { z } from 'zod';
import { seedSchema } from '../../core/scenario';
import type { ExperimentMeta, ModelMeta, PresetMeta } from '../../core/types';

/** Every way the cache can answer a miss, in the order the comparison table shows them. */
export const STRATEGIES = [
  'none',
  'lock',
  'singleflight',
  'swr',
  'xfetch',
  'jitter',
  'lease',
] as const;
export type Strategy = (typeof STRATEGIES)[number];

const strategy = z
  .enum(STRATEGIES)
  .default('none')
  .meta({
    title: 'Strategy',
    description:
      'none: every miss queries the database. lock: the first miss recomputes, the rest poll. ' +
      'singleflight: concurrent misses share one recompute. swr: serve stale, refresh once in ' +
      'the background. xfetch: recompute early at random (Vattani et al.). jitter: randomize ' +
      'TTLs. lease: memcache leases.',
  });

// Field builders shared by the model's and the experiment's schemas (defaults may differ).
const f = {
  rate: (d: number) =>
    z.number().int().min(1).max(20_000).default(d).meta({
      title: 'Request rate',
      description: 'Client requests per second (a Poisson process).',
      unit: 'req/s',
      scale: 'log',
    }),
  keys: (d: number) =>
    z.number().int().min(1).max(10_000).default(d).meta({
      title: 'Keys',
      description: 'Distinct cache keys; key 0 is the most popular.',
      scale: 'log',
    }),
  zipfS: (d: number) =>
    z.number().min(0).max(3).default(d).meta({
      title: 'Zipf exponent',
      description: 'Popularity skew: key k is requested in proportion to 1/(k+1)^s (0 = uniform).',
      step: 0.05,
    }),
  ttlMs: (d: number) =>
    z.number().int().min(10).max(600_000).default(d).meta({
      title: 'TTL',
      description: 'How long a cached value stays fresh.',
      unit: 'ms',
      scale: 'log',
    }),
  recomputeMs: (d: number) =>
    z.number().int().min(1).max(60_000).default(d).meta({
      title: 'Recompute time',
      description: 'Database service time of one query once it has a slot.',
      unit: 'ms',
      scale: 'log',
    }),
  dbConcurrency: (d: number) =>
    z.number().int().min(1).max(1000).default(d).meta({
      title: 'DB concurrency',
      description: 'Queries the database runs at once; the rest wait in a FIFO queue.',
      scale: 'log',
    }),
  timeoutMs: (d: number) =>
    z.number().int().min(1).max(600_000).default(d).meta({
      title: 'Client timeout',
      description: 'A request not answered within this time fails (its database work goes on).',
      unit: 'ms',
      scale: 'log',
    }),
  beta: (d: number) =>
    z.number().min(0).max(10).default(d).meta({
      title: 'XFetch beta',
      description: 'Larger beta recomputes earlier (xfetch only); 0 never recomputes early.',
      step: 0.1,
    }),
  warmStart: (advanced: boolean) =>
    z
      .boolean()
      .default(false)
      .meta({
        title: 'Start warm',
        description:
          'Start with every key cached, expiries spread evenly over one TTL, as in a cache that ' +
          'has been running a while (off: start empty, a cold start).',
        ...(advanced ? { advanced: true } : {}),
      }),
  jitterPct: (d: number) =>
    z.number().min(0).max(100).default(d).meta({
      title: 'TTL jitter',
      description: 'jitter only: each TTL is drawn uniformly within ±jitter/2 of the TTL.',
      unit: '%',
    }),
};

export const stampedeParams = z.strictObject({
  strategy,
  rate: f.rate(1000),
  keys: f.keys(100),
  zipfS: f.zipfS(1.1),
  ttlMs: f.ttlMs(5000),
  recomputeMs: f.recomputeMs(100),
  dbConcurrency: f.dbConcurrency(20),
  timeoutMs: f.timeoutMs(1000),
  beta: f.beta(1),
  jitterPct: f.jitterPct(20),
  pollMs: z.number().int().min(1).max(10_000).default(20).meta({
    title: 'Poll interval',
    description: 'lock and lease: how often a waiting request looks at the cache again.',
    unit: 'ms',
    advanced: true,
  }),
  leaseMs: z.number().int().min(1).max(600_000).default(10_000).meta({
    title: 'Lease interval',
    description: 'lease: a key hands out at most one token per interval (10 s at Facebook).',
    unit: 'ms',
    advanced: true,
  }),
  staleMs: z.number().int().min(0).max(600_000).default(5000).meta({
    title: 'Stale window',
    description: 'swr and lease: how long after expiry a stale value may still be served.',
    unit: 'ms',
    advanced: true,
  }),
  warmStart: f.warmStart(true),
});
export type StampedeParams = z.output<typeof stampedeParams>;

export const stampedeExperimentParams = z.strictObject({
  strategy,
  rate: f.rate(10_000),
  keys: f.keys(1000),
  zipfS: f.zipfS(1),
  ttlMs: f.ttlMs(10_000),
  recomputeMs: f.recomputeMs(100),
  dbConcurrency: f.dbConcurrency(100),
  timeoutMs: f.timeoutMs(1000),
  beta: f.beta(1),
  jitterPct: f.jitterPct(20),
  warmStart: f.warmStart(false),
  durationMs: z.number().int().min(100).max(600_000).default(60_000).meta({
    title: 'Duration',
    description: 'Virtual time simulated.',
    unit: 'ms',
  }),
  seed: seedSchema.default(1).meta({ title: 'Seed' }),
});
export type StampedeExperimentParams = z.output<typeof stampedeExperimentParams>;

/** What one experiment run reports. */
export interface StampedeResult {
  requests: number;
  dbQueries: number;
  /** Most queries in service at once (never above dbConcurrency). */
  peakDbConcurrency: number;
  /** Longest the database queue got. */
  peakDbQueue: number;
  /** Episodes: maximal runs of one key's overlapping recomputations. */
  episodes: number;
  /** Average recomputations per episode: the herd size. */
  recomputesPerExpiry: number;
  /** The same for the most popular key alone (key 0), where herds are largest. */
  hotKeyRecomputesPerExpiry: number;
  /** Most recomputations of one key running at once. */
  peakRecomputesPerKey: number;
  /** Share of finished requests answered from the cache at once (fresh or stale). */
  hitRatio: number;
  /** Share of finished requests answered with a stale value. */
  staleRatio: number;
  /** xfetch: recomputations started before expiry. */
  earlyRecomputes: number;
  /** Over finished requests; a timed-out request counts with its timeout. */
  latencyMs: { p50: number; p99: number; max: number };
  timeouts: number;
}

const herdWorkload = {
  rate: 2000,
  keys: 1,
  ttlMs: 3000,
  recomputeMs: 100,
  dbConcurrency: 20,
  timeoutMs: 1000,
  warmStart: true,
};

const preset = (id: Strategy, title: string, description: string): PresetMeta => ({
  id,
  title,
  description,
  params: { ...herdWorkload, strategy: id },
});

export const stampedePresets: PresetMeta[] = [
  {
    id: 'herd',
    title: 'The thundering herd',
    description:
      'One hot key at 2,000 requests per second. Each time it expires, every request in the next ' +
      'recompute window misses and queries the database.',
    params: { ...herdWorkload, strategy: 'none' },
  },
  preset(
    'singleflight',
    'Request coalescing',
    'Concurrent misses for a key share one database query and all get its result.',
  ),
  preset(
    'lock',
    'Cache lock',
    'The first miss takes a lock and recomputes; the others poll the cache until the value appears.',
  ),
  preset(
    'xfetch',
    'Probabilistic early expiration',
    'Each read recomputes early with a probability that grows as expiry nears, so a few ' +
      'requests refresh the key shortly before it expires and nobody misses.',
  ),
  preset(
    'swr',
    'Stale-while-revalidate',
    'After expiry, requests get the stale value at once while one background refresh runs.',
  ),
  {
    id: 'jitter',
    title: 'Jittered TTLs',
    description:
      'Five hundred equally popular keys, all filled within a moment of a cold start by a ' +
      'database big enough to take them at once. With equal TTLs they keep expiring together; ' +
      'randomized TTLs (jitter 50%) spread the expiries over half a TTL.',
    params: {
      strategy: 'jitter',
      rate: 5000,
      keys: 500,
      zipfS: 0,
      ttlMs: 5000,
      recomputeMs: 100,
      dbConcurrency: 200,
      jitterPct: 50,
    },
  },
  preset(
    'lease',
    'Memcache leases',
    'A miss gets a lease token at most once per lease interval; the holder recomputes, the others ' +
      'wait briefly and retry.',
  ),
  {
    id: 'cold-start',
    title: 'Cold start',
    description:
      'A warm cache for 500 keys is flushed at 8 s under 3,000 requests per second: every key ' +
      'misses at once, the database queue explodes, and it keeps working on queries whose ' +
      'clients gave up long ago.',
    params: {
      strategy: 'none',
      rate: 3000,
      keys: 500,
      zipfS: 0.9,
      ttlMs: 20_000,
      recomputeMs: 100,
      dbConcurrency: 30,
      warmStart: true,
    },
    inputs: [{ at: 8000, action: 'flush' }],
  },
];

const summary: ExperimentMeta['summary'] = [
  { field: 'dbQueries', label: 'DB queries', digits: 0 },
  { field: 'peakDbConcurrency', label: 'Peak DB concurrency', digits: 0 },
  { field: 'peakDbQueue', label: 'Peak DB queue', digits: 0 },
  { field: 'hotKeyRecomputesPerExpiry', label: 'Recomputes per expiry, key 0', digits: 1 },
  { field: 'recomputesPerExpiry', label: 'Recomputes per expiry, all keys', digits: 2 },
  { field: 'peakRecomputesPerKey', label: 'Peak recomputes of one key', digits: 0 },
  { field: 'hitRatio', label: 'Hit ratio', percent: true },
  { field: 'latencyMs.p50', label: 'Latency p50 (ms)', digits: 1 },
  { field: 'latencyMs.p99', label: 'Latency p99 (ms)', digits: 1 },
  { field: 'timeouts', label: 'Timeouts', digits: 0 },
];

export const stampedeExperimentMeta: ExperimentMeta = {
  id: 'stampede',
  model: 'stampede',
  title: 'Cache stampede: strategies compared',
  description:
    'Runs the same Zipf workload under each strategy, from a cold cache unless "Start warm" is ' +
    'on, and counts database ' +
    'queries, the herd size at each expiry, hit ratio, latency and timeouts.',
  params: stampedeExperimentParams,
  // Averaged over all keys the herd drowns in the cold tail (a rarely read key is recomputed once
  // whatever the strategy); the hottest key is where strategies differ by two orders of magnitude.
  chart: {
    kind: 'xy',
    y: 'hotKeyRecomputesPerExpiry',
    yLabel: 'recomputes per expiry of the hottest key',
  },
  sweep: { param: 'strategy', values: [...STRATEGIES] },
  summary,
  toRows: (result) => {
    const r = result as StampedeResult;
    const { latencyMs, ...rest } = r;
    return [
      {
        ...rest,
        latencyP50Ms: latencyMs.p50,
        latencyP99Ms: latencyMs.p99,
        latencyMaxMs: latencyMs.max,
      },
    ];
  },
};

export const stampedeMeta: ModelMeta = {
  id: 'stampede',
  title: 'Cache stampede',
  summary:
    'A cache in front of a slow database: when a hot key expires, many requests recompute it at ' +
    'once. Compare locks, request coalescing, stale-while-revalidate, XFetch, jitter and leases.',
  params: stampedeParams,
  actions: {
    flush: {
      label: 'Flush the cache',
      description: 'Empties the cache: a cold start under load.',
      args: z.strictObject({}),
    },
    setRate: {
      label: 'Change the request rate',
      description: 'A traffic spike (or lull) from now on.',
      args: z.strictObject({ rate: z.number().int().min(1).max(20_000) }),
    },
    setStrategy: {
      label: 'Switch strategy',
      description: 'Requests arriving from now on use the new strategy.',
      args: z.strictObject({ strategy: z.enum(STRATEGIES) }),
    },
    slowDb: {
      label: 'Slow the database',
      description: 'Queries starting from now on take this long.',
      args: z.strictObject({ recomputeMs: z.number().int().min(1).max(60_000) }),
    },
  },
  presets: stampedePresets,
  metrics: [
    { id: 'hitRatio', label: 'Hit ratio (last second)', percent: true, chart: true },
    { id: 'dbInFlight', label: 'DB queries running', digits: 0, chart: true },
    { id: 'dbQueue', label: 'DB queue', digits: 0, chart: true },
    { id: 'recomputesInFlight', label: 'Recomputes of one key (max)', digits: 0, chart: true },
    { id: 'latencyP50Ms', label: 'Latency p50 (last second)', unit: 'ms', digits: 1 },
    { id: 'latencyP99Ms', label: 'Latency p99 (last second)', unit: 'ms', digits: 1, chart: true },
    { id: 'timeouts', label: 'Timeouts (total)', digits: 0, chart: true },
    { id: 'requestsPerSec', label: 'Requests', unit: '/s', digits: 0 },
    { id: 'dbQueriesPerSec', label: 'DB queries', unit: '/s', digits: 0, chart: true },
  ],
  experiments: [stampedeExperimentMeta],
};
