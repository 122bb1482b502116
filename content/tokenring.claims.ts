/**
 * Checks for tokenring.md. The learner crashes the holder a few seconds in (3 s here); N1 makes
 * the new token when its 2 s timeout, counted from the last time it took the token, runs out.
 */
import { claim, defineClaims, firstLog } from '../src/lessons/claims/define';

const CRASH_MS = 3000;

export default defineClaims({
  'regen-after': claim({
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
});
