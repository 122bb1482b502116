/**
 * What the event log says aloud: each recomputation episode of the hottest key (with the herd
 * size), the start of a run of timeouts, and the learner's actions. Never one line per request.
 */
import type { C, HotEpisode } from './state';

/** Seconds with two decimals: "12.00 s". */
export const secs = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** Herds of at least this many recomputations are logged as warnings. */
const HERD_WARN = 5;

export function narrateEpisode(ctx: C, ep: HotEpisode): void {
  let when: string;
  if (ep.expiry === -Infinity) when = `Key 0 was not cached at ${secs(ep.start)}`;
  else if (ep.start < ep.expiry)
    when = `Key 0 was recomputed early at ${secs(ep.start)}, ${secs(ep.expiry - ep.start)} before it expired`;
  else when = `Key 0 expired at ${secs(ep.expiry)}`;
  let what: string;
  if (ep.count > 1) what = `${ep.count} requests recomputed it at once`;
  else if (ep.firstKind === 'refresh') what = '1 background refresh ran';
  else what = '1 request recomputed it';
  const extras: string[] = [];
  if (ep.waiters > 0) extras.push(`${plural(ep.waiters, 'request')} waited`);
  if (ep.stale > 0) extras.push(`${plural(ep.stale, 'request')} got the stale value`);
  const tail = extras.length ? ` while ${extras.join(' and ')}` : '';
  const took =
    ep.freshAt >= 0 && ep.freshAt < ctx.now
      ? ` (fresh again after ${secs(ep.freshAt - ep.start)}; the last of them finished at ${secs(ctx.now)})`
      : ` (fresh again after ${secs(ctx.now - ep.start)})`;
  ctx.log(`${when}: ${what}${tail}${took}.`, {
    level: ep.count >= HERD_WARN ? 'warn' : 'info',
    kind: ep.count >= HERD_WARN ? 'herd' : 'recompute',
  });
}

/** Key 0 is back in the cache while `left` recomputations of it are still queued or running. */
export function narrateFresh(ctx: C, ep: HotEpisode, left: number): void {
  ctx.log(
    `Key 0 is fresh in the cache again at ${secs(ctx.now)}, ${secs(ctx.now - ep.start)} after its recomputation began; ${plural(left, 'more recomputation')} of it still to finish.`,
    { kind: 'recompute' },
  );
}

/** The first timeout after a quiet second. */
export function narrateTimeouts(ctx: C, waitedMs: number, running: number, queued: number): void {
  ctx.log(
    `Requests started timing out at ${secs(ctx.now)} after waiting ${secs(waitedMs)} ` +
      `(database: ${running} running, ${queued} queued).`,
    { level: 'error', kind: 'timeout' },
  );
}
