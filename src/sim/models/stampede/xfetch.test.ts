/**
 * XFetch recomputes early at the rate its formula predicts. A read at time t before expiry E
 * recomputes with probability exp(-(E - t) / c), c = delta * beta. With reads arriving as a
 * Poisson process of rate lambda over a value that lives T ms, early recomputations form a thinned
 * Poisson process of intensity lambda * exp(-x / c) in the remaining time x, so the remaining
 * time X at the first one (X = 0 when none happens before expiry) has the distribution
 *   P(X <= x) = exp(-lambda * c * (exp(-x / c) - exp(-T / c))),  0 <= x < T.
 */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../core/rng';
import { Sim } from '../../core/sim';
import { stampedeParams } from './meta';
import { stampedeModel } from './model';
import { xfetchEarly } from './requests';
import type { State } from './state';

/** Kolmogorov-Smirnov distance between samples and a CDF that may jump at 0. */
function ksDistance(samples: number[], cdf: (x: number) => number): number {
  const xs = [...samples].sort((a, b) => a - b);
  const n = xs.length;
  let d = 0;
  for (let i = 0; i < n;) {
    let j = i;
    while (j < n && xs[j] === xs[i]) j++;
    const x = xs[i]!;
    const below = x === 0 ? 0 : cdf(x);
    d = Math.max(d, Math.abs(i / n - below), Math.abs(j / n - cdf(x)));
    i = j;
  }
  return d;
}

/** Critical KS distance at significance 0.001 (asymptotic, conservative for a CDF with a jump). */
const ksCritical = (n: number): number => 1.949 / Math.sqrt(n);

interface Setup {
  rate: number;
  ttlMs: number;
  recomputeMs: number;
  beta: number;
}

/**
 * Runs one key under xfetch and returns, for each cached value, the remaining time at its first
 * early recomputation (0 if it expired first). Values overwritten before either (by a second
 * recomputation finishing) are censored and left out.
 */
function firstEarlyRemaining(setup: Setup, untilMs: number, seed: number): number[] {
  const params = stampedeParams.parse({
    strategy: 'xfetch',
    keys: 1,
    dbConcurrency: 1000,
    timeoutMs: 60_000,
    ...setup,
  });
  const sim = new Sim(stampedeModel, { model: 'stampede', params, seed, inputs: [] });
  const s = sim.state as State;
  const out: number[] = [];
  let current = s.expiresAt[0]!;
  let resolved = false;
  let early = 0;
  let queries = 0;
  while (sim.now < untilMs && sim.step()) {
    const expiry = s.expiresAt[0]!;
    const newEarly = s.totals.earlyRecomputes !== early;
    const newQuery = s.totals.dbQueries !== queries;
    early = s.totals.earlyRecomputes;
    queries = s.totals.dbQueries;
    if (expiry !== current) {
      current = expiry;
      resolved = false;
    } else if (!resolved && current !== -Infinity) {
      if (newEarly) out.push(current - sim.now);
      else if (newQuery && sim.now >= current) out.push(0);
      resolved = newEarly || (newQuery && sim.now >= current);
    }
  }
  return out;
}

describe('xfetch', () => {
  it('decides with probability exp(-gap / (delta * beta)) (the published rule)', () => {
    const rng = new Rng(7);
    const deltaMs = 20;
    const beta = 2.5;
    const n = 20_000;
    for (const gap of [0, 10, 50, 100, 200]) {
      let hits = 0;
      for (let i = 0; i < n; i++)
        if (xfetchEarly(1000 - gap, 1000, deltaMs, beta, rng.floatOpenZero())) hits++;
      const p = Math.exp(-gap / (deltaMs * beta));
      // 4.5 standard errors: a false alarm about once in 150,000 checks.
      expect(Math.abs(hits / n - p)).toBeLessThanOrEqual(
        4.5 * Math.sqrt((p * (1 - p)) / n) + 1 / n,
      );
    }
  });

  it('never recomputes early with beta 0 and always at or after expiry', () => {
    expect(xfetchEarly(999.999, 1000, 100, 0, 1e-9)).toBe(false);
    expect(xfetchEarly(1000, 1000, 100, 0, 0.5)).toBe(true);
  });

  it('matches the predicted distribution of early-recompute times in the simulation', () => {
    const setup = { rate: 100, ttlMs: 500, recomputeMs: 5, beta: 10 };
    const lambda = setup.rate / 1000;
    const cdf = (c: number) => (x: number) =>
      Math.exp(-lambda * c * (Math.exp(-x / c) - Math.exp(-setup.ttlMs / c)));
    const samples = firstEarlyRemaining(setup, 900_000, 11);
    const n = samples.length;
    expect(n).toBeGreaterThan(1500);
    const c = setup.recomputeMs * setup.beta;
    const d = ksDistance(samples, cdf(c));
    expect(d, `KS distance ${d.toFixed(4)} with n = ${n}, seed 11`).toBeLessThan(ksCritical(n));
    // The test has power: a quarter more (or less) eagerness is rejected.
    expect(ksDistance(samples, cdf(c * 1.25))).toBeGreaterThan(ksCritical(n));
    expect(ksDistance(samples, cdf(c * 0.8))).toBeGreaterThan(ksCritical(n));
  });
});
