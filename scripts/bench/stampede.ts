/**
 * Cache-stampede benchmarks: the `stampede` experiment for 60 s of virtual time at 10,000
 * requests per second (about 600,000 requests), once per strategy, from a cold cache.
 */
import { stampedeExperiment } from '../../src/sim/models/stampede/experiments';
import { STRATEGIES, stampedeExperimentParams } from '../../src/sim/models/stampede/meta';
import type { Bench } from './types';

const TARGET_MS = 1000;

const params = (strategy: string, durationMs: number) =>
  stampedeExperimentParams.parse({ strategy, rate: 10_000, durationMs });

export const stampedeBenches: Bench[] = STRATEGIES.map((strategy) => ({
  name: `stampede experiment, ${strategy}: 60 s at 10,000 req/s`,
  target: `<= ${TARGET_MS} ms`,
  meets: (ms: number) => ms <= TARGET_MS,
  run() {
    stampedeExperiment.run(params(strategy, 5000));
    const start = performance.now();
    const r = stampedeExperiment.run(params(strategy, 60_000));
    const ms = performance.now() - start;
    const perSec = Math.round(r.requests / (ms / 1000));
    return {
      value: Math.round(ms),
      unit: 'ms',
      note: `${r.requests} requests, ${r.dbQueries} DB queries, ${perSec.toLocaleString('en-US')} requests/s`,
    };
  },
}));
