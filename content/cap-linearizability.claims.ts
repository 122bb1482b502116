/**
 * Checks for cap-linearizability.md: the #lin widget (ap-partition: a cut at 4 s, a heal at
 * 14 s) played as the text asks, and with the workload stopped after the heal.
 */
import { claim, defineClaims, whenTrue } from '../src/lessons/claims/define';

const STOP = { at: 15_000, action: 'set', params: { rate: 0 } };

export default defineClaims({
  'q-when': claim({
    says: 'the verdict turns red less than a second after the 4 s cut',
    measure: async (ctx) => {
      const sim = await ctx.sim('lin', []);
      const t = whenTrue(sim, 14_000, (x) => x.metrics().linearizable === 0);
      return t === null ? -1 : (t - 4000) / 1000;
    },
    holds: (s) => s > 0 && s < 1,
  }),
  'heal-converges': claim({
    says: 'after the 14 s heal the replicas agree again within a couple of seconds',
    measure: async (ctx) => {
      const sim = await ctx.sim('lin', []);
      const t = whenTrue(sim, 30_000, (x) => x.now >= 14_000 && x.metrics().diverged === 0);
      return t === null ? -1 : (t - 14_000) / 1000;
    },
    holds: (s) => s >= 0 && s < 3,
  }),
  'settles-after-stop': claim({
    says: 'with the workload stopped after the heal, every replica holds the same value',
    measure: async (ctx) => (await ctx.run('lin', [STOP], 20_000)).sim.metrics().diverged!,
    holds: (d) => d === 0,
  }),
});
