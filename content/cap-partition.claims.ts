/**
 * Checks for cap-partition.md. The learner cuts the network after a couple of seconds (2 s
 * here), switches to ap with the cut in place (8 s), heals (20 s); the experiment runs as the
 * lesson's directive does.
 */
import { claim, defineClaims, resultAt, percent, whenTrue } from '../src/lessons/claims/define';
import type { CapPartitionResult } from '../src/sim/models/cap/experiments';
import type { CapState } from '../src/sim/models/cap/types';

const CUT = { at: 2000, action: 'partition', groups: [[0, 1, 5, 6], [2, 3, 4, 7, 8]] };
const AP = { at: 8000, action: 'set', params: { mode: 'ap' } };
const HEAL = { at: 20_000, action: 'heal' };

/** Ends of operations of these clients completed in [from, to): [ok, fail or unknown]. */
function ends(s: CapState, clients: number[], from: number, to: number): [number, number] {
  const done = s.history.filter(
    (e) => e.type !== 'invoke' && clients.includes(e.process) && e.time >= from && e.time < to,
  );
  return [done.filter((e) => e.type === 'ok').length, done.filter((e) => e.type !== 'ok').length];
}

type Swept = { value: unknown; result: unknown }[];
const byMode = (runs: Swept, value: string) => resultAt<CapPartitionResult>(runs, value);

export default defineClaims({
  'q-minority': claim({
    says: 'in cp mode C0 and C1 get only failures during the cut, C2 and C3 carry on, the verdict stays green',
    measure: async (ctx) => {
      const r = await ctx.run('cap', [CUT], 8000);
      const s = r.sim.state as CapState;
      // Ops already running at the cut may still finish: count from one client timeout later.
      const [minOk, minFail] = ends(s, [0, 1], 3000, 8000);
      const [majOk] = ends(s, [2, 3], 3000, 8000);
      return [minOk, minFail, majOk, r.sim.metrics().linearizable!] as const;
    },
    holds: ([minOk, minFail, majOk, lin]) => minOk === 0 && minFail > 0 && majOk > 5 && lin === 1,
  }),
  'q-ap': claim({
    says: 'after switching to ap with the cut in place, the verdict soon turns red',
    measure: async (ctx) => {
      const sim = await ctx.sim('cap', [CUT, AP]);
      const t = whenTrue(sim, 20_000, (x) => x.now >= 8000 && x.metrics().linearizable === 0);
      return t === null ? -1 : (t - 8000) / 1000;
    },
    holds: (s) => s > 0 && s < 3,
  }),
  'heal-converges': claim({
    says: 'after the heal the replicas that were behind catch up within a second or so',
    measure: async (ctx) => {
      const sim = await ctx.sim('cap', [CUT, AP, HEAL]);
      const t = whenTrue(sim, 26_000, (x) => x.now >= 20_000 && x.metrics().diverged === 0);
      return t === null ? -1 : (t - 20_000) / 1000;
    },
    holds: (s) => s >= 0 && s <= 1.5,
  }),
  'exp-cp': claim({
    says: 'cp availability in the experiment',
    measure: async (ctx) => byMode(await ctx.lessonExperiment('cap-partition'), 'cp').availability,
    holds: (x) => x > 0.9 && x < 1,
    show: percent(1),
  }),
  'exp-cp-correct': claim({
    says: 'cp is never wrong',
    measure: async (ctx) => byMode(await ctx.lessonExperiment('cap-partition'), 'cp').violations,
    holds: (v) => v === 0,
  }),
  'exp-ap-violations': claim({
    says: 'ap answers everything and is wrong dozens of times',
    measure: async (ctx) => {
      const ap = byMode(await ctx.lessonExperiment('cap-partition'), 'ap');
      return [ap.availability, ap.violations] as const;
    },
    holds: ([a, v]) => a === 1 && v >= 20,
    show: ([, v]) => String(v),
  }),
  'exp-sloppy': claim({
    says: 'sloppy quorums sit between cp and ap in availability',
    measure: async (ctx) => {
      const runs = await ctx.lessonExperiment('cap-partition');
      const [cp, ap, q] = ['cp', 'ap', 'quorum'].map((m) => byMode(runs, m).availability);
      return [cp!, q!, ap!] as const;
    },
    holds: ([cp, q, ap]) => cp < q && q < ap,
    show: ([, q]) => percent(1)(q),
  }),
  'exp-sloppy-wrong': claim({
    says: 'sloppy quorums are not linearizable: reads the checker cannot place',
    measure: async (ctx) =>
      byMode(await ctx.lessonExperiment('cap-partition'), 'quorum').violations,
    holds: (v) => v > 0,
    show: String,
  }),
  'exp-strict': claim({
    says: 'strict quorums (no stand-ins) are less available than cp here',
    measure: async (ctx) => {
      const runs = await ctx.lessonExperiment('cap-partition', { sloppy: false });
      return [byMode(runs, 'quorum').availability, byMode(runs, 'cp').availability] as const;
    },
    holds: ([q, cp]) => q < cp,
    show: ([q]) => percent(1)(q),
  }),
});
