/**
 * Checks for stampede-stale-jitter-leases.md: the #swr widget with the 1.5 s database; the
 * #equal and #jittered widgets played for 20 s; the #lease widget with the 1.5 s database the
 * question switches on, at the default 10 s lease interval and at 500 ms.
 */
import { claim, defineClaims, percent } from '../src/lessons/claims/define';
import type { ClaimContext } from '../src/lessons/claims/define';
import { readHistory } from '../src/sim/models/stampede/history';
import type { State } from '../src/sim/models/stampede/state';
import type { LogEvent } from '../src/sim/core/types';

const SLOW_DB = { at: 0, action: 'slowDb', recomputeMs: 1500 };
const SHORT_LEASE = { at: 0, action: 'set', params: { leaseMs: 500 } };
const SHORT_STALE = { at: 0, action: 'set', params: { staleMs: 1000 } };
const JITTER = [
  { at: 0, action: 'set', params: { strategy: 'jitter', jitterPct: 50, recomputeMs: 100 } },
];
/** The numbers in the event log's "Key 0 expired" lines that `re` picks out. */
const perExpiry = (log: readonly LogEvent[], re: RegExp) =>
  log.map((e) => re.exec(e.text)).flatMap((m) => (m ? [Number(m[1])] : []));
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
// Ten seconds: the waiting requests' polls make longer runs of this case slow to replay.
const shortLease = (ctx: ClaimContext) => ctx.run('lease', [SLOW_DB, SHORT_LEASE], 10_000);

/** The database chart's peak (queries running plus queued) over seconds 10 to 20. */
const chartPeak = async (ctx: ClaimContext, widget: string) => {
  const r = await ctx.run(widget, [], 20_000);
  const h = readHistory(r.sim.state as State, 20_000);
  return Math.max(...h.running.map((x, i) => x + h.queue[i]!));
};

export default defineClaims({
  'q-swr-slow': claim({
    says: 'stale-while-revalidate with a 1.5 s database: no timeouts in 30 s',
    measure: async (ctx) =>
      ((await ctx.run('swr', [SLOW_DB], 30_000)).sim.state as State).totals.timeouts,
    holds: (t) => t === 0,
    show: (t) => (t === 0 ? 'No timeouts at all' : `${t} timeouts`),
  }),
  'sf-slow-timeouts': claim({
    says: 'single-flight with the 1.5 s database times out about a thousand requests per expiry',
    measure: async (ctx) => {
      const r = await ctx.run('swr', [SLOW_DB, { at: 0, action: 'setStrategy', strategy: 'singleflight' }], 30_000);
      const expiries = perExpiry(r.log, /^Key 0 expired at .*while (\d+) requests waited/).length;
      return (r.sim.state as State).totals.timeouts / expiries;
    },
    holds: (x) => x > 800 && x < 1200,
  }),
  'swr-stale-per-expiry': claim({
    says: 'about 3,000 requests get the stale value during each 1.5 s refresh',
    measure: async (ctx) =>
      perExpiry(
        (await ctx.run('swr', [SLOW_DB], 30_000)).log,
        /^Key 0 expired at .*while (\d+) requests got the stale value/,
      ),
    holds: (ns) => ns.length >= 5 && ns.every((n) => n > 2700 && n < 3300),
  }),
  'short-stale-herd': claim({
    says: 'a 1000 ms stale window with the 1.5 s database: a herd of about a thousand queries and a thousand timeouts',
    measure: async (ctx) => {
      const t = ((await ctx.run('swr', [SLOW_DB, SHORT_STALE], 30_000)).sim.state as State).totals;
      return [t.dbQueries, t.timeouts];
    },
    holds: ([queries, timeouts]) => queries! > 800 && queries! < 1200 && timeouts! > 800 && timeouts! < 1200,
  }),
  'jitter-hot-key': claim({
    says: 'jitter 50% on the hot key still costs about 200 queries per expiry, as no protection does',
    measure: async (ctx) => {
      const HERD = /^Key 0 expired at .*: (\d+) requests recomputed it at once/;
      const none = [{ at: 0, action: 'setStrategy', strategy: 'none' }];
      return [
        mean(perExpiry((await ctx.run('swr', JITTER, 30_000)).log, HERD)),
        mean(perExpiry((await ctx.run('swr', none, 30_000)).log, HERD)),
      ];
    },
    holds: ([jitter, none]) => jitter! > 180 && jitter! < 220 && Math.abs(jitter! - none!) < 0.1 * none!,
    show: ([x]) => `about ${Math.round(x! / 10) * 10}`,
  }),
  'swr-stale-share': claim({
    says: 'with the 1.5 s database about a third of the answers in 30 s are stale',
    measure: async (ctx) => {
      const t = ((await ctx.run('swr', [SLOW_DB], 30_000)).sim.state as State).totals;
      return t.stale / t.finished;
    },
    holds: (x) => x > 0.25 && x < 0.45,
    show: percent(0),
  }),
  'jitter-equal-peak': claim({
    says: 'with equal TTLs the database chart peaks far above 100 between 10 and 20 s',
    measure: (ctx) => chartPeak(ctx, 'equal'),
    holds: (x) => x > 100,
    show: (x) => String(x),
  }),
  'q-jitter': claim({
    says: 'the jittered chart peaks at less than half the equal-TTL one between 10 and 20 s',
    measure: async (ctx) => [await chartPeak(ctx, 'equal'), await chartPeak(ctx, 'jittered')],
    holds: ([equal, jittered]) => jittered! < equal! / 2,
    show: ([, jittered]) => `the peak stays at ${jittered}`,
  }),
  'q-lease': claim({
    says: 'with leases and a 1.5 s database only the lease holder times out, once per expiry',
    measure: async (ctx) => {
      const r = await ctx.run('lease', [SLOW_DB], 30_000);
      const expiries = r.log.filter((e) => /^Key 0 (expired|was not cached)/.test(e.text)).length;
      return [expiries, (r.sim.state as State).totals.timeouts];
    },
    holds: ([expiries, timeouts]) => expiries === 7 && timeouts === 7,
  }),
  'short-lease-served': claim({
    says: 'a 500 ms lease interval leaves most requests without a value',
    measure: async (ctx) => {
      const t = ((await shortLease(ctx)).sim.state as State).totals;
      return (t.hits + t.stale) / t.arrived;
    },
    holds: (x) => x < 0.7,
    show: percent(0),
  }),
  'short-lease-end': claim({
    says: 'by the end of the run the hit ratio of the last second is zero, and stores were refused',
    measure: async (ctx) => {
      const r = await shortLease(ctx);
      return [r.sim.metrics().hitRatio!, (r.sim.state as State).totals.rejectedSets];
    },
    holds: ([hit, refused]) => hit === 0 && refused! > 0,
    show: ([hit]) => percent(0)(hit!),
  }),
});
