/**
 * Checks for traffic-ratelimit.md. Both widgets play their presets (the burst is from 10 s to
 * 13 s, in the params); nothing else is needed from the learner.
 */
import { between, claim, defineClaims, percent } from '../src/lessons/claims/define';
import type { TrafficState } from '../src/sim/models/traffic/types';

const BURST_MS = 10_000;
const BURST_END_MS = 13_000;
const state = (x: unknown) => x as TrafficState;

export default defineClaims({
  'q-open': claim({
    says: 'without a limit many requests time out in the ten seconds from the start of the burst',
    measure: async (ctx) => {
      const sim = await ctx.sim('open', []);
      sim.runUntil(BURST_MS);
      const t0 = state(sim.state).totals.timedOut;
      sim.runUntil(BURST_MS + 10_000);
      return state(sim.state).totals.timedOut - t0;
    },
    holds: between(200, 2000),
    show: String,
  }),
  'open-drain': claim({
    says: 'without a limit the queues take seconds after the burst to empty',
    measure: async (ctx) => {
      const sim = await ctx.sim('open', []);
      for (let t = BURST_END_MS + 1000; t <= BURST_END_MS + 20_000; t += 1000) {
        sim.runUntil(t);
        if (state(sim.state).seconds.at(-1)!.queueMax <= 5) return t - 1000 - BURST_END_MS;
      }
      return -1;
    },
    holds: between(1000, 10_000),
    show: (ms) => `${ms / 1000} s`,
  }),
  'q-limited': claim({
    says: 'with the token bucket about 40% of the tries during the burst are rejected',
    measure: async (ctx) => {
      const r = await ctx.run('limited', [], BURST_END_MS);
      const burst = state(r.sim.state).seconds.filter((x) => x.t >= BURST_MS);
      const limited = burst.reduce((n, x) => n + x.limited, 0);
      const tries = burst.reduce((n, x) => n + x.tries, 0);
      return limited / tries;
    },
    holds: between(0.3, 0.5),
    show: percent(0),
  }),
  'limited-p99': claim({
    says: 'with the token bucket the p99 stays low through the burst',
    measure: async (ctx) => {
      const r = await ctx.run('limited', [], BURST_END_MS + 5000);
      const s = state(r.sim.state).seconds.filter((x) => x.t >= BURST_MS - 1000);
      return Math.max(...s.map((x) => x.p99));
    },
    holds: between(20, 200),
    show: (ms) => `${Math.round(ms)} ms`,
  }),
  'limited-timeouts': claim({
    says: 'with the token bucket no request times out',
    measure: async (ctx) => {
      const r = await ctx.run('limited', [], BURST_END_MS + 10_000);
      return state(r.sim.state).totals.timedOut;
    },
    holds: (n) => n === 0,
  }),
});
