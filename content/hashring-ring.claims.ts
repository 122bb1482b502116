/** Checks for hashring-ring.md: each replays the lesson's #ring widget (4 servers, 4,000 keys). */
import { claim, defineClaims, fixed } from '../src/lessons/claims/define';
import type { ClaimContext } from '../src/lessons/claims/define';
import type { HashringState } from '../src/sim/models/hashring/state';
import type { BalanceResult } from '../src/sim/models/hashring/experimentsMeta';

const cvAfter = async (ctx: ClaimContext, vnodes: number) =>
  (await ctx.run('ring', [{ at: 100, action: 'setVnodes', vnodes }], 200)).sim.metrics().cv!;

/** The lesson's balance sweep (ten seeds), or with `overrides`: [vnodes, result] per run. */
const sweep = async (ctx: ClaimContext, overrides: Record<string, unknown> = {}) =>
  (await ctx.lessonExperiment('hashring-balance', overrides)).map(
    (r) => [r.value as number, r.result as BalanceResult] as const,
  );
const cvAt = (runs: (readonly [number, BalanceResult])[], vnodes: number) =>
  runs.find(([v]) => v === vnodes)![1];

export default defineClaims({
  'q-add': claim({
    says: 'adding a fifth server moves keys only to it (N4), from one arc',
    measure: async (ctx) => {
      const s = (await ctx.run('ring', [{ at: 100, action: 'addNode' }], 200))
        .sim.state as HashringState;
      const added = s.change!.added[0]!;
      const moved = [...s.change!.moved];
      return [added, moved.length, moved.every((k) => s.owners[k] === added)];
    },
    holds: ([added, n, toNew]) => added === 4 && (n as number) > 0 && toNew === true,
  }),
  'cv-one-point': claim({
    says: 'with one point per server this ring is more uneven than the average of about 0.77',
    measure: async (ctx) => (await ctx.run('ring', [], 50)).sim.metrics().cv!,
    holds: (cv) => cv > 0.77,
    show: fixed(2),
  }),
  'busiest-one-point': claim({
    says: 'the busiest server holds several times the mean',
    measure: async (ctx) => (await ctx.run('ring', [], 50)).sim.metrics().maxOverMean!,
    holds: (x) => x >= 2,
    show: fixed(1),
  }),
  'q-cv': claim({
    says: '100 vnodes per server bring the CV to about a tenth of one point each',
    measure: (ctx) => cvAfter(ctx, 100),
    holds: (cv) => cv > 0.03 && cv < 0.2,
    show: fixed(3),
  }),
  'one-seed-rises': claim({
    says: 'a single ring (seed 1) is less even at 30 vnodes than at 10',
    measure: async (ctx) => {
      const runs = await sweep(ctx, { seeds: 1 });
      return [cvAt(runs, 10).cv, cvAt(runs, 30).cv];
    },
    holds: ([ten, thirty]) => thirty! > ten!,
  }),
  tenfold: claim({
    says: 'averaged over ten rings, each tenfold increase in vnodes divides the CV by about three',
    measure: async (ctx) => {
      const runs = await sweep(ctx);
      const ratios = runs
        .filter(([v]) => runs.some(([w]) => w === v * 10))
        .map(([v, r]) => r.cv / cvAt(runs, v * 10).cv);
      return [Math.min(...ratios), Math.max(...ratios)];
    },
    holds: ([lo, hi]) => lo! > 2.5 && hi! < 4.2,
    show: ([lo, hi]) => `${lo!.toFixed(1)} to ${hi!.toFixed(1)}`,
  }),
  'spread-ten': claim({
    says: 'at 10 vnodes single rings scatter widely around the mean',
    measure: async (ctx) => {
      const r = cvAt(await sweep(ctx), 10);
      return [r.cvLowest, r.cvHighest];
    },
    holds: ([lo, hi]) => hi! > 2 * lo!,
    show: ([lo, hi]) => `${lo!.toFixed(2)} to ${hi!.toFixed(2)}`,
  }),
});
