/** Checks for hashring-modulo.md: each replays the lesson's #modulo widget. */
import { claim, defineClaims, percent } from '../src/lessons/claims/define';

export default defineClaims({
  'modulo-add-moves': claim({
    says: 'adding a fifth server under hash % N moves about 80% of the keys',
    measure: async (ctx) => {
      const r = await ctx.run('modulo', [{ at: 100, action: 'addNode' }], 200);
      return r.sim.metrics().movedFraction!;
    },
    holds: (x) => Math.abs(x - 0.8) < 0.02,
    show: percent(0),
  }),
});
