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

/** The lesson's rebalance experiment: the share of keys each strategy moves when a node joins. */
const movedBy = async (ctx: ClaimContext, strategy: string): Promise<number> => {
  const runs = await ctx.lessonExperiment('hashring-rebalance');
  const run = runs.find((r) => r.value === strategy);
  if (!run) throw new Error(`the experiment has no run for ${strategy}`);
  return (run.result as { movedFraction: number }).movedFraction;
};
const near = (target: number, within: number) => (x: number) => Math.abs(x - target) <= within;

export default defineClaims({
  'q-rebalance': claim({
    says: 'ring, jump, rendezvous and bounded loads all move within a point of 1/11, hash % N far more',
    measure: (ctx) =>
      Promise.all(['ring', 'jump', 'rendezvous', 'bounded', 'modulo'].map((x) => movedBy(ctx, x))),
    holds: (v) => v.slice(0, 4).every(near(1 / 11, 0.01)) && v[4]! > 0.5,
  }),
  'rendezvous-remove': claim({
    says: 'removing N1 under rendezvous moves exactly the keys N1 had won',
    measure: async (ctx) => {
      const RV = set({ strategy: 'rendezvous' });
      const before = (await ctx.run('strat', [RV], 150)).sim.state as HashringState;
      const share = before.owners.filter((o) => o === 1).length / before.owners.length;
      return [(await moves(ctx, [RV, remove(1)]))[0]!, share];
    },
    holds: ([moved, share]) => moved === share && moved! > 0,
    show: ([moved]) => percent(0)(moved!),
  }),
  'move-ring': claim({
    says: 'the ring moves close to the ideal 1/11 when an eleventh server joins',
    measure: (ctx) => movedBy(ctx, 'ring'),
    holds: near(1 / 11, 0.01),
    show: percent(1),
  }),
  'move-jump': claim({
    says: 'jump hash moves about the ideal 1/11 when a bucket is added at the end',
    measure: (ctx) => movedBy(ctx, 'jump'),
    holds: near(1 / 11, 0.01),
    show: percent(1),
  }),
  'move-rendezvous': claim({
    says: 'rendezvous moves about the ideal 1/11',
    measure: (ctx) => movedBy(ctx, 'rendezvous'),
    holds: near(1 / 11, 0.01),
    show: percent(1),
  }),
  'move-bounded': claim({
    says: 'bounded loads, its cap not reached, moves the same keys as the ring',
    measure: (ctx) => movedBy(ctx, 'bounded'),
    holds: near(1 / 11, 0.02),
    show: percent(1),
  }),
  'move-modulo': claim({
    says: 'hash % N moves almost every key',
    measure: (ctx) => movedBy(ctx, 'modulo'),
    holds: (x) => x > 0.85,
    show: percent(0),
  }),
  'q-jump': claim({
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
  'q-eps': claim({
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
