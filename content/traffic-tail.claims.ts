/**
 * Checks for traffic-tail.md. The learner plays the #tail widget for a minute, then switches to
 * exponential service times (60 s here) and watches another minute. Percentiles come from the
 * model's histogram of answered requests (within about 1% of the exact ones).
 */
import { between, claim, defineClaims } from '../src/lessons/claims/define';
import type { ClaimContext } from '../src/lessons/claims/define';
import type { Sim } from '../src/sim/core/sim';
import { clear, quantile } from '../src/sim/models/traffic/hist';
import type { TrafficState } from '../src/sim/models/traffic/types';

const SWITCH_MS = 60_000;
const EXP = { at: SWITCH_MS, action: 'set', params: { serviceDist: 'exponential' } };
const state = (sim: Sim) => sim.state as TrafficState;
const ms = (x: number) => `${Math.round(x)} ms`;

/** The first minute with the mixture, played once per lesson check and shared by its claims. */
const minutes = new WeakMap<ClaimContext, Promise<TrafficState>>();
function mixture(ctx: ClaimContext): Promise<TrafficState> {
  let p = minutes.get(ctx);
  if (!p)
    minutes.set(
      ctx,
      (p = ctx.sim('tail', []).then((s) => {
        s.runUntil(SWITCH_MS);
        return state(s);
      })),
    );
  return p;
}

export default defineClaims({
  mean: claim({
    says: 'the mean time per request with the mixture is several times the 10 ms mean work (head-of-line blocking)',
    measure: async (ctx) => {
      const s = await mixture(ctx);
      return s.totals.latencySumMs / s.totals.answered;
    },
    holds: between(30, 60),
    show: ms,
  }),
  p50: claim({
    says: 'the median is below the mean',
    measure: async (ctx) => quantile((await mixture(ctx)).runHist, 0.5),
    holds: between(3, 15),
    show: ms,
  }),
  'q-p99': claim({
    says: 'the p99 is far above the mean: well over 100 ms',
    measure: async (ctx) => quantile((await mixture(ctx)).runHist, 0.99),
    holds: between(300, 900),
    show: ms,
  }),
  'p99-again': claim({
    says: 'the same p99 as #q-p99',
    measure: async (ctx) => quantile((await mixture(ctx)).runHist, 0.99),
    holds: between(300, 900),
    show: ms,
  }),
  p999: claim({
    says: 'the p99.9 is higher still',
    measure: async (ctx) => quantile((await mixture(ctx)).runHist, 0.999),
    holds: between(500, 1500),
    show: ms,
  }),
  'q-page': claim({
    says: "in most seconds of the first minute the p99.9 (that second's slowest request or two) is above 100 ms, the p50 under 20 ms",
    measure: async (ctx) => {
      const secs = (await mixture(ctx)).seconds.filter((x) => x.t < SWITCH_MS);
      const p50s = secs.map((x) => x.p50).filter((x) => !Number.isNaN(x));
      return [secs.filter((x) => x.p999 > 100).length, secs.length, Math.max(...p50s)];
    },
    holds: ([slow, all, p50]) => all! >= 59 && slow! >= 0.65 * all! && p50! < 20,
    show: ([slow, all]) => `${slow} of ${all}`,
  }),
  'q-exp': claim({
    says: 'with exponential service of the same mean the p99 drops to well under half',
    measure: async (ctx) => {
      const sim = await ctx.sim('tail', [EXP]);
      sim.runUntil(SWITCH_MS + 5000);
      clear(state(sim).runHist);
      sim.runUntil(SWITCH_MS + 65_000);
      const expP99 = quantile(state(sim).runHist, 0.99);
      const mixP99 = quantile((await mixture(ctx)).runHist, 0.99);
      return expP99 < mixP99 / 2 ? expP99 : -1;
    },
    holds: between(20, 100),
    show: ms,
  }),
});
