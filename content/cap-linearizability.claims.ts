/**
 * Checks for cap-linearizability.md: the #lin widget (ap-partition: a cut at 4 s, a heal at
 * 14 s) played as the text asks, and with the workload stopped after the heal; the #lossy
 * widget (cp, no partition, 5% of messages lost) played to 13 s.
 */
import { claim, defineClaims, whenTrue } from '../src/lessons/claims/define';
import type { CapState } from '../src/sim/models/cap/types';

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
  'q-stale': claim({
    says: 'at 10 s one more violation than stale reads, the extra one the log line at 8.0 s',
    measure: async (ctx) => {
      const r = await ctx.run('lin', [], 10_000);
      const m = r.sim.metrics();
      const line = r.log.find((e) => /No order of the overlapping operations/.test(e.text));
      return [m.staleReads!, m.violations!, line ? (line.t / 1000).toFixed(1) : '', line?.text ?? ''];
    },
    holds: ([stale, violations, at, text]) =>
      stale === 6 &&
      violations === 7 &&
      at === '8.0' &&
      String(text).endsWith("lets C2's read of k0 return 21: by then the register held 22"),
    show: ([stale, violations]) => `${stale} stale reads against "✕ no, ${violations} reads"`,
  }),
  'q-unknown': claim({
    says: "C0's write of 35 (from 11.4 s) ends unknown, C1 reads 35 before C0 gives up, and the verdict stays green",
    measure: async (ctx) => {
      const r = await ctx.run('lossy', [], 13_000);
      const h = (r.sim.state as CapState).history;
      const start = h.find((e) => e.type === 'invoke' && e.f === 'write' && e.value === 35);
      const end = h.find((e) => e.type !== 'invoke' && e.process === start?.process && e.index > start.index);
      const firstRead = h.find((e) => e.type === 'ok' && e.f === 'read' && e.value === 35);
      return [
        `C${start?.process ?? '?'} ${end?.type ?? '?'} from ${((start?.time ?? 0) / 1000).toFixed(1)} s`,
        `C${firstRead?.process ?? '?'} read at ${((firstRead?.time ?? 0) / 1000).toFixed(1)} s`,
        (firstRead?.time ?? Infinity) < (end?.time ?? 0),
        r.sim.metrics().linearizable!,
      ] as const;
    },
    holds: ([write, read, beforeGiveUp, lin]) =>
      write === 'C0 info from 11.4 s' && read === 'C1 read at 11.6 s' && beforeGiveUp && lin === 1,
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
