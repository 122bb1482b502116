/**
 * Checks for stampede-herd.md: the #herd widget (one hot key, 2,000 requests a second) and the
 * #cold widget (500 keys) flushed at 3 s, as the text says.
 */
import { claim, defineClaims, firstLog, fixed, whenTrue } from '../src/lessons/claims/define';
import type { ClaimContext } from '../src/lessons/claims/define';
import type { LogEvent } from '../src/sim/core/types';
import type { State } from '../src/sim/models/stampede/state';

const HERD_LINE = /Key 0 expired at [\d.]+ s: (\d+) requests recomputed it at once/;
const FLUSH = { at: 3000, action: 'flush' };

/** The herd widget with its rate set to `rate` from the start, played 14 s. */
const atRate = (ctx: ClaimContext, rate: number) =>
  ctx.run('herd', rate === 2000 ? [] : [{ at: 0, action: 'setRate', rate }], 14_000);
const herds = (log: readonly LogEvent[]) =>
  log.map((e) => HERD_LINE.exec(e.text)).filter((m) => m !== null).map((m) => Number(m![1]));
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
/** Timeouts per expiry of key 0 at `rate`. */
async function timeoutsPerExpiry(ctx: ClaimContext, rate: number) {
  const r = await atRate(ctx, rate);
  return r.sim.metrics().timeouts! / herds(r.log).length;
}

/** The cold widget flushed at 3 s, watched from the flush: [time from it, metrics]. */
async function watchCold(ctx: ClaimContext, until: (m: Record<string, number | undefined>) => boolean) {
  const sim = await ctx.sim('cold', [FLUSH]);
  const t = whenTrue(sim, 30_000, (x) => x.now > 3000 && until(x.metrics()));
  return { afterMs: t === null ? -1 : t - 3000, m: sim.metrics() };
}

/** The cold widget watched until its hit ratio, after dipping below 90%, is back above it. */
function untilWarm(ctx: ClaimContext) {
  let low = false;
  return watchCold(ctx, (m) => {
    low ||= (m.hitRatio ?? 1) < 0.9;
    return low && (m.hitRatio ?? 0) >= 0.9;
  });
}

export default defineClaims({
  'q-herd': claim({
    says: 'about 200 requests recompute the key at its first expiry',
    measure: async (ctx) => herds((await atRate(ctx, 2000)).log)[0] ?? 0,
    holds: (n) => n >= 170 && n <= 230,
    show: String,
  }),
  'herd-by-rate': claim({
    says: 'the herd grows with the request rate, about rate x 100 ms',
    measure: async (ctx) => {
      const out: number[] = [];
      for (const rate of [500, 1000, 2000, 4000]) out.push(Math.round(mean(herds((await atRate(ctx, rate)).log))));
      return out;
    },
    holds: (v) => [500, 1000, 2000, 4000].every((rate, i) => Math.abs(v[i]! - rate * 0.1) < rate * 0.03),
    show: (v) => `${v.slice(0, 3).join(', ')} and ${v[3]}`,
  }),
  'fresh-at': claim({
    says: 'the log says the key is fresh again 100 ms after the expiry, when it happens',
    measure: async (ctx) => {
      const e = firstLog((await atRate(ctx, 2000)).log, /^Key 0 is fresh in the cache again at/);
      return e ? e.text.slice(0, 43) : '';
    },
    holds: (t) => t === 'Key 0 is fresh in the cache again at 0.69 s',
    show: String,
  }),
  'herd-done': claim({
    says: 'the expiry summary comes when the last duplicate query ends, about a second after the expiry',
    measure: async (ctx) => {
      const e = (await atRate(ctx, 2000)).log.find((x) => HERD_LINE.test(x.text));
      return e ? e.t / 1000 : -1;
    },
    holds: (s) => s > 1.4 && s < 1.8,
    show: (s) => `${s.toFixed(2)} s`,
  }),
  'q-spike': claim({
    says: 'about 190 timeouts per expiry at 4,000 requests a second',
    measure: (ctx) => timeoutsPerExpiry(ctx, 4000),
    holds: (n) => n > 170 && n < 210,
    show: (n) => String(Math.round(n / 10) * 10),
  }),
  'timeouts-2000': claim({
    says: 'one or two timeouts per expiry at 2,000 requests a second',
    measure: (ctx) => timeoutsPerExpiry(ctx, 2000),
    holds: (n) => n >= 0.5 && n <= 2.5,
  }),
  'cold-peak': claim({
    says: 'after a flush at 3 s the queue passes 1,900',
    measure: async (ctx) => {
      let peak = 0;
      await watchCold(ctx, (m) => {
        peak = Math.max(peak, m.dbQueue ?? 0);
        return m.dbQueue === 0 && (m.dbInFlight ?? 0) === 0 && peak > 0;
      });
      return peak;
    },
    holds: (n) => n >= 1900 && n < 2100,
    show: (n) => fixed(0)(Math.floor(n / 100) * 100),
  }),
  'q-cold': claim({
    says: 'the database is busy with the flush for over ten seconds',
    measure: async (ctx) =>
      (await watchCold(ctx, (m) => m.dbQueue === 0 && m.dbInFlight === 0)).afterMs / 1000,
    holds: (s) => s > 10 && s < 13,
    show: (s) => `${s.toFixed(1)} s`,
  }),
  'cold-timeouts': claim({
    says: 'nearly 3,000 requests time out in the first five seconds after the flush',
    measure: async (ctx) => (await ctx.run('cold', [FLUSH], 8000)).sim.metrics().timeouts!,
    holds: (n) => n >= 2600 && n < 3000,
  }),
  'cold-warm': claim({
    says: 'the hit ratio is back above 90% about 5 s after the flush',
    measure: async (ctx) => (await untilWarm(ctx)).afterMs / 1000,
    holds: (s) => s > 4 && s < 6,
    show: (s) => `${s.toFixed(0)} s`,
  }),
  'cold-warm-queue': claim({
    says: 'when the hit ratio is back above 90%, most of the peak queue is still waiting',
    measure: async (ctx) => (await untilWarm(ctx)).m.dbQueue!,
    holds: (n) => n > 1000,
    show: (n) => fixed(0)(Math.round(n / 100) * 100),
  }),
  'cold-duplicates': claim({
    says: 'when the hit ratio is back, most queued queries are for keys already cached again, and for clients that left',
    measure: async (ctx) => {
      const sim = await ctx.sim('cold', [FLUSH]);
      let low = false;
      whenTrue(sim, 30_000, (x) => {
        const m = x.metrics();
        low ||= x.now > 3000 && (m.hitRatio ?? 1) < 0.9;
        return low && (m.hitRatio ?? 0) >= 0.9;
      });
      const s = sim.state as State;
      const queued = s.dbQueue.slice(s.dbHead).map((id) => s.jobs.get(id)).filter((j) => j !== undefined);
      const cached = queued.filter((j) => s.expiresAt[j!.key]! > sim.now).length;
      const left = queued.filter((j) => j!.waiters.every((r) => !s.reqs.has(r))).length;
      return [queued.length, cached / queued.length, left / queued.length];
    },
    holds: ([, cached, left]) => cached! > 0.5 && left! > 0.5,
  }),
});
