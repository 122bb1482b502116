/**
 * Checks for commit-2pc.md. The first widget starts quiet: the learner begins a transaction, then
 * makes P2 vote no and begins another. The others run their scripted presets; the experiment runs
 * as the lesson's directive does.
 */
import { claim, defineClaims, fixed } from '../src/lessons/claims/define';
import type { RunResult } from '../src/sim/core/testing';
import type { BlockingResult } from '../src/sim/models/commit/meta';
import type { CommitState } from '../src/sim/models/commit/types';

const UNTIL_MS = 12_000;
const state = (r: RunResult) => r.sim.state as CommitState;
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

const BEGIN = [{ at: 0, action: 'begin' }];
const NO = [...BEGIN, { at: 3000, action: 'voteNo', p: 2 }, { at: 3000, action: 'begin' }];

type Swept = { value: unknown; result: unknown }[];
const at = (runs: Swept, ms: number) =>
  (runs.find((r) => r.value === ms)!.result as BlockingResult).blockedMs;

/** When participant `p` decided T1. */
const decidedAt = (r: RunResult, p: number) =>
  state(r).ps[p - 1]!.txs.find((t) => t.tx === 1)?.decidedAt ?? -1;

export default defineClaims({
  'normal-doubt': claim({
    says: 'without faults a participant is in doubt about 0.3 s at most',
    measure: async (ctx) => state(await ctx.run('basic', BEGIN, 3000)).maxBlockedMs,
    holds: (ms) => ms > 150 && ms < 450,
    show: secs,
  }),
  'q-no': claim({
    says: 'with P2 voting no, T2 ends aborted at P1, P2 and P3',
    measure: async (ctx) => {
      const o = state(await ctx.run('basic', NO, 6000)).outcomes.find((x) => x.tx === 2);
      return o ? `${o.decision}:${[...o.aborts].sort().join(',')}:${o.commits.length}` : 'none';
    },
    holds: (v) => v === 'abort:1,2,3:0',
    show: () => 'aborted at all three',
  }),
  'q-blocked': claim({
    says: 'with TC down after the votes, participants are in doubt about 7.2 s',
    measure: async (ctx) => Math.min(...state(await ctx.run('blocked', [], UNTIL_MS)).blocked),
    holds: (ms) => ms > 6600 && ms < 7800,
    show: secs,
  }),
  'tc-down': claim({
    says: 'TC is down about 6.4 s',
    measure: async (ctx) => {
      const r = await ctx.run('blocked', [], UNTIL_MS);
      const crash = r.log.find((e) => e.text.startsWith('TC crashed'))?.t ?? -1;
      const back = r.log.find((e) => e.text.startsWith('TC restarted'))?.t ?? -1;
      return back - crash;
    },
    holds: (ms) => ms > 6000 && ms < 7000,
    show: secs,
  }),
  'pa-writes': claim({
    says: 'with presumed abort TC writes no log record for the aborted transaction',
    measure: async (ctx) => state(await ctx.run('blocked', [], UNTIL_MS)).tc.logWrites,
    holds: (n) => n === 0,
    show: (n) => `${n} log records`,
  }),
  'pn-writes': claim({
    says: 'without presumed abort TC writes begin, abort and end: 3 records',
    measure: async (ctx) =>
      state(await ctx.run('blocked', [{ at: 0, action: 'set', params: { presumedAbort: false } }], UNTIL_MS))
        .tc.logWrites,
    holds: (n) => n === 3,
    show: (n) => `${n} records`,
  }),
  'q-mid': claim({
    says: 'P1 commits about 1.7 s in',
    measure: async (ctx) => decidedAt(await ctx.run('mid', [], UNTIL_MS), 1),
    holds: (t) => t > 1500 && t < 2000,
    show: secs,
  }),
  'mid-rest': claim({
    says: 'P2 and P3 commit about 8.1 s in, after TC restarts',
    measure: async (ctx) => {
      const r = await ctx.run('mid', [], UNTIL_MS);
      const committed = state(r).ps.every(
        (p) => p.txs.find((t) => t.tx === 1)?.state === 'committed',
      );
      return committed ? Math.max(decidedAt(r, 2), decidedAt(r, 3)) : -1;
    },
    holds: (t) => t > 8000 && t < 8400,
    show: secs,
  }),
  'q-early': claim({
    says: 'a crash before prepare leaves no one in doubt',
    measure: async (ctx) => state(await ctx.run('early', [], UNTIL_MS)).maxBlockedMs,
    holds: (ms) => ms === 0,
    show: (ms) => `${ms / 1000} s`,
  }),
  'exp-none': claim({
    says: 'without a crash a prepared participant waits about 0.27 s',
    measure: async (ctx) => at(await ctx.lessonExperiment('commit-blocking'), 0),
    holds: (ms) => ms > 150 && ms < 400,
    show: (ms) => `${fixed(2)(ms / 1000)} s`,
  }),
  'exp-4000': claim({
    says: 'with TC down 4 s a prepared participant waits about 5 s',
    measure: async (ctx) => at(await ctx.lessonExperiment('commit-blocking'), 4000),
    holds: (ms) => ms > 4300 && ms < 5600,
    show: secs,
  }),
  'exp-8000': claim({
    says: 'with TC down 8 s a prepared participant waits about 9 s',
    measure: async (ctx) => at(await ctx.lessonExperiment('commit-blocking'), 8000),
    holds: (ms) => ms > 8300 && ms < 9600,
    show: secs,
  }),
});
