/**
 * Checks for cap-pacelc.md: the #pl widget's own script (cp, then ap at 10 s), and the quorum
 * dial pressed after the verdict turns red (R = W = 2 at 22 s, R = W = 1 at 26 s). Latency is the
 * side panel's: the mean over the last 2 s, read just before each change.
 */
import { claim, defineClaims, firstLog, whenTrue } from '../src/lessons/claims/define';
import type { ClaimContext } from '../src/lessons/claims/define';

const QUORUM = { at: 22_000, action: 'set', params: { mode: 'quorum', R: 2, W: 2 } };
const R1 = { at: 26_000, action: 'set', params: { R: 1, W: 1 } };
const latencyAt = async (ctx: ClaimContext, t: number) =>
  (await ctx.run('pl', [QUORUM, R1], t)).sim.metrics().latencyMs!;
const ms = (x: number) => `${Math.round(x / 10) * 10} ms`;

export default defineClaims({
  'q-cp': claim({
    says: 'cp operations take about 300 ms',
    measure: (ctx) => latencyAt(ctx, 9900),
    holds: (x) => x > 250 && x < 380,
    show: ms,
  }),
  'q-ap': claim({
    says: 'ap operations take about the client round trip, 140 ms',
    measure: (ctx) => latencyAt(ctx, 19_900),
    holds: (x) => x > 110 && x < 180,
    show: ms,
  }),
  'ap-red': claim({
    says: 'with no partition, ap turns red at about 20.3 s naming the read that missed a completed write',
    measure: async (ctx) => {
      const sim = await ctx.sim('pl', []);
      const t = whenTrue(sim, 40_000, (x) => x.metrics().linearizable === 0);
      const line = firstLog((await ctx.run('pl', [], 21_000)).log, /^Not linearizable/);
      return [t === null ? -1 : t / 1000, line?.text.replace('Not linearizable: ', '') ?? ''];
    },
    holds: ([t, text]) =>
      Number(t) > 19 && Number(t) < 22 && text === "C0 read 49 from k0 after C1's write of 50 had completed",
    show: ([t]) => `${Number(t).toFixed(1)} s`,
  }),
  'quorum-latency': claim({
    says: 'quorum R = W = 2 settles around 260 ms',
    measure: (ctx) => latencyAt(ctx, 25_900),
    holds: (x) => x > 200 && x < 320,
    show: ms,
  }),
  'r1-latency': claim({
    says: 'R = W = 1 is faster still',
    measure: (ctx) => latencyAt(ctx, 29_900),
    holds: (x) => x > 120 && x < 220,
    show: ms,
  }),
});
