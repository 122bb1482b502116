/**
 * Sloppy quorums and hinted handoff (DeCandia et al., Dynamo, SOSP 2007, section 4.6), an option
 * of quorum mode. A coordinator sends to the key's N replicas as usual; those that have not
 * answered after about one round trip get a stand-in: the next replica round the ring that is not
 * already asked. A write sent to a stand-in carries a hint naming the replica it was meant for;
 * the stand-in keeps the version apart from its own data (reads it answers include it) and, every
 * anti-entropy period, offers it to that replica, deleting the hint once it is confirmed. Quorums
 * of W and R then form from whichever replicas are reachable, so a side of a partition with W
 * replicas keeps taking writes, at the price that read and write quorums need not meet at all.
 */
import type { Ctx } from '../../core/types';
import { applyPut, coordTimeoutMs, onAck, onGot } from './coordinator';
import { keyName } from './clients';
import { newer, observe } from './store';
import type { CapMsg, CapParams, CapState, CapTimer, Coord, Replica, Ver } from './types';

type C = Ctx<CapParams, CapTimer, CapMsg>;

/** How long a coordinator waits for a replica before asking a stand-in: about one round trip. */
export const fallbackMs = (p: CapParams): number =>
  Math.max(1, Math.min(Math.floor(coordTimeoutMs(p) / 3), 2 * p.latencyMsMax + 20));

/** Starts the fallback clock for a quorum op when sloppy quorums are on. */
export function armFallback(s: CapState, ctx: C, r: Replica, c: Coord): void {
  if (ctx.params.mode !== 'quorum' || !ctx.params.sloppy) return;
  c.standIns = [];
  ctx.schedule(fallbackMs(ctx.params), { kind: 'fallback', e: s.epoch, replica: r.id, op: c.op });
}

/** Every replica's versions of `key`, its own and those it holds as hints. */
export function versionsFor(r: Replica, key: number): Ver[] {
  const own = (r.data[key] ?? []).slice();
  for (const h of r.hints) if (h.key === key) own.push(h.ver);
  return own;
}

/** The coordinator's fallback timer: a stand-in for every target that has not answered. */
export function onFallback(s: CapState, ctx: C, r: Replica, op: number): void {
  const c = r.coords[op];
  const p = ctx.params;
  if (!c || !c.standIns || c.phase === 'done') return;
  const stood = new Set(c.standIns.map(([, home]) => home));
  const silent = c.targets.filter((t) => !c.heard.includes(t) && !stood.has(t));
  const spare = Array.from({ length: p.replicas }, (_, i) => (c.key + i) % p.replicas).filter(
    (n) => !c.targets.includes(n),
  );
  const asked: string[] = [];
  for (const missing of silent) {
    const standIn = spare.shift();
    if (standIn === undefined) break;
    // A silent stand-in passes on the replica it stood in for.
    const home = c.standIns.find(([f]) => f === missing)?.[1] ?? missing;
    c.targets.push(standIn);
    c.standIns.push([standIn, home]);
    asked.push(`S${standIn} for S${home}`);
    ask(s, ctx, r, c, standIn, home);
  }
  if (asked.length)
    ctx.log(
      `S${r.id} heard nothing from ${silent.map((n) => `S${n}`).join(', ')} about ${keyName(c.key)}: asked ${asked.join(', ')} instead (sloppy quorum)`,
      { kind: 'sloppy', nodes: [r.id, ...c.standIns.map(([f]) => f)] },
    );
  if (spare.length && r.coords[op])
    ctx.schedule(fallbackMs(p), { kind: 'fallback', e: s.epoch, replica: r.id, op });
}

function ask(s: CapState, ctx: C, r: Replica, c: Coord, standIn: number, home: number): void {
  if (c.phase === 'query') {
    if (standIn === r.id) onGot(s, ctx, r, r.id, c.op, versionsFor(r, c.key));
    else ctx.send(r.id, standIn, { type: 'get', e: s.epoch, op: c.op, key: c.key });
    return;
  }
  if (!c.ver) return;
  if (standIn === r.id) {
    holdHint(ctx, r, c.key, [c.ver], home);
    onAck(s, ctx, r, r.id, c.op);
  } else
    ctx.send(r.id, standIn, {
      type: 'put',
      e: s.epoch,
      op: c.op,
      key: c.key,
      vers: [c.ver],
      hint: home,
    });
}

/** A stand-in keeps a version for `home` (a newer one replaces an older one). */
export function holdHint(
  ctx: C,
  r: Replica,
  key: number,
  vers: readonly Ver[],
  home: number,
): void {
  if (home === r.id) {
    applyPut(ctx, r, key, vers);
    return;
  }
  observe(r, vers);
  for (const ver of vers) {
    const held = r.hints.find((h) => h.key === key && h.home === home);
    if (!held) r.hints.push({ key, home, ver });
    else if (newer(ver, held.ver)) held.ver = ver;
  }
}

/** Every anti-entropy period, a replica offers each hint to its home replica. */
export function handOff(s: CapState, ctx: C, r: Replica): void {
  for (const h of r.hints)
    ctx.send(r.id, h.home, { type: 'handoff', e: s.epoch, key: h.key, ver: h.ver });
}

/** The home replica confirmed a hint: the stand-in deletes it. */
export function onHandedOff(
  ctx: C,
  r: Replica,
  home: number,
  key: number,
  ts: number,
  node: number,
): void {
  const i = r.hints.findIndex(
    (h) => h.key === key && h.home === home && h.ver.ts === ts && h.ver.node === node,
  );
  if (i < 0) return;
  const [h] = r.hints.splice(i, 1);
  ctx.log(`S${r.id} handed ${keyName(key)}=${h!.ver.value} back to S${home} (hinted handoff)`, {
    kind: 'handoff',
    nodes: [r.id, home],
  });
}
