/**
 * Checks for raft-timing.md: the #timing widget (seed 5) with the network slowed to 100-200 ms at
 * 1 s, the leader crashed at 2 s, and the timeouts scaled to 1.5-3 s (heartbeats 500 ms) at 6 s.
 */
import { claim, defineClaims, firstLog } from '../src/lessons/claims/define';
import type { ClaimContext } from '../src/lessons/claims/define';

const SLOW = { at: 1000, action: 'set', params: { latencyMsMin: 100, latencyMsMax: 200 } };
const CRASH = { at: 2000, action: 'crash' };
const SCALE = {
  at: 6000,
  action: 'set',
  params: { timeoutMsMin: 1500, timeoutMsMax: 3000, heartbeatMs: 500 },
};
const run = (ctx: ClaimContext, untilMs: number) => ctx.run('timing', [SLOW, CRASH, SCALE], untilMs);

export default defineClaims({
  'slow-climbs': claim({
    says: 'over the slow network, after the crash, no leader is elected and the term climbs',
    measure: async (ctx) => {
      const r = await run(ctx, 5990);
      return [r.sim.metrics().term!, r.sim.metrics().splitVotes!, firstLog(r.log, /won term/, 2000) ? 1 : 0];
    },
    holds: ([term, splits, won]) => term! >= 10 && splits! >= 5 && won === 0,
  }),
  'slow-safe': claim({
    says: 'the invariants hold throughout (the run checks them after every event)',
    measure: async (ctx) => ((await run(ctx, 16_000)).violation ? 0 : 1),
    holds: (ok) => ok === 1,
  }),
  'scaled-stays': claim({
    says: 'with timeouts scaled to the network a leader is elected within a few seconds and stays',
    measure: async (ctx) => {
      const r = await run(ctx, 16_000);
      const won = r.log.filter((e) => e.t >= 6000 && /won term/.test(e.text));
      return [won.length, won[0] ? (won[0].t - 6000) / 1000 : -1, r.sim.metrics().leader! >= 0 ? 1 : 0];
    },
    holds: ([wins, afterS, leads]) => wins === 1 && afterS! > 0 && afterS! < 4 && leads === 1,
  }),
});
