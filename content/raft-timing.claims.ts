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

/** The lesson's timeout-scale experiment: one result per range (min, twice the min). */
const byRange = async (ctx: ClaimContext, min: number) => {
  const runs = await ctx.lessonExperiment('raft-election');
  const r = runs.find((x) => x.value === min);
  if (!r) throw new Error(`the experiment has no run for ${min} ms`);
  return r.result as {
    downtimeMs: { mean: number };
    electionRounds: number;
    splitVotes: number;
  };
};

export default defineClaims({
  'q-scale': claim({
    says: 'the 12-24 ms range has the shortest mean downtime (the paper: about 35 ms)',
    measure: async (ctx) => {
      const means = await Promise.all(
        [12, 25, 50, 100, 150].map(async (m) => (await byRange(ctx, m)).downtimeMs.mean),
      );
      return means;
    },
    holds: (means) => means[0]! === Math.min(...means) && Math.abs(means[0]! - 35) < 8,
    show: (means) => `${Math.round(means[0]!)} ms`,
  }),
  'scale-paper': claim({
    says: 'the paper’s 150-300 ms range waits several times longer',
    measure: async (ctx) => (await byRange(ctx, 150)).downtimeMs.mean,
    holds: (x) => x > 120 && x < 250,
    show: (x) => `${Math.round(x)} ms`,
  }),
  'scale-rounds': claim({
    says: 'the shortest range needs several elections per crash',
    measure: async (ctx) => (await byRange(ctx, 12)).electionRounds,
    holds: (x) => x > 3,
    show: (x) => x.toFixed(1),
  }),
  'scale-rounds-paper': claim({
    says: 'the paper’s range needs fewer than two elections per crash',
    measure: async (ctx) => (await byRange(ctx, 150)).electionRounds,
    holds: (x) => x < 2,
    show: (x) => x.toFixed(1),
  }),
  'scale-splits': claim({
    says: 'and splits the vote far more often than 150-300 ms',
    measure: async (ctx) => [(await byRange(ctx, 12)).splitVotes, (await byRange(ctx, 150)).splitVotes],
    holds: ([a, b]) => a! > 10 * b!,
    show: ([a]) => String(a),
  }),
  'q-slow': claim({
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
