/**
 * Checks for cap-quorums.md: the scripted #q and #qrr runs (C0's write of 5 cut off at 3.5 s,
 * the heal at 5 s, six reads by C1, C2 and C3), played to 8 s when the random workload resumes.
 */
import { claim, defineClaims, firstLog } from '../src/lessons/claims/define';
import type { ClaimContext } from '../src/lessons/claims/define';
import type { CapState } from '../src/sim/models/cap/types';

/** The scripted operations' ends between 3 s and 8 s, as "C2 read 4" and "C0 write unknown". */
async function scripted(ctx: ClaimContext, widget: string) {
  const r = await ctx.run(widget, [], 8000);
  const s = r.sim.state as CapState;
  const ends = s.history.filter((e) => e.type !== 'invoke' && e.time > 3000 && e.time < 8000);
  return { r, reads: ends.filter((e) => e.f === 'read'), writes: ends.filter((e) => e.f === 'write') };
}

export default defineClaims({
  'write-unknown': claim({
    says: "C0's write of 5 ends unknown",
    measure: async (ctx) => (await scripted(ctx, 'q')).writes.map((e) => `C${e.process} ${e.type} ${String(e.value)}`),
    holds: (w) => w.length === 1 && w[0] === 'C0 info 5',
  }),
  'q-partial': claim({
    says: "the first four reads return 5, then C2's read at 6.8 s returns 4 and the checker names it",
    measure: async (ctx) => {
      const { r, reads } = await scripted(ctx, 'q');
      const named = firstLog(r.log, /C2 read 4 from k0 after C1 had already read the newer 5/) !== undefined;
      return [...reads.map((e) => `C${e.process}:${String(e.value)}@${(e.time / 1000).toFixed(1)}`), named];
    },
    holds: (v) =>
      v.slice(0, 4).every((x) => String(x).includes(':5@')) && String(v[4]).startsWith('C2:4@') && v[6] === true,
  }),
  'q-repair': claim({
    says: 'with read repair all six reads return 5 and the verdict stays green',
    measure: async (ctx) => {
      const { r, reads } = await scripted(ctx, 'qrr');
      return [reads.length, reads.filter((e) => e.value === 5).length, r.sim.metrics().linearizable!];
    },
    holds: ([n, fives, lin]) => n === 6 && fives === 6 && lin === 1,
  }),
});
