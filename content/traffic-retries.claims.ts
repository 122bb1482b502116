/**
 * Checks for traffic-retries.md. The learner plays the #storm widget a few seconds, pauses every
 * instance for 2 s (at 5 s here), and later turns on the retry budget (at 30 s here). The
 * experiment runs as the lesson's directive does (its default sweep over retry policies).
 */
import { between, claim, defineClaims, fixed, percent, whenTrue } from '../src/lessons/claims/define';
import type { Sim } from '../src/sim/core/sim';
import type { RetriesResult } from '../src/sim/models/traffic/experimentMeta';
import type { TrafficState } from '../src/sim/models/traffic/types';

const PAUSE = { at: 5000, action: 'pause', ms: 2000 };
const BUDGET_AT_MS = 30_000;
const BUDGET = { at: BUDGET_AT_MS, action: 'set', params: { retryBudget: true } };

const totals = (sim: Sim) => ({ ...(sim.state as TrafficState).totals });

/** Totals over [from, to): how many requests started, were answered, and how many tries. */
function window(sim: Sim, from: number, to: number) {
  sim.runUntil(from);
  const a = totals(sim);
  sim.runUntil(to);
  const b = totals(sim);
  return { started: b.started - a.started, answered: b.answered - a.answered, tries: b.tries - a.tries };
}

type Swept = { value: unknown; result: unknown }[];
const by = (runs: Swept, s: string) => runs.find((r) => r.value === s)!.result as RetriesResult;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Seconds from `at` until a whole second answers 90% of its requests in time, or -1. */
function recoverySeconds(sim: Sim, at: number, maxMs: number): number {
  const good = (x: Sim) => {
    const last = (x.state as TrafficState).seconds.at(-1);
    return x.now > at + 1000 && !!last && last.t >= at && last.goodput >= 0.9 * last.offered;
  };
  const t = whenTrue(sim, at + maxMs, good);
  return t === null ? -1 : (t - at) / 1000;
}

export default defineClaims({
  'q-storm': claim({
    says: 'after the stall, almost no request is answered in time for the next 20 s',
    measure: async (ctx) => {
      const w = window(await ctx.sim('storm', [PAUSE]), 8000, 28_000);
      return w.answered / w.started;
    },
    holds: between(0, 0.05),
    show: percent(0),
  }),
  'storm-busy': claim({
    says: 'during the storm the instances are fully busy',
    measure: async (ctx) => {
      const r = await ctx.run('storm', [PAUSE], 20_000);
      return (r.sim.state as TrafficState).seconds.at(-1)!.util;
    },
    holds: between(0.98, 1.0001),
  }),
  'storm-backlog': claim({
    says: 'by the time the learner turns on the budget, the queues hold thousands of tries',
    measure: async (ctx) => {
      const r = await ctx.run('storm', [PAUSE], BUDGET_AT_MS);
      const s = r.sim.state as TrafficState;
      return s.instances.reduce((n, i) => n + i.queue.length - i.qHead, 0);
    },
    holds: between(2000, 20_000),
  }),
  'storm-tries': claim({
    says: 'during the storm each new request costs nearly three tries',
    measure: async (ctx) => {
      const w = window(await ctx.sim('storm', [PAUSE]), 8000, 28_000);
      return w.tries / w.started;
    },
    holds: between(2.5, 3.1),
    show: fixed(1),
  }),
  'exp-none': claim({
    says: 'without retries the system recovers a few seconds after the stall',
    measure: async (ctx) => by(await ctx.lessonExperiment('traffic-retries'), 'none').recoveryMs,
    holds: between(1000, 10_000),
    show: seconds,
  }),
  'exp-immediate': claim({
    says: 'with immediate retries it does not recover within the run',
    measure: async (ctx) => by(await ctx.lessonExperiment('traffic-retries'), 'immediate').recovered,
    holds: (x) => x === 0,
  }),
  'exp-backoff': claim({
    says: 'no backoff variant recovers either',
    measure: async (ctx) => {
      const runs = await ctx.lessonExperiment('traffic-retries');
      return ['fixed', 'backoff', 'backoff-full', 'backoff-equal', 'backoff-decorrelated'].map(
        (s) => by(runs, s).recovered,
      );
    },
    holds: (xs) => xs.every((x) => x === 0),
  }),
  'exp-budget': claim({
    says: 'with a 10% retry budget it recovers within seconds of the stall',
    measure: async (ctx) => by(await ctx.lessonExperiment('traffic-retries'), 'immediate-budget').recoveryMs,
    holds: between(1000, 15_000),
    show: seconds,
  }),
  'exp-lifo': claim({
    says: 'with newest-first queues it recovers as soon as the stall ends',
    measure: async (ctx) => by(await ctx.lessonExperiment('traffic-retries'), 'immediate-lifo').recoveryMs,
    holds: (x) => x === 0,
  }),
  'lifo-live': claim({
    says: 'switching the queues to newest first mid-storm brings goodput back within a few seconds',
    measure: async (ctx) =>
      recoverySeconds(
        await ctx.sim('storm', [PAUSE, { ...BUDGET, params: { queueOrder: 'lifo' } }]),
        BUDGET_AT_MS,
        30_000,
      ),
    holds: between(0.5, 5),
  }),
  'budget-live': claim({
    says: 'turning on the retry budget mid-storm brings goodput back once the backlog has drained',
    measure: async (ctx) => {
      const sim = await ctx.sim('storm', [PAUSE, BUDGET]);
      const good = (x: Sim) => {
        const last = (x.state as TrafficState).seconds.at(-1);
        return x.now > BUDGET_AT_MS + 1000 && !!last && last.goodput >= 0.9 * last.offered;
      };
      const t = whenTrue(sim, BUDGET_AT_MS + 300_000, good);
      return t === null ? -1 : (t - BUDGET_AT_MS) / 1000;
    },
    holds: between(30, 240),
    show: (x) => `${Math.round(x)} s`,
  }),
});
