/**
 * Checks for hashring-strategies.md: the #strat widget (5 servers, 100 vnodes, 10,000 keys) with
 * the strategy the text's buttons set, and the change each question makes.
 */
import { claim, defineClaims, percent } from '../src/lessons/claims/define';
import type { ClaimContext } from '../src/lessons/claims/define';
import type { HashringState } from '../src/sim/models/hashring/state';

const set = (params: Record<string, unknown>) => ({ at: 100, action: 'set', params });
const JUMP = set({ strategy: 'jump' });
const remove = (node: number) => ({ at: 200, action: 'removeNode', node });
const ADD = { at: 200, action: 'addNode' };
const bounded = (epsilon: number) => set({ strategy: 'bounded', vnodes: 10, epsilon });

/** [share of keys moved, keys moved between old servers] after `inputs`. */
async function moves(ctx: ClaimContext, inputs: Record<string, unknown>[]) {
  const r = await ctx.run('strat', inputs as never, 300);
  const s = r.sim.state as HashringState;
  const added = s.change!.added;
  const between = [...s.change!.moved].filter((k) => !added.includes(s.owners[k]!)).length;
  return [r.sim.metrics().movedFraction!, between];
}

export default defineClaims({
  'jump-middle': claim({
    says: 'removing a middle bucket under jump hash moves most keys',
    measure: async (ctx) => (await moves(ctx, [JUMP, remove(1)]))[0]!,
    holds: (x) => x > 0.6,
    show: percent(0),
  }),
  'jump-last': claim({
    says: 'removing the last bucket moves only its fair share',
    measure: async (ctx) => (await moves(ctx, [JUMP, remove(4)]))[0]!,
    holds: (x) => Math.abs(x - 0.2) < 0.02,
    show: percent(0),
  }),
  'eps-tight': claim({
    says: 'with ε = 0.05 adding a sixth server moves more than a sixth, some keys between old servers',
    measure: (ctx) => moves(ctx, [bounded(0.05), ADD]),
    holds: ([x, between]) => x! > 0.19 && between! > 100,
    show: ([x]) => percent(0)(x!),
  }),
  'eps-loose': claim({
    says: 'with ε = 1 the same change moves keys only to the new server',
    measure: (ctx) => moves(ctx, [bounded(1), ADD]),
    holds: ([x, between]) => x! < 0.19 && between === 0,
    show: ([x]) => percent(0)(x!),
  }),
});
