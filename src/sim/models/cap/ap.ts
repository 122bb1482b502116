/**
 * ap mode: every replica answers at once from what it holds, and replicates in the background:
 * it pushes each write to its peers (lost across a partition) and, every `antiEntropyMs`, swaps
 * its whole store with a random peer (push-pull anti-entropy), so replicas converge once the
 * network heals. Conflicts resolve by last-writer-wins, or version vectors keep concurrent writes
 * as siblings that reads return together; a write supersedes the siblings its replica holds.
 */
import type { Ctx } from '../../core/types';
import { applyPut } from './coordinator';
import { readCell, writeVersion } from './store';
import type { CapMsg, CapParams, CapState, CapTimer, Replica, Ver } from './types';

type C = Ctx<CapParams, CapTimer, CapMsg>;

/** Serves a client's request locally and answers at once. */
export function serveLocally(
  s: CapState,
  ctx: C,
  r: Replica,
  req: Extract<CapMsg, { type: 'req' }>,
): void {
  const p = ctx.params;
  const cell = r.data[req.key];
  const client = s.clients[req.client];
  if (!cell || !client) return;
  const siblings = p.conflict === 'vv';
  let value = readCell(cell, siblings);
  if (req.f === 'write') {
    const ver = writeVersion(r, cell, req.value ?? 0, ctx.now, p.replicas);
    cell.length = 0;
    cell.push(siblings ? ver : { value: ver.value, ts: ver.ts, node: ver.node });
    value = req.value;
    for (let t = 0; t < p.replicas; t++)
      if (t !== r.id)
        ctx.send(r.id, t, { type: 'put', e: s.epoch, op: -1, key: req.key, vers: [cell[0]!] });
  }
  ctx.send(r.id, client.node, {
    type: 'resp',
    e: s.epoch,
    op: req.op,
    client: req.client,
    status: 'ok',
    value,
    why: '',
  });
}

/** Anti-entropy round: send everything to one random peer, which answers with its own. */
export function antiEntropy(s: CapState, ctx: C, r: Replica): void {
  const p = ctx.params;
  if (p.mode !== 'ap' || p.replicas < 2) return;
  let peer = ctx.rng('anti-entropy').int(0, p.replicas - 2);
  if (peer >= r.id) peer++;
  ctx.send(r.id, peer, { type: 'sync', e: s.epoch, data: snapshotData(r), reply: true });
}

const snapshotData = (r: Replica): Ver[][] => r.data.map((cell) => cell.slice());

/** Merges a peer's store; answers with its own when asked. Returns the keys that changed. */
export function onSync(
  s: CapState,
  ctx: C,
  r: Replica,
  from: number,
  data: readonly Ver[][],
  reply: boolean,
): number[] {
  const changed: number[] = [];
  data.forEach((vers, key) => {
    if (applyPut(ctx, r, key, vers)) changed.push(key);
  });
  if (reply)
    ctx.send(r.id, from, { type: 'sync', e: s.epoch, data: snapshotData(r), reply: false });
  return changed;
}
