/** What each strategy does to the herd, checked on small workloads with fixed seeds. */
import { describe, expect, it } from 'vitest';
import { runStampede, summarizeRun } from './experiments';
import type { StampedeParams } from './meta';

const run = (params: Partial<StampedeParams>, durationMs: number, seed = 1) => {
  const s = runStampede(params, seed, durationMs);
  return { ...summarizeRun(s, s.recorder!), state: s };
};

/** One hot key, a database that never queues: the herd is purely arrivals x recompute time. */
const oneKey = { keys: 1, dbConcurrency: 1000, ttlMs: 1000, timeoutMs: 60_000 };

describe('none', () => {
  it('herds: recomputations per expiry grow with rate x recomputeMs (about 1 + both)', () => {
    const herd = (rate: number, recomputeMs: number) =>
      run({ ...oneKey, strategy: 'none', rate, recomputeMs }, 20_000).recomputesPerExpiry;
    const byRate = [250, 500, 1000, 2000].map((rate) => herd(rate, 100));
    const byTime = [50, 100, 200].map((ms) => herd(1000, ms));
    for (let i = 1; i < byRate.length; i++) expect(byRate[i]).toBeGreaterThan(byRate[i - 1]!);
    for (let i = 1; i < byTime.length; i++) expect(byTime[i]).toBeGreaterThan(byTime[i - 1]!);
    // Everyone arriving while the first recomputation runs misses too: 1 + rate x time on average.
    const expected = [
      ...[250, 500, 1000, 2000].map((r) => 1 + (r * 100) / 1000),
      ...[50, 100, 200].map((ms) => 1 + ms),
    ];
    [...byRate, ...byTime].forEach((h, i) => {
      expect(h / expected[i]!, `herd ${h} vs ${expected[i]}`).toBeGreaterThan(0.85);
      expect(h / expected[i]!, `herd ${h} vs ${expected[i]}`).toBeLessThan(1.15);
    });
  });
});

describe('strategies that coordinate', () => {
  const hot = { ...oneKey, rate: 2000, recomputeMs: 100 };

  it('lock, lease and singleflight recompute a hot key once per expiry; none does not', () => {
    const none = run({ ...hot, strategy: 'none' }, 20_000);
    expect(none.peakRecomputesPerKey).toBeGreaterThan(100);
    expect(none.peakDbConcurrency).toBeGreaterThan(100);
    for (const strategy of ['lock', 'lease', 'singleflight'] as const) {
      const r = run({ ...hot, strategy }, 20_000);
      expect(r.recomputesPerExpiry, strategy).toBe(1);
      expect(r.peakRecomputesPerKey, strategy).toBe(1);
      expect(r.peakDbConcurrency, strategy).toBe(1);
      expect(r.dbQueries, strategy).toBeLessThan(none.dbQueries / 50);
      expect(r.timeouts, strategy).toBe(0);
    }
  });

  it('bound the database to one query per key over many keys', () => {
    const many = {
      keys: 50,
      zipfS: 1,
      rate: 5000,
      ttlMs: 500,
      recomputeMs: 50,
      dbConcurrency: 1000,
    };
    for (const strategy of ['lock', 'lease', 'singleflight'] as const) {
      const r = run({ ...many, strategy }, 10_000);
      expect(r.peakRecomputesPerKey, strategy).toBe(1);
      expect(r.peakDbConcurrency, strategy).toBeLessThanOrEqual(50);
    }
    expect(run({ ...many, strategy: 'none' }, 10_000).peakDbConcurrency).toBeGreaterThan(50);
  });

  it('lease: a holder slower than leaseMs loses its token and its set is refused', () => {
    const slow = {
      ...hot,
      strategy: 'lease' as const,
      recomputeMs: 400,
      staleMs: 0,
      timeoutMs: 1000,
    };
    const ok = run({ ...slow, leaseMs: 500 }, 5000);
    expect(ok.state.totals.rejectedSets).toBe(0);
    expect(ok.peakRecomputesPerKey).toBe(1);
    // Every new token voids the previous one before it can set: the key is never filled. This is
    // why memcache hands out a token at most once every 10 s, far above any recompute time.
    const short = run({ ...slow, leaseMs: 150 }, 5000);
    expect(short.state.totals.rejectedSets).toBeGreaterThan(0);
    expect(short.peakRecomputesPerKey).toBe(Math.ceil(400 / 150));
    expect(short.hitRatio).toBe(0);
  });
});

describe('swr', () => {
  it('serves stale values during refreshes with no latency spike', () => {
    const warm = { ...oneKey, rate: 2000, recomputeMs: 100, warmStart: true };
    const swr = run({ ...warm, strategy: 'swr' }, 20_000);
    expect(swr.latencyMs.max).toBe(0);
    expect(swr.timeouts).toBe(0);
    expect(swr.staleRatio).toBeGreaterThan(0.05);
    expect(swr.recomputesPerExpiry).toBe(1);
    const none = run({ ...warm, strategy: 'none' }, 20_000);
    expect(none.latencyMs.p99).toBeGreaterThanOrEqual(100);
  });

  it('does not help a cold start: with nothing stale, misses go to the database', () => {
    const cold = run({ ...oneKey, rate: 2000, recomputeMs: 100, strategy: 'swr' }, 500);
    expect(cold.peakRecomputesPerKey).toBeGreaterThan(100);
  });
});

describe('jitter', () => {
  const fill = {
    keys: 200,
    zipfS: 0,
    rate: 4000,
    ttlMs: 5000,
    recomputeMs: 20,
    dbConcurrency: 1000,
    jitterPct: 50,
  };
  const spread = (a: Float64Array) => {
    const mean = a.reduce((x, y) => x + y, 0) / a.length;
    return Math.sqrt(a.reduce((x, y) => x + (y - mean) ** 2, 0) / a.length);
  };

  it('spreads the expiries of keys filled together, keeping the mean TTL', () => {
    const none = run({ ...fill, strategy: 'none' }, 12_000);
    const jitter = run({ ...fill, strategy: 'jitter' }, 12_000);
    const sNone = spread(none.state.expiresAt);
    const sJitter = spread(jitter.state.expiresAt);
    // One uniform draw over 50% of 5 s alone has a spread of 2500 / sqrt(12) ~ 720 ms.
    expect(sJitter).toBeGreaterThan(700);
    expect(sJitter).toBeGreaterThan(5 * sNone);
    expect(Math.abs(jitter.hitRatio - none.hitRatio)).toBeLessThan(0.02);
  });
});
