/**
 * Replicas coordinating client operations in cp and quorum modes.
 *
 * cp (ABD, Attiya, Bar-Noy & Dolev 1995, multi-writer): a write asks a majority for their
 * newest tag, then stores (tag + 1, its id) at a majority; a read asks a majority for the newest
 * version and writes it back to a majority before answering (skipped when every answer already
 * agreed). Two majorities always intersect, so every operation sees every completed one: the
 * register is linearizable. A coordinator on the minority side never gathers a majority and
 * gives up: a write that never left the query phase certainly did not happen (`fail`); one that
 * sent its version somewhere may have (`unknown`, recorded as `info`).
 *
 * quorum (Dynamo-style): the key's N replicas are the next N after `key mod replicas`. A write
 * stamps a last-writer-wins timestamp and waits for W acks; a read waits for R answers and
 * returns the newest, optionally repairing stale answerers. R + W > N makes quorums intersect
 * but is not linearizable: a write that reached only some replicas can be seen by one read and
 * missed by a later one, and nothing makes a read's result stick. With `sloppy` on, replicas
 * that do not answer get stand-ins further round the ring (see sloppy.ts).
 */
import type { Ctx } from '../../core/types';
import { armFallback } from './sloppy';
import { merge, newer, observe, sameVer, tick, top } from './store';
import type { CapMsg, CapParams, CapState, CapTimer, Coord, Replica, Ver } from './types';

type C = Ctx<CapParams, CapTimer, CapMsg>;

export const majority = (replicas: number): number => Math.floor(replicas / 2) + 1;

/** The replicas holding `key` in quorum mode. */
export function preferenceList(key: number, p: CapParams): number[] {
  return Array.from({ length: p.N }, (_, i) => (key + i) % p.replicas);
}

/** How long a coordinator waits before giving up: it must answer before the client times out. */
export const coordTimeoutMs = (p: CapParams): number => Math.max(1, Math.floor(p.timeoutMs * 0.75));

function respond(
  s: CapState,
  ctx: C,
  r: Replica,
  c: Coord,
  status: 'ok' | 'fail' | 'unknown',
  value: number | null,
  why = '',
): void {
  const client = s.clients[c.client];
  if (!client) return;
  ctx.send(r.id, client.node, {
    type: 'resp',
    e: s.epoch,
    op: c.op,
    client: c.client,
    status,
    value,
    why,
  });
}

function close(r: Replica, c: Coord, ctx: C): void {
  ctx.cancel(c.timer);
  delete r.coords[c.op];
}

/** Sends `payload` to every target but r, then runs `local` for r itself if it is a target. */
function fanOut(ctx: C, r: Replica, c: Coord, payload: CapMsg, local: () => void): void {
  for (const t of c.targets) if (t !== r.id) ctx.send(r.id, t, payload);
  if (c.targets.includes(r.id)) local();
}

/** A client's request arrives at its home replica, which coordinates it. */
export function coordinate(
  s: CapState,
  ctx: C,
  r: Replica,
  req: Extract<CapMsg, { type: 'req' }>,
): void {
  const p = ctx.params;
  const abd = p.mode === 'cp';
  const c: Coord = {
    op: req.op,
    client: req.client,
    f: req.f,
    key: req.key,
    value: req.value,
    proto: abd ? 'abd' : 'quorum',
    phase: 'query',
    targets: abd ? Array.from({ length: p.replicas }, (_, i) => i) : preferenceList(req.key, p),
    need: abd ? majority(p.replicas) : req.f === 'write' ? p.W : p.R,
    heard: [],
    best: null,
    agree: true,
    answers: [],
    ver: null,
    readRepair: p.readRepair,
    timer: ctx.schedule(coordTimeoutMs(p), {
      kind: 'coordTimeout',
      e: s.epoch,
      replica: r.id,
      op: req.op,
    }),
  };
  r.coords[c.op] = c;
  armFallback(s, ctx, r, c);
  if (!abd && c.f === 'write') {
    store(s, ctx, r, c, { value: req.value ?? 0, ts: tick(r, ctx.now), node: r.id });
    return;
  }
  fanOut(ctx, r, c, { type: 'get', e: s.epoch, op: c.op, key: c.key }, () =>
    onGot(s, ctx, r, r.id, c.op, r.data[c.key] ?? []),
  );
}

