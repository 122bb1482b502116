/**
 * Checks for stampede-xfetch.md: the #xf widget (warm cache) played five minutes at β = 1, 0.5
 * and 4, the #cold widget played through its first fill, and the lesson's experiment.
 */
import { claim, defineClaims, resultAt, fixed, whenTrue } from '../src/lessons/claims/define';
import type { ClaimContext } from '../src/lessons/claims/define';
import type { LogEvent } from '../src/sim/core/types';
import type { StampedeResult } from '../src/sim/models/stampede/meta';
import type { State } from '../src/sim/models/stampede/state';

const LONG_MS = 300_000;
const EPISODE = /^Key 0 (was recomputed early|expired|was not cached)/;

/** The warm widget at `beta` for five minutes. */
const warm = (ctx: ClaimContext, beta = 1) =>
  ctx.run('xf', beta === 1 ? [] : [{ at: 0, action: 'set', params: { beta } }], LONG_MS);
/** Recomputations of key 0 per episode, from the log's summary lines. */
const perEpisode = (log: readonly LogEvent[]) =>
  log
    .filter((e) => EPISODE.test(e.text))
    .map((e) => Number(/: (\d+) requests/.exec(e.text)?.[1] ?? 1));
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const share = (xs: number[], f: (x: number) => boolean) => xs.filter(f).length / xs.length;
const pct = (x: number) => `${Math.round(x * 100)}%`;

type Swept = { value: unknown; result: unknown }[];
const byStrategy = (runs: Swept, value: string) => resultAt<StampedeResult>(runs, value);

export default defineClaims({
  'q-count': claim({
    says: 'about e (2.7) recomputations per expiry on average at β = 1',
    measure: async (ctx) => mean(perEpisode((await warm(ctx)).log)),
    holds: (x) => x > 2.2 && x < 3.2,
    show: fixed(2),
  }),
  'one-share': claim({
    says: 'a single recomputation at about a third of the expiries',
    measure: async (ctx) => share(perEpisode((await warm(ctx)).log), (n) => n === 1),
    holds: (x) => x > 0.25 && x < 0.45,
    show: pct,
  }),
  'four-plus-share': claim({
    says: 'four or more at about a fifth of the expiries',
    measure: async (ctx) => share(perEpisode((await warm(ctx)).log), (n) => n >= 4),
    holds: (x) => x > 0.15 && x < 0.3,
    show: pct,
  }),
  'first-fire': claim({
    says: 'the first reader fires about half a second before the expiry',
    measure: async (ctx) => {
      const r = await ctx.run('xf', [], 30_000);
      const early = r.log
        .map((e) => /([\d.]+) s before it expired/.exec(e.text))
        .filter((m) => m !== null)
        .map((m) => Number(m![1]));
      return [Math.min(...early), Math.max(...early)];
    },
    holds: ([lo, hi]) => lo! > 0.2 && hi! < 1.2,
    show: ([lo, hi]) => `${lo!.toFixed(2)} to ${hi!.toFixed(2)} s`,
  }),
  'hit-ratio': claim({
    says: 'practically every read is a hit',
    measure: async (ctx) => {
      const t = ((await warm(ctx)).sim.state as State).totals;
      return t.hits / t.arrived;
    },
    holds: (x) => x > 0.999,
    show: (x) => `the hit ratio stays at ${(x * 100).toFixed(2)}%`,
  }),
  'q-beta': claim({
    says: 'about e² recomputations per expiry at β = 0.5',
    measure: async (ctx) => mean(perEpisode((await warm(ctx, 0.5)).log)),
    holds: (x) => x > 5.5 && x < 8.5,
    show: fixed(1),
  }),
  'beta-four-every': claim({
    says: 'at β = 4 key 0 is refreshed every half second or so',
    measure: async (ctx) => LONG_MS / 1000 / perEpisode((await warm(ctx, 4)).log).length,
    holds: (s) => s > 0.3 && s < 1,
    show: (s) => `${s.toFixed(2)} s`,
  }),
  'beta-four-queries': claim({
    says: 'β = 4 costs about three times the queries of β = 1',
    measure: async (ctx) => ((await warm(ctx, 4)).sim.state as State).totals.dbQueries,
    holds: (n) => n > 600,
    show: (n) => String(n),
  }),
  'beta-one-queries': claim({
    says: 'β = 1 costs about 300 queries in five minutes',
    measure: async (ctx) => ((await warm(ctx)).sim.state as State).totals.dbQueries,
    holds: (n) => n > 200 && n < 400,
    show: (n) => String(n),
  }),
  'cold-max-delta': claim({
    says: 'queued fills report Δ of up to about 900 ms',
    measure: async (ctx) => {
      const sim = await ctx.sim('cold', []);
      let max = 0;
      whenTrue(sim, 1500, (x) => {
        max = Math.max(max, (x.state as State).deltaMs[0]!);
        return false;
      });
      return max;
    },
    holds: (ms) => ms > 700 && ms < 1100,
    show: (ms) => `${Math.round(ms)} ms`,
  }),
  'q-cold': claim({
    says: 'a handful of early recomputations during the drain, and Δ back to 100 ms after it',
    measure: async (ctx) => {
      const s = (await ctx.run('cold', [], 1500)).sim.state as State;
      return [s.totals.earlyRecomputes, Math.round(s.deltaMs[0]!)];
    },
    holds: ([n, delta]) => n! > 0 && n! < 20 && delta === 100,
    show: ([n]) => String(n),
  }),
  'cold-herd': claim({
    says: 'the first fill is a herd of about 200',
    measure: async (ctx) => perEpisode((await ctx.run('cold', [], 1500)).log)[0] ?? 0,
    holds: (n) => n > 150 && n < 250,
    show: String,
  }),
  'exp-early': claim({
    says: 'XFetch issues thousands of early recomputations from an empty cache at scale',
    measure: async (ctx) => byStrategy(await ctx.lessonExperiment('stampede', {}, ['xfetch']), 'xfetch')
        .earlyRecomputes,
    holds: (n) => n > 1000,
    show: fixed(0),
  }),
  'exp-timeouts': claim({
    says: 'from an empty cache XFetch ends with more timeouts than no protection',
    measure: async (ctx) => {
      const runs = await ctx.lessonExperiment('stampede', {}, ['none', 'xfetch']);
      return [byStrategy(runs, 'xfetch').timeouts, byStrategy(runs, 'none').timeouts];
    },
    holds: ([x, none]) => x! > none!,
    show: ([x, none]) => `${fixed(0)(x!)} against ${fixed(0)(none!)}`,
  }),
  'exp-warm': claim({
    says: 'warm, XFetch has no timeouts',
    measure: async (ctx) =>
      byStrategy(
        await ctx.lessonExperiment('stampede', { warmStart: true }, ['xfetch']),
        'xfetch',
      ).timeouts,
    holds: (n) => n === 0,
  }),
});
