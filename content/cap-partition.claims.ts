/**
 * Checks for cap-partition.md. The learner cuts the network after a couple of seconds (2 s
 * here), switches to ap with the cut in place (8 s), stops the random clients (11 s), lets C0
 * write k0 (11.5 s) and C2 read it (13 s), heals (20 s), turns the clients back on (22 s) and
 * switches back to cp (23 s); the experiment runs as the lesson's directive does.
 */
import { claim, defineClaims, resultAt, percent, whenTrue } from '../src/lessons/claims/define';
import type { CapPartitionResult } from '../src/sim/models/cap/experiments';
import type { CapState } from '../src/sim/models/cap/types';

const CUT = { at: 2000, action: 'partition', groups: [[0, 1, 5, 6], [2, 3, 4, 7, 8]] };
const AP = { at: 8000, action: 'set', params: { mode: 'ap' } };
const PROOF = [
  { at: 11_000, action: 'workload', on: false },
  { at: 11_500, action: 'write', client: 0, key: 0 },
  { at: 13_000, action: 'read', client: 2, key: 0 },
];
const HEAL = { at: 20_000, action: 'heal' };
const WHOLE = [
  { at: 22_000, action: 'workload', on: true },
  { at: 23_000, action: 'set', params: { mode: 'cp' } },
];

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
  'q-proof': claim({
    says: "C0's write on S0's side succeeds; C2's later read on the other side succeeds with an older value",
    measure: async (ctx) => {
      const h = ((await ctx.run('cap', [CUT, AP, ...PROOF], 15_000)).sim.state as CapState).history;
      const after = (t: number, p: number, f: string) =>
        h.filter((e) => e.time >= t && e.process === p && e.f === f);
      const [wInv, wEnd] = after(11_500, 0, 'write');
      const [, rEnd] = after(13_000, 2, 'read');
      return [wEnd?.type ?? '?', rEnd?.type ?? '?', wInv?.value !== rEnd?.value] as const;
    },
    holds: ([w, r, older]) => w === 'ok' && r === 'ok' && older,
  }),
  'q-whole': claim({
    says: 'healed and back in cp mode with the clients on, every operation succeeds, no new violation',
    measure: async (ctx) => {
      const inputs = [CUT, AP, ...PROOF, HEAL, ...WHOLE];
      const before = (await ctx.run('cap', inputs, 23_000)).sim.metrics().violations!;
      const r = await ctx.run('cap', inputs, 30_000);
      return [r.sim.metrics().availabilityRecent!, r.sim.metrics().violations! - before] as const;
    },
    holds: ([recent, newViolations]) => recent === 1 && newViolations === 0,
  }),
  'heal-converges': claim({
    says: 'after the heal the replicas that were behind catch up within a second or so',
    measure: async (ctx) => {
      const sim = await ctx.sim('cap', [CUT, AP, ...PROOF, HEAL]);
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
