/**
 * Checks for stampede-stale-jitter-leases.md: the #lease widget with the 1.5 s database the
 * question switches on, at the default 10 s lease interval and at 500 ms.
 */
import { claim, defineClaims, percent } from '../src/lessons/claims/define';
import type { ClaimContext } from '../src/lessons/claims/define';
import type { State } from '../src/sim/models/stampede/state';

const SLOW_DB = { at: 0, action: 'slowDb', recomputeMs: 1500 };
const SHORT_LEASE = { at: 0, action: 'set', params: { leaseMs: 500 } };
// Ten seconds: the waiting requests' polls make longer runs of this case slow to replay.
const shortLease = (ctx: ClaimContext) => ctx.run('lease', [SLOW_DB, SHORT_LEASE], 10_000);

export default defineClaims({
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
