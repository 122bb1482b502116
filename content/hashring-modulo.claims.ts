/**
 * Checks for hashring-modulo.md: each replays the lesson's #modulo widget. The learner adds a
 * fifth server (q-add), may remove N1, switches to the ring with 100 vnodes and adds another.
 */
import { claim, defineClaims, percent } from '../src/lessons/claims/define';
import type { ClaimContext } from '../src/lessons/claims/define';
import type { HashringState } from '../src/sim/models/hashring/state';

const ADD = (at: number) => ({ at, action: 'addNode' });
const REMOVE_N1 = { at: 150, action: 'removeNode', node: 1 };
const RING = (vnodes: number) => ({ at: 200, action: 'set', params: { strategy: 'ring', vnodes } });

/** The state after switching to a ring of `vnodes` per server and adding a server. */
async function ringAdd(ctx: ClaimContext, vnodes: number, removeN1 = false) {
  const inputs = [ADD(100), ...(removeN1 ? [REMOVE_N1] : []), RING(vnodes), ADD(300)];
  const r = await ctx.run('modulo', inputs, 400);
  return { moved: r.sim.metrics().movedFraction!, state: r.sim.state as HashringState };
}
const ringAddMoves = async (ctx: ClaimContext, vnodes: number, removeN1 = false) =>
  (await ringAdd(ctx, vnodes, removeN1)).moved;

export default defineClaims({
  'q-add': claim({
    says: 'adding a fifth server under hash % N moves about 80% of the keys',
    measure: async (ctx) => {
      const r = await ctx.run('modulo', [ADD(100)], 200);
      return r.sim.metrics().movedFraction!;
    },
    holds: (x) => Math.abs(x - 0.8) < 0.02,
    show: percent(0),
  }),
  'q-ring': claim({
    says: 'on a ring of 100 vnodes per server, adding a sixth server moves about one sixth (one fifth after removing N1)',
    measure: async (ctx) => [await ringAddMoves(ctx, 100), await ringAddMoves(ctx, 100, true)],
    holds: ([six, five]) => Math.abs(six! - 1 / 6) < 0.03 && Math.abs(five! - 1 / 5) < 0.03,
    show: ([six]) => percent(0)(six!),
  }),
  'ring-one-vnode-moves': claim({
    says: 'with one point per server, the added server takes a random share, far from a sixth',
    measure: (ctx) => ringAddMoves(ctx, 1),
    holds: (x) => x > 0.3,
    show: percent(0),
  }),
  'ring-moves-to-new': claim({
    says: 'on the ring every moved key went to the new server',
    measure: async (ctx) => {
      const { state } = await ringAdd(ctx, 100);
      const added = state.change!.added[0]!;
      return [...state.change!.moved].every((k) => state.owners[k] === added);
    },
    holds: (x) => x,
  }),
});