function store(s: CapState, ctx: C, r: Replica, c: Coord, ver: Ver): void {
  c.phase = 'store';
  c.heard = [];
  c.ver = ver;
  if (c.proto === 'quorum') c.need = ctx.params.W;
  fanOut(ctx, r, c, { type: 'put', e: s.epoch, op: c.op, key: c.key, vers: [ver] }, () => {
    applyPut(ctx, r, c.key, [ver]);
    onAck(s, ctx, r, r.id, c.op);
  });
}

/** Stores versions at a replica (every mode but ap with siblings keeps the newest only). */
export function applyPut(ctx: C, r: Replica, key: number, vers: readonly Ver[]): boolean {
  const cell = r.data[key];
  if (!cell) return false;
  observe(r, vers);
  const siblings = ctx.params.mode === 'ap' && ctx.params.conflict === 'vv';
  return merge(cell, vers, siblings, ctx.params.replicas);
}

/** A query answer reaches the coordinator. */
export function onGot(
  s: CapState,
  ctx: C,
  r: Replica,
  from: number,
  op: number,
  vers: readonly Ver[],
): void {
  const c = r.coords[op];
  if (!c || c.heard.includes(from) || (c.phase !== 'query' && c.phase !== 'done')) return;
  observe(r, vers);
  const v = top(vers);
  c.heard.push(from);
  c.answers.push([from, v ? v.ts : -1, v ? v.node : -1]);
  if (c.phase === 'done') {
    // A late answer to a quorum read that was already answered: repair it if it is behind.
    repairStale(s, ctx, r, c, [c.answers[c.answers.length - 1]!]);
    if (c.heard.length === c.targets.length) close(r, c, ctx);
    return;
  }
  if (c.heard.length > 1 && !sameVer(v, c.best)) c.agree = false;
  if (v && (!c.best || newer(v, c.best))) c.best = v;
  if (c.heard.length < c.need) return;
  if (c.proto === 'abd') {
    if (c.f === 'write') {
      // Above every tag a majority holds, and above this coordinator's earlier tags, so two
      // concurrent writes it coordinates never share a tag.
      r.clock = Math.max(r.clock, c.best?.ts ?? 0) + 1;
      store(s, ctx, r, c, { value: c.value ?? 0, ts: r.clock, node: r.id });
    } else if (c.agree || !c.best) {
      finish(s, ctx, r, c, c.best?.value ?? null);
    } else {
      store(s, ctx, r, c, c.best);
    }
    return;
  }
  // Quorum read: answer with the newest of R, keep listening to repair the rest.
  respond(s, ctx, r, c, 'ok', c.best?.value ?? null);
  c.phase = 'done';
  repairStale(s, ctx, r, c, c.answers);
  if (c.heard.length === c.targets.length) close(r, c, ctx);
}

function repairStale(
  s: CapState,
  ctx: C,
  r: Replica,
  c: Coord,
  answers: readonly [number, number, number][],
): void {
  const best = c.best;
  if (!c.readRepair || !best) return;
  for (const [replica, ts, node] of answers) {
    if (ts === best.ts && node === best.node) continue;
    if (replica === r.id) applyPut(ctx, r, c.key, [best]);
    else ctx.send(r.id, replica, { type: 'put', e: s.epoch, op: -1, key: c.key, vers: [best] });
  }
}

/** A store acknowledgement reaches the coordinator. */
export function onAck(s: CapState, ctx: C, r: Replica, from: number, op: number): void {
  const c = r.coords[op];
  if (!c || c.phase !== 'store' || c.heard.includes(from)) return;
  c.heard.push(from);
  if (c.heard.length < c.need) return;
  finish(s, ctx, r, c, c.f === 'read' ? (c.ver?.value ?? null) : c.value);
}

function finish(s: CapState, ctx: C, r: Replica, c: Coord, value: number | null): void {
  respond(s, ctx, r, c, 'ok', value);
  close(r, c, ctx);
}

/** The coordinator gives up: it tells the client whether the op may have taken effect. */
export function onCoordTimeout(s: CapState, ctx: C, r: Replica, op: number): void {
  const c = r.coords[op];
  if (!c) return;
  delete r.coords[op];
  if (c.phase === 'done') return;
  const heard = `${c.heard.length} of ${c.need} needed`;
  if (c.f === 'read' || c.phase === 'query')
    respond(s, ctx, r, c, 'fail', null, `S${r.id} heard ${heard} and gave up`);
  else
    respond(
      s,
      ctx,
      r,
      c,
      'unknown',
      null,
      `S${r.id} got ${heard} acks; the new value may be stored somewhere`,
    );
}
