/**
 * Checks for traffic-balancing.md. The learner plays the #lb widget for a minute, switches to two
 * random choices (60 s here) and watches another minute; in #slow they switch to least
 * outstanding after the slowdown (10 s here).
 */
import { between, claim, defineClaims, percent } from '../src/lessons/claims/define';
import type { Sim } from '../src/sim/core/sim';
import type { LatencyResult } from '../src/sim/models/traffic/experimentMeta';
import type { TrafficState } from '../src/sim/models/traffic/types';

const SWITCH_MS = 60_000;
const TWO = { at: SWITCH_MS, action: 'set', params: { balancer: 'twoChoices' } };
const LEAST_AT_MS = 10_000;
const LEAST = { at: LEAST_AT_MS, action: 'set', params: { balancer: 'leastOutstanding' } };

const state = (sim: Sim) => sim.state as TrafficState;

/** The longest queue any instance had between `from` and `to`, from the per-second ring. */
function longestBetween(sim: Sim, from: number, to: number): number {
  let longest = 0;
  for (let t = from + 1000; t <= to; t += 1000) {
    sim.runUntil(t);
    longest = Math.max(longest, state(sim).seconds.at(-1)!.queueMax);
  }
  return longest;
}

/** Share of requests that ended timed out between `from` and `to`. */
function timeoutShare(sim: Sim, from: number, to: number): number {
  sim.runUntil(from);
  const t0 = { ...state(sim).totals };
  sim.runUntil(to);
  const t1 = state(sim).totals;
  const ended = (t: typeof t0) => t.answered + t.failed + t.timedOut;
  return (t1.timedOut - t0.timedOut) / (ended(t1) - ended(t0));
}

type Swept = { value: unknown; result: unknown }[];
const p99 = (runs: Swept, b: string) =>
  (runs.find((r) => r.value === b)!.result as LatencyResult).p99Ms;
const ms = (x: number) => `${Math.round(x)} ms`;

export default defineClaims({
  'q-random': claim({
    says: 'with random balancing at 90% the longest queue reaches several dozen in a minute',
    measure: async (ctx) => longestBetween(await ctx.sim('lb', []), 0, SWITCH_MS),
    holds: between(30, 150),
    show: String,
  }),
  'q-two': claim({
    says: 'with two random choices the longest queue over the next minute is a small fraction',
    measure: async (ctx) => longestBetween(await ctx.sim('lb', [TWO]), SWITCH_MS, SWITCH_MS + 60_000),
    holds: between(3, 20),
    show: String,
  }),
  'exp-random': claim({
    says: 'p99 at 90% with random balancing',
    measure: async (ctx) => p99(await ctx.lessonExperiment('traffic-latency'), 'random'),
    holds: between(250, 800),
    show: ms,
  }),
  'exp-rr': claim({
    says: 'p99 at 90% with round robin, below random',
    measure: async (ctx) => p99(await ctx.lessonExperiment('traffic-latency'), 'roundRobin'),
    holds: between(120, 400),
    show: ms,
  }),
  'exp-two': claim({
    says: 'p99 at 90% with two random choices, below round robin',
    measure: async (ctx) => p99(await ctx.lessonExperiment('traffic-latency'), 'twoChoices'),
    holds: between(70, 160),
    show: ms,
  }),
  'exp-least': claim({
    says: 'p99 at 90% with least outstanding, the lowest',
    measure: async (ctx) => {
      const runs = await ctx.lessonExperiment('traffic-latency');
      const least = p99(runs, 'leastOutstanding');
      return least < p99(runs, 'twoChoices') ? least : -1;
    },
    holds: between(50, 140),
    show: ms,
  }),
  'q-slow': claim({
    says: 'under round robin with I1 five times slower, about a quarter of requests time out',
    measure: async (ctx) => timeoutShare(await ctx.sim('slow', []), 10_000, 40_000),
    holds: between(0.2, 0.3),
    show: percent(0),
  }),
  'slow-lo-timeouts': claim({
    says: 'after switching to least outstanding and the backlog draining, no request times out',
    measure: async (ctx) => timeoutShare(await ctx.sim('slow', [LEAST]), 20_000, 60_000),
    holds: (x) => x === 0,
  }),
});
