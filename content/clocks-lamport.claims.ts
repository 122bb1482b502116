/**
 * Checks for clocks-lamport.md. The first widget starts empty: the learner makes P0 do a local
 * event and send to P1, and plays until it arrives. The second runs the "three" preset; the
 * number in the text is measured over its first 20 s.
 */
import { claim, defineClaims, percent } from '../src/lessons/claims/define';
import type { ClocksState } from '../src/sim/models/clocks/types';

const BUILD = [
  { at: 0, action: 'local', process: 0 },
  { at: 0, action: 'send', from: 0, to: 1 },
];

/** Then P2's two local events, and a message from P1 to P2, played until it arrives. */
const MORE = [
  ...BUILD,
  { at: 2000, action: 'local', process: 2 },
  { at: 2000, action: 'local', process: 2 },
  { at: 2000, action: 'send', from: 1, to: 2 },
];

const vectorLess = (a: readonly number[], b: readonly number[]) =>
  a.every((x, j) => x <= b[j]!) && a.some((x, j) => x < b[j]!);

export default defineClaims({
  'q-receive': claim({
    says: "P1's receive of P0's second event gets Lamport timestamp 3",
    measure: async (ctx) => {
      const r = await ctx.run('build', BUILD, 2000);
      const s = r.sim.state as ClocksState;
      return s.events.find((e) => e.process === 1 && e.kind === 'receive')?.lamport ?? -1;
    },
    holds: (l) => l === 3,
  }),
  'local-before-receive': claim({
    says: "P0's local event happened before P1's receive, through P0's send (the panel's 'before')",
    measure: async (ctx) => {
      const s = (await ctx.run('build', BUILD, 2000)).sim.state as ClocksState;
      const [local, send] = s.events.filter((e) => e.process === 0);
      const recv = s.events.find((e) => e.process === 1 && e.kind === 'receive');
      if (!local || !send || !recv) return 'missing';
      return `${local.kind} ${send.kind} ${vectorLess(local.vector, recv.vector) ? 'before' : 'not before'}`;
    },
    holds: (v) => v === 'local send before',
  }),
  'q-concurrent': claim({
    says: "P2's first event and P1's receive are concurrent: neither vector is below the other",
    measure: async (ctx) => {
      const s = (await ctx.run('build', MORE, 4000)).sim.state as ClocksState;
      const p2 = s.events.find((e) => e.process === 2 && e.kind === 'local');
      const recv = s.events.find((e) => e.process === 1 && e.kind === 'receive');
      if (!p2 || !recv) return 'missing';
      return vectorLess(p2.vector, recv.vector) || vectorLess(recv.vector, p2.vector)
        ? 'ordered'
        : 'concurrent';
    },
    holds: (v) => v === 'concurrent',
  }),
  'q-chain': claim({
    says: "P0's first event happened before P2's receive (its vector is below)",
    measure: async (ctx) => {
      const s = (await ctx.run('build', MORE, 4000)).sim.state as ClocksState;
      const p0 = s.events.find((e) => e.process === 0);
      const recv = s.events.find((e) => e.process === 2 && e.kind === 'receive');
      return p0 && recv ? vectorLess(p0.vector, recv.vector) : false;
    },
    holds: (before) => before,
  }),
  'p2-stamps': claim({
    says: "P2's two local events are stamped 1 and 2",
    measure: async (ctx) => {
      const r = await ctx.run('build', MORE, 4000);
      const s = r.sim.state as ClocksState;
      return s.events.filter((e) => e.process === 2 && e.kind === 'local').map((e) => e.lamport);
    },
    holds: (l) => l.join(',') === '1,2',
    show: (l) => l.join(' and '),
  }),
  'chain-vector': claim({
    says: "P2's receive of P1's message has vector [2,2,3]",
    measure: async (ctx) => {
      const r = await ctx.run('build', MORE, 4000);
      const s = r.sim.state as ClocksState;
      const e = s.events.find((x) => x.process === 2 && x.kind === 'receive');
      return e ? `[${e.vector.join(',')}]` : 'none';
    },
    holds: (v) => v === '[2,2,3]',
  }),
  'lamport-misleads': claim({
    says: 'a sizeable share of the cross-process pairs that Lamport orders are concurrent',
    measure: async (ctx) => {
      const r = await ctx.run('run', [], 20_000);
      const evs = (r.sim.state as ClocksState).events;
      let ordered = 0;
      let concurrent = 0;
      for (const a of evs)
        for (const b of evs) {
          if (a.process === b.process || a.lamport >= b.lamport) continue;
          ordered++;
          if (!vectorLess(a.vector, b.vector)) concurrent++;
        }
      return ordered ? concurrent / ordered : -1;
    },
    holds: (x) => x > 0.2 && x < 0.9,
    show: percent(0),
  }),
});
