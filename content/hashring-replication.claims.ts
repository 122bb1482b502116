/**
 * Checks for hashring-replication.md: the #rep widget (5 servers, 4 vnodes each, N = 3, 300 keys)
 * as the text plays it: N2 removed, then the replication factor changed.
 */
import { claim, defineClaims, fixed } from '../src/lessons/claims/define';
import type { ClaimContext } from '../src/lessons/claims/define';
import type { HashringView } from '../src/sim/models/hashring/view';
import type { HashringState } from '../src/sim/models/hashring/state';
import { successor } from '../src/sim/models/hashring/ring';

const REMOVE_N2 = { at: 100, action: 'removeNode', node: 2 };

const viewAfter = async (ctx: ClaimContext, inputs: { at: number; action: string }[]) => {
  const r = await ctx.run('rep', inputs, 300);
  return { view: r.sim.frame().view as HashringView, state: r.sim.state as HashringState };
};
const node = (v: HashringView, name: string) => v.nodes.find((n) => n.name === name)!;

/** Ring points a key's walk visits to collect its preference list. */
function pointsWalked(s: HashringState, k: number): number {
  const { positions, owners } = s.ring;
  const seen = new Set<number>();
  let i = successor(s.ring, s.keyHashes[k]!);
  let steps = 0;
  while (seen.size < s.replicas) {
    seen.add(owners[i]!);
    steps++;
    i = i + 1 === positions.length ? 0 : i + 1;
  }
  return steps;
}

export default defineClaims({
  'vnodes-shown': claim({
    says: 'the widget places 4 virtual nodes per server',
    measure: async (ctx) => (await viewAfter(ctx, [])).view.vnodes,
    holds: (v) => v === 4,
    show: String,
  }),
  'q-skip': claim({
    says: 'a walk passes at least 3 points, and a good share of walks pass more',
    measure: async (ctx) => {
      const { state } = await viewAfter(ctx, []);
      const walks = Array.from(state.keyHashes, (_, k) => pointsWalked(state, k));
      return [Math.min(...walks), Math.max(...walks), walks.filter((w) => w > 3).length / walks.length];
    },
    holds: ([min, max, more]) => min === 3 && max! > 3 && more! > 0.2,
    show: ([, , more]) => `${Math.round(more! * 100)}%`,
  }),
  'n2-owns': claim({
    says: 'N2 owns only a few of the 300 keys',
    measure: async (ctx) => node((await viewAfter(ctx, [])).view, 'N2').keys,
    holds: (k) => k < 30,
    show: String,
  }),
  'q-fail': claim({
    says: 'but N2 stores copies of about two thirds of them',
    measure: async (ctx) => node((await viewAfter(ctx, [])).view, 'N2').copies,
    holds: (c) => c > 150 && c < 250,
    show: String,
  }),
  'after-remove': claim({
    says: 'after removing N2 only its few owned keys move, yet every key still has three copies',
    measure: async (ctx) => {
      const { view } = await viewAfter(ctx, [REMOVE_N2]);
      const total = view.nodes.reduce((a, n) => a + n.copies, 0);
      return [view.lastChange?.moved ?? -1, total];
    },
    holds: ([moved, total]) => moved! < 30 && total === 900,
    show: ([moved]) => String(moved),
  }),
  'copies-grow': claim({
    says: 'total copies are N x 300 with 5 servers for N = 1 to 5, and stop at four per key with 4 servers',
    measure: async (ctx) => {
      const out: number[] = [];
      for (const replicas of [1, 2, 3, 4, 5]) {
        const { view } = await viewAfter(ctx, [{ at: 100, action: 'set', params: { replicas } } as never]);
        out.push(view.nodes.reduce((a, n) => a + n.copies, 0));
      }
      const { view } = await viewAfter(ctx, [REMOVE_N2, { at: 150, action: 'set', params: { replicas: 5 } } as never]);
      out.push(view.nodes.reduce((a, n) => a + n.copies, 0));
      return out;
    },
    holds: (v) => v.join() === '300,600,900,1200,1500,1200',
    show: (v) => fixed(0)(v[5]!),
  }),
});
