/**
 * Checks for traffic-queues.md. The learner plays the one-instance widget (70 req/s), then sets
 * the rate to 90 a few seconds in (10 s here). Means are over a minute after any warm-up.
 */
import { between, claim, defineClaims, fixed } from '../src/lessons/claims/define';
import type { LatencyResult } from '../src/sim/models/traffic/experimentMeta';
import type { TrafficState } from '../src/sim/models/traffic/types';
import type { Sim } from '../src/sim/core/sim';

const SET_AT_MS = 10_000;
const NINETY = { at: SET_AT_MS, action: 'set', params: { rateRps: 90 } };

/** Mean latency (ms) of the requests answered between `from` and `to`. */
function meanBetween(sim: Sim, from: number, to: number): number {
  const s = () => sim.state as TrafficState;
  sim.runUntil(from);
  const [n0, sum0] = [s().totals.answered, s().totals.latencySumMs];
  sim.runUntil(to);
  return (s().totals.latencySumMs - sum0) / (s().totals.answered - n0);
}

type Swept = { value: unknown; result: unknown }[];
const at = (runs: Swept, u: number) => (runs.find((r) => r.value === u)!.result as LatencyResult).meanMs;
const ms = (x: number) => `${Math.round(x)} ms`;

export default defineClaims({
  'q-mean': claim({
    says: 'at 70% busy the mean time per request is about 33 ms (M/M/1)',
    measure: async (ctx) => meanBetween(await ctx.sim('one', []), 5000, 65_000),
    holds: between(29, 38),
    show: ms,
  }),
  'q-ninety': claim({
    says: 'at 90% busy the mean is about 100 ms, three times the mean at 70%',
    measure: async (ctx) => meanBetween(await ctx.sim('one', [NINETY]), SET_AT_MS + 5000, SET_AT_MS + 65_000),
    holds: between(75, 130),
    show: ms,
  }),
  'mean-90-again': claim({
    says: 'the same minute at 90% as #q-ninety',
    measure: async (ctx) => meanBetween(await ctx.sim('one', [NINETY]), SET_AT_MS + 5000, SET_AT_MS + 65_000),
    holds: between(75, 130),
    show: ms,
  }),
  'little-lw': claim({
    says: 'lambda times W for that minute: 90 req/s times its mean time in the system',
    measure: async (ctx) =>
      (90 * meanBetween(await ctx.sim('one', [NINETY]), SET_AT_MS + 5000, SET_AT_MS + 65_000)) / 1000,
    holds: between(7, 12),
    show: fixed(1),
  }),
  'queue-90': claim({
    says: 'at 90% busy the queue of I0 reaches dozens of requests within the minute',
    measure: async (ctx) => {
      const r = await ctx.run('one', [NINETY], SET_AT_MS + 65_000);
      return (r.sim.state as TrafficState).totals.maxQueue;
    },
    holds: between(20, 300),
  }),
  'exp-50': claim({
    says: 'the experiment at 50% gives a mean of about 20 ms',
    measure: async (ctx) => at(await ctx.lessonExperiment('traffic-latency'), 0.5),
    holds: between(18, 22),
    show: ms,
  }),
  'exp-80': claim({
    says: 'the experiment at 80% gives a mean of about 50 ms, five times the work',
    measure: async (ctx) => at(await ctx.lessonExperiment('traffic-latency'), 0.8),
    holds: between(42, 58),
    show: ms,
  }),
  'exp-95': claim({
    says: 'the experiment at 95% gives a mean of about 200 ms or more',
    measure: async (ctx) => at(await ctx.lessonExperiment('traffic-latency'), 0.95),
    holds: between(150, 300),
    show: ms,
  }),
  'little-l': claim({
    says: "at 90 req/s and about 100 ms each, about 9 requests are in the system (Little's law)",
    measure: async (ctx) => {
      const sim = await ctx.sim('one', [NINETY]);
      const s = () => sim.state as TrafficState;
      sim.runUntil(SET_AT_MS + 5000);
      const a0 = s().totals.inSystemArea;
      sim.runUntil(SET_AT_MS + 65_000);
      return (s().totals.inSystemArea - a0) / 60_000;
    },
    holds: between(7, 12),
    show: fixed(1),
  }),
});
