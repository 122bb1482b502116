/**
 * Checks for stampede-coalescing.md: the #co widget (the herd workload) switched to single-flight
 * after the first expiry, and 30 s runs of each strategy with the 1.5 s database from the start.
 */
import { claim, defineClaims, fixed } from '../src/lessons/claims/define';
import type { ClaimContext } from '../src/lessons/claims/define';
import type { State } from '../src/sim/models/stampede/state';

const strategy = (s: string, at = 0) => ({ at, action: 'setStrategy', strategy: s });
const SLOW_DB = { at: 0, action: 'slowDb', recomputeMs: 1500 };
const EXPIRY = /^Key 0 expired at [\d.]+ s: 1 request recomputed it while (\d+) requests waited/;

/** A 30 s run with the slow database under `s` ('none' keeps the preset's no protection). */
const slowRun = (ctx: ClaimContext, s: string) =>
  ctx.run('co', s === 'none' ? [SLOW_DB] : [strategy(s), SLOW_DB], 30_000);
const timeouts = async (ctx: ClaimContext, s: string) =>
  ((await slowRun(ctx, s)).sim.state as State).totals.timeouts;

export default defineClaims({
  'q-sf': claim({
    says: 'with single-flight the next expiry costs one query while the other misses wait',
    measure: async (ctx) => {
      const r = await ctx.run('co', [strategy('singleflight', 1000)], 6000);
      const m = r.log.map((e) => EXPIRY.exec(e.text)).find((x) => x !== null);
      return m ? Number(m[1]) : -1;
    },
    holds: (waited) => waited > 150 && waited < 250,
    show: (n) => String(Math.round(n / 10) * 10),
  }),
  'q-slow': claim({
    says: 'with the slow database single-flight has about 7,000 timeouts in 30 s, about 1,000 per expiry',
    measure: async (ctx) => {
      const r = await slowRun(ctx, 'singleflight');
      const expiries = r.log.filter((e) => EXPIRY.test(e.text)).length;
      const t = (r.sim.state as State).totals.timeouts;
      return [t, t / expiries];
    },
    holds: ([t, per]) => t! > 6000 && t! < 8000 && per! > 800 && per! < 1200,
    show: ([t]) => fixed(0)(Math.round(t! / 1000) * 1000),
  }),
  'q-parked': claim({
    says: 'with the slow database about 3,000 requests wait for each single-flight recomputation',
    measure: async (ctx) =>
      (await slowRun(ctx, 'singleflight')).log
        .map((e) => EXPIRY.exec(e.text))
        .filter((m) => m !== null)
        .map((m) => Number(m![1])),
    holds: (ns) => ns.length > 3 && ns.every((n) => n > 2700 && n < 3300),
  }),
  'slow-lock': claim({
    says: 'the lock about the same',
    measure: async (ctx) => [await timeouts(ctx, 'lock'), await timeouts(ctx, 'singleflight')],
    holds: ([lock, sf]) => Math.abs(lock! - sf!) < 0.1 * sf!,
  }),
  'slow-none': claim({
    says: 'doing nothing leaves a queue of thousands undrained after 30 s',
    measure: async (ctx) => (await slowRun(ctx, 'none')).sim.metrics().dbQueue!,
    holds: (q) => q > 2000,
    show: (q) => fixed(0)(Math.round(q / 100) * 100),
  }),
  'slow-none-timeouts': claim({
    says: 'doing nothing times out fewer requests than single-flight here',
    measure: async (ctx) => [await timeouts(ctx, 'none'), await timeouts(ctx, 'singleflight')],
    holds: ([none, sf]) => none! < sf! && none! > 2000 && none! < 4000,
    show: ([none]) => `about ${fixed(0)(Math.round(none! / 1000) * 1000)}`,
  }),
});
