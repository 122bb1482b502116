/**
 * The `stampede` experiment: one workload from a cold cache under one strategy (the browser sweeps
 * all seven). It runs the model itself in the kernel, so the numbers are the live view's numbers;
 * a recorder attached to the state keeps exact latencies and every recomputation's interval.
 */
import { Sim, type SimOptions } from '../../core/sim';
import type { ExperimentDef } from '../../core/types';
import { episodeStats, keyPerEpisode } from './episodes';
import {
  stampedeExperimentMeta,
  stampedeParams,
  type StampedeExperimentParams,
  type StampedeParams,
  type StampedeResult,
} from './meta';
import { stampedeModel } from './model';
import { createRecorder, type EarlyPolicy, type Recorder, type State } from './state';

/** Nearest-rank quantile over `zeros` zero latencies plus the sorted non-zero ones. */
function quantile(zeros: number, sorted: Float64Array, q: number): number {
  const n = zeros + sorted.length;
  if (n === 0) return NaN;
  const rank = Math.max(1, Math.ceil(q * n));
  return rank <= zeros ? 0 : sorted[rank - zeros - 1]!;
}

export function summarizeRun(s: State, r: Recorder): StampedeResult {
  const t = s.totals;
  // Most requests are hits with zero latency: only the others need sorting.
  const sorted = r.latencies.slice(0, r.nLatencies).sort();
  const ep = episodeStats(r.ivKey, r.ivStart, r.ivEnd, r.nIntervals);
  return {
    requests: t.arrived,
    dbQueries: t.dbQueries,
    peakDbConcurrency: t.peakDbRunning,
    peakDbQueue: t.peakDbQueue,
    episodes: ep.episodes,
    recomputesPerExpiry: ep.perEpisode,
    hotKeyRecomputesPerExpiry: keyPerEpisode(ep, 0),
    peakRecomputesPerKey: t.peakPerKey,
    hitRatio: t.finished ? (t.hits + t.stale) / t.finished : 0,
    staleRatio: t.finished ? t.stale / t.finished : 0,
    earlyRecomputes: t.earlyRecomputes,
    latencyMs: {
      p50: quantile(r.zeros, sorted, 0.5),
      p99: quantile(r.zeros, sorted, 0.99),
      max: r.maxLatency,
    },
    timeouts: t.timeouts,
  };
}

/**
 * Runs the model for `durationMs` with the recorder on and returns the final state. `params` may
 * leave out anything with a default (the experiment passes the model's advanced params that way).
 * `earlyPolicy` replaces XFetch's test under the xfetch strategy (the code lab's learner rule).
 */
export function runStampede(
  params: Partial<StampedeParams>,
  seed: number,
  durationMs: number,
  onProgress?: (done: number, total: number) => void,
  options: SimOptions = {},
  earlyPolicy: EarlyPolicy | null = null,
): State {
  const sim = new Sim(
    stampedeModel,
    { model: 'stampede', params: stampedeParams.parse(params), seed, inputs: [] },
    { checkInvariants: false, keepLog: false, ...options },
  );
  const state = sim.state as State;
  state.recorder = createRecorder();
  state.earlyPolicy = earlyPolicy;
  const chunkMs = 1000;
  for (let t = 0; t < durationMs;) {
    t = Math.min(durationMs, t + chunkMs);
    sim.runUntil(t);
    onProgress?.(t, durationMs);
  }
  return state;
}

export const stampedeExperiment: ExperimentDef<StampedeExperimentParams, StampedeResult> = {
  meta: stampedeExperimentMeta,
  run(p, onProgress) {
    const { durationMs, seed, ...params } = p;
    const s = runStampede(params, seed, durationMs, onProgress);
    return summarizeRun(s, s.recorder!);
  },
};

export const stampedeExperiments = [stampedeExperiment];
