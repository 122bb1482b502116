/**
 * The frame the views draw (sent 60 times a second, so small and bounded: at most 120 sampled
 * requests, 5 hot keys and 100 history slots) and the metrics the host samples.
 */
import { readHistory, type HistoryView } from './history';
import type { StampedeParams, Strategy } from './meta';
import { HOT, SAMPLES, dbQueueLength, type SampledRequest, type State } from './state';
import { C_ARRIVED, C_DB, C_FINISHED, C_HITS, C_STALE, summarize } from './window';
import { zipfTable } from './zipf';

export interface HotKeyView {
  key: number;
  /** Share of requests that ask for this key. */
  share: number;
  /** When the cached value expires (or expired); null when nothing is cached. */
  expiresAt: number | null;
  /** swr and lease: until when the expired value may still be served; otherwise null. */
  staleUntil: number | null;
  /** Recomputations of this key running now (queued or in the database). */
  inFlight: number;
  /** Recomputations in the key's last finished episode (the last herd). */
  lastHerd: number;
}

export interface StampedeView {
  t: number;
  /** The params in effect (actions record theirs with ctx.patchParams). */
  strategy: Strategy;
  rate: number;
  recomputeMs: number;
  dbConcurrency: number;
  ttlMs: number;
  timeoutMs: number;
  keys: number;
  /** Recently sampled requests (every ceil(rate / 80)-th arrival, so about 80 per virtual second), oldest first. */
  requests: SampledRequest[];
  db: { running: number; queue: number; capacity: number };
  hotKeys: HotKeyView[];
  /** Last 10 s in 100 ms slots: peak DB running/queued, peak in flight per hot key. */
  history: HistoryView;
  /** Over the last second, except the totals. */
  stats: {
    hitRatio: number;
    latencyP50Ms: number;
    latencyP99Ms: number;
    requestsPerSec: number;
    dbQueriesPerSec: number;
    totalRequests: number;
    totalDbQueries: number;
    totalTimeouts: number;
  };
}

export function buildView(s: State, now: number, p: StampedeParams): StampedeView {
  const requests: SampledRequest[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const rec = s.samples[(s.sampleNext + i) % SAMPLES];
    if (rec) requests.push({ ...rec });
  }
  const table = zipfTable(s.keys, p.zipfS);
  const staleMs = p.strategy === 'swr' || p.strategy === 'lease' ? p.staleMs : null;
  const hotKeys: HotKeyView[] = [];
  for (let k = 0; k < Math.min(HOT, s.keys); k++) {
    const exp = s.expiresAt[k]!;
    const cached = exp !== -Infinity;
    hotKeys.push({
      key: k,
      share: table.p[k]!,
      expiresAt: cached ? exp : null,
      staleUntil: cached && staleMs !== null ? exp + staleMs : null,
      inFlight: s.inflight[k]!,
      lastHerd: s.hot[k]!.lastHerd,
    });
  }
  const m = liveStats(s, now);
  return {
    t: now,
    strategy: p.strategy,
    rate: p.rate,
    recomputeMs: p.recomputeMs,
    dbConcurrency: p.dbConcurrency,
    ttlMs: p.ttlMs,
    timeoutMs: p.timeoutMs,
    keys: s.keys,
    requests,
    db: { running: s.dbRunning, queue: dbQueueLength(s), capacity: p.dbConcurrency },
    hotKeys,
    history: readHistory(s, now),
    stats: {
      hitRatio: m.hitRatio,
      latencyP50Ms: m.latencyP50Ms,
      latencyP99Ms: m.latencyP99Ms,
      requestsPerSec: m.requestsPerSec,
      dbQueriesPerSec: m.dbQueriesPerSec,
      totalRequests: s.totals.arrived,
      totalDbQueries: s.totals.dbQueries,
      totalTimeouts: s.totals.timeouts,
    },
  };
}

function liveStats(s: State, now: number) {
  const w = summarize(s.window, now);
  const finished = w.counts[C_FINISHED]!;
  const perSec = 1000 / w.spanMs;
  return {
    hitRatio: finished ? (w.counts[C_HITS]! + w.counts[C_STALE]!) / finished : NaN,
    latencyP50Ms: w.p50,
    latencyP99Ms: w.p99,
    requestsPerSec: w.counts[C_ARRIVED]! * perSec,
    dbQueriesPerSec: w.counts[C_DB]! * perSec,
  };
}

/** The metrics the host samples over time. */
export function stampedeMetrics(s: State, now: number): Record<string, number> {
  // Whichever is shorter: the keys, or the queries in flight.
  let maxPerKey = 0;
  const inflight = s.inflight;
  if (s.jobs.size < inflight.length) {
    for (const job of s.jobs.values())
      if (!job.orphan && inflight[job.key]! > maxPerKey) maxPerKey = inflight[job.key]!;
  } else
    for (let k = 0; k < inflight.length; k++)
      if (inflight[k]! > maxPerKey) maxPerKey = inflight[k]!;
  return {
    ...liveStats(s, now),
    dbInFlight: s.dbRunning,
    dbQueue: dbQueueLength(s),
    recomputesInFlight: maxPerKey,
    timeouts: s.totals.timeouts,
  };
}
