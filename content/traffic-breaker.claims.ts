/**
 * Checks for traffic-breaker.md. The learner plays the #cb widget a few seconds and stalls every
 * instance for 2 s (at 5 s here); the experiment runs as the lesson's directive does.
 */
import { between, claim, defineClaims, percent } from '../src/lessons/claims/define';
import type { RetriesResult } from '../src/sim/models/traffic/experimentMeta';
import type { TrafficState } from '../src/sim/models/traffic/types';

const STALL_MS = 5000;
const STALL_END_MS = STALL_MS + 2000;
const PAUSE = { at: STALL_MS, action: 'pause', ms: 2000 };

type Swept = { value: unknown; result: unknown }[];
const by = (runs: Swept, s: string) => runs.find((r) => r.value === s)!.result as RetriesResult;
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export default defineClaims({
  'q-cb': claim({
    says: 'the breaker opens a few hundred ms into the stall',
    measure: async (ctx) => {
      const r = await ctx.run('cb', [PAUSE], 12_000);
      const line = r.log.find((l) => l.t >= STALL_MS && l.text.includes('breaker is open'));
      return line ? line.t - STALL_MS : -1;
    },
    holds: between(150, 1000),
    show: secs,
  }),
  'closed-after': claim({
    says: 'the breaker closes soon after the stall ends, when a probe is answered',
    measure: async (ctx) => {
      const r = await ctx.run('cb', [PAUSE], 12_000);
      const line = r.log.find((l) => l.t >= STALL_END_MS && l.text.includes('breaker is closed'));
      return line ? line.t - STALL_END_MS : -1;
    },
    holds: between(0, 2000),
    show: secs,
  }),
  'probes-failed': claim({
    says: 'probes sent while the stall lasts fail and open the breaker again',
    measure: async (ctx) => {
      const r = await ctx.run('cb', [PAUSE], 12_000);
      return r.log.filter((l) => l.text.includes('the probe failed')).length;
    },
    holds: between(1, 3),
    show: String,
  }),
  'goodput-after': claim({
    says: 'in the 10 s after the breaker closes almost every request is answered in time',
    measure: async (ctx) => {
      const sim = await ctx.sim('cb', [PAUSE]);
      const s = () => sim.state as TrafficState;
      sim.runUntil(STALL_END_MS + 1000);
      const a = { ...s().totals };
      sim.runUntil(STALL_END_MS + 11_000);
      return (s().totals.answered - a.answered) / (s().totals.started - a.started);
    },
    holds: between(0.95, 1),
    show: percent(0),
  }),
  'exp-storm': claim({
    says: 'without the breaker the system does not recover within the run',
    measure: async (ctx) => by(await ctx.lessonExperiment('traffic-retries'), 'immediate').recovered,
    holds: (x) => x === 0,
  }),
  'exp-breaker': claim({
    says: 'with the breaker it recovers about a second after the stall',
    measure: async (ctx) =>
      by(await ctx.lessonExperiment('traffic-retries'), 'immediate-breaker').recoveryMs,
    holds: between(0, 5000),
    show: secs,
  }),
  'exp-breaker-good': claim({
    says: 'with the breaker nearly all requests of the run are answered in time',
    measure: async (ctx) =>
      by(await ctx.lessonExperiment('traffic-retries'), 'immediate-breaker').goodputShare,
    holds: between(0.9, 1),
    show: percent(0),
  }),
});
