/**
 * Checks for traffic-tail.md. The learner plays the #tail widget for a minute, then switches to
 * exponential service times (60 s here) and watches another minute. Percentiles come from the
 * model's histogram of answered requests (within about 1% of the exact ones).
 */
import { between, claim, defineClaims } from '../src/lessons/claims/define';
import type { Sim } from '../src/sim/core/sim';
import { clear, quantile } from '../src/sim/models/traffic/hist';
import type { TrafficState } from '../src/sim/models/traffic/types';

const SWITCH_MS = 60_000;
const EXP = { at: SWITCH_MS, action: 'set', params: { serviceDist: 'exponential' } };
const state = (sim: Sim) => sim.state as TrafficState;
const ms = (x: number) => `${Math.round(x)} ms`;

/** The first minute with the mixture. */
async function mixture(sim: Promise<Sim>) {
  const s = await sim;
  s.runUntil(SWITCH_MS);
  return state(s);
}

export default defineClaims({
  mean: claim({
    says: 'the mean time per request with the mixture is several times the 10 ms mean work (head-of-line blocking)',
    measure: async (ctx) => {
      const s = await mixture(ctx.sim('tail', []));
      return s.totals.latencySumMs / s.totals.answered;
    },
    holds: between(30, 60),
    show: ms,
  }),
  p50: claim({
    says: 'the median is below the mean',
    measure: async (ctx) => quantile((await mixture(ctx.sim('tail', []))).runHist, 0.5),
    holds: between(3, 15),
    show: ms,
  }),
  'q-p99': claim({
    says: 'the p99 is far above the mean: well over 100 ms',
    measure: async (ctx) => quantile((await mixture(ctx.sim('tail', []))).runHist, 0.99),
    holds: between(300, 900),
    show: ms,
  }),
  'p99-again': claim({
    says: 'the same p99 as #q-p99',
    measure: async (ctx) => quantile((await mixture(ctx.sim('tail', []))).runHist, 0.99),
    holds: between(300, 900),
    show: ms,
  }),
  p999: claim({
    says: 'the p99.9 is higher still',
    measure: async (ctx) => quantile((await mixture(ctx.sim('tail', []))).runHist, 0.999),
    holds: between(500, 1500),
    show: ms,
  }),
  'q-exp': claim({
    says: 'with exponential service of the same mean the p99 drops to well under half',
    measure: async (ctx) => {
      const sim = await ctx.sim('tail', [EXP]);
      sim.runUntil(SWITCH_MS + 5000);
      clear(state(sim).runHist);
      sim.runUntil(SWITCH_MS + 65_000);
      const expP99 = quantile(state(sim).runHist, 0.99);
      const mixP99 = quantile((await mixture(ctx.sim('tail', []))).runHist, 0.99);
      return expP99 < mixP99 / 2 ? expP99 : -1;
    },
    holds: between(20, 100),
    show: ms,
  }),
});
