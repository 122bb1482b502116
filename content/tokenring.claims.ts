/**
 * Checks for tokenring.md. The learner crashes the holder a few seconds in (3 s here); N1 makes
 * the new token when its 2 s timeout, counted from the last time it took the token, runs out.
 */
import { between, claim, defineClaims, firstLog } from '../src/lessons/claims/define';
import type { ClaimContext } from '../src/lessons/claims/define';

const CRASH_MS = 3000;
/** The rest of the lesson: restart at 8 s, the cut at 12 s, heal at 22 s, the 600 ms timeout at 24 s. */
const LATER = [
  { at: CRASH_MS, action: 'crash' },
  { at: 8000, action: 'restart' },
  { at: 12_000, action: 'partition', groups: [[0, 1], [2, 3, 4]] },
  { at: 22_000, action: 'heal' },
  { at: 24_000, action: 'set', params: { timeoutMs: 600 } },
];

/** The most nodes holding a token at once, and the newest generation, from `fromMs` to `toMs`. */
async function watch(ctx: ClaimContext, fromMs: number, toMs: number) {
  const sim = await ctx.sim('ring', LATER);
  let holders = 0;
  while (sim.now < toMs && sim.step())
    if (sim.now >= fromMs) holders = Math.max(holders, sim.metrics().holders!);
  return { holders, generation: sim.metrics().generation! };
}

/** A steady run long enough that the first lap's start-up does not count. */
const STEADY_MS = 30_000;

export default defineClaims({
  'q-turn': claim({
    says: 'with nothing failing, a node gets the token about every 1.2 s',
    measure: async (ctx) => {
      const r = await ctx.run('ring', [], STEADY_MS);
      const { passes } = r.sim.metrics();
      const nodes = Number(ctx.scenario('ring').params.nodes);
      // One lap is one pass per node: the time between a node's turns.
      return passes ? (STEADY_MS / 1000) * (nodes / passes) : -1;
    },
    holds: between(1.0, 1.4),
    show: (s) => `${s.toFixed(1)} s`,
  }),
  'q-crash': claim({
    says: 'after the holder crashes, N1 makes generation 2 within its 2 s timeout',
    measure: async (ctx) => {
      const r = await ctx.run('ring', [{ at: CRASH_MS, action: 'crash' }], CRASH_MS + 4000);
      const crash = firstLog(r.log, /crashed while holding the token/);
      const regen = firstLog(r.log, /^N1 makes a new token, generation 2/, CRASH_MS);
      return crash && regen ? (regen.t - crash.t) / 1000 : -1;
    },
    holds: (s) => s > 0 && s <= 2,
    show: (s) => `${s.toFixed(1)} s`,
  }),
  'q-cut': claim({
    says: 'cut in two for ten seconds, two nodes hold a token at once (one per side), never more',
    measure: async (ctx) => (await watch(ctx, 12_000, 22_000)).holders,
    holds: (n) => n === 2,
  }),
  'q-short': claim({
    says: 'with a 600 ms timeout the newest generation keeps climbing',
    measure: async (ctx) => [
      (await watch(ctx, 0, 24_000)).generation,
      (await watch(ctx, 0, 34_000)).generation,
    ],
    holds: ([before, after]) => after! >= before! + 5,
  }),
});
