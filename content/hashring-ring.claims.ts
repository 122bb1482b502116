/** Checks for hashring-ring.md: each replays the lesson's #ring widget (4 servers, 4,000 keys). */
import { claim, defineClaims, fixed } from '../src/lessons/claims/define';
import type { ClaimContext } from '../src/lessons/claims/define';

const cvAfter = async (ctx: ClaimContext, vnodes: number) =>
  (await ctx.run('ring', [{ at: 100, action: 'setVnodes', vnodes }], 200)).sim.metrics().cv!;

export default defineClaims({
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
  'cv-hundred': claim({
    says: '100 vnodes per server bring the CV to about a tenth of one point each',
    measure: (ctx) => cvAfter(ctx, 100),
    holds: (cv) => cv > 0.03 && cv < 0.2,
    show: fixed(3),
  }),
});
