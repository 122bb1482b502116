/**
 * The clients C0 and C1: they write to the replica they believe leads and read from the replica
 * the read policy picks, and check every answer against what they saw before. The three read
 * anomalies are found here, as they happen: a read that misses the client's own acknowledged
 * write (read-your-writes), one older than the client's previous read (monotonic reads), and
 * one that sees a version without an earlier one (consistent prefix).
 */
import { ACKED_KEPT, anomaly, clientName, clientNode, replicaName, send, writeLabel } from './net';
import { checkLost } from './replicas';
import type {
  ClientState,
  ReplicationCtx as C,
  ReplicationMsg,
  ReplicationState as S,
} from './types';

type Msg<T extends ReplicationMsg['type']> = Extract<ReplicationMsg, { type: T }>;

export function scheduleWorkload(s: S, c: ClientState, op: 'read' | 'write', ctx: C): void {
  const rate = op === 'write' ? ctx.params.writeRate : ctx.params.readRate;
  if (rate <= 0) return;
  const delay = Math.max(1, Math.round(ctx.rng(`workload-${op}`).exponential(1000 / rate)));
  ctx.schedule(delay, { kind: 'workload', gen: s.gen, wgen: s.wgen, client: c.id, op });
}

export function clientWrite(s: S, c: ClientState, ctx: C, replica?: number): void {
  const to = replica ?? c.leader;
  c.seq++;
  const wid = s.nextWid++;
  ctx.log(
    `${clientName(c.id)} writes ${writeLabel({ client: c.id, seq: c.seq })} to ${replicaName(to)}`,
    {
      kind: 'client-write',
      nodes: [clientNode(s, c.id), to],
    },
  );
  send(s, ctx, clientNode(s, c.id), to, { type: 'write', wid, client: c.id, seq: c.seq });
}

/** The replica a read goes to under the read policy. */
function readTarget(s: S, c: ClientState, ctx: C): number {
  const policy = ctx.params.readPolicy;
  if (policy === 'leader') return c.leader;
  const followers = s.replicas.filter((r) => r.up && r.id !== c.leader).map((r) => r.id);
  if (!followers.length) return c.leader;
  if (policy === 'sticky') {
    if (!followers.includes(c.sticky)) c.sticky = followers[c.id % followers.length]!;
    return c.sticky;
  }
  return followers[ctx.rng('reads').int(0, followers.length - 1)]!;
}

/** A client gives up waiting for a read after this long. */
export const READ_TIMEOUT_MS = 3000;

/** Sends a read, unless the client still waits for one (reads are one at a time). */
export function clientRead(s: S, c: ClientState, ctx: C): boolean {
  if (c.readPending >= 0 && ctx.now - c.readSentAt < READ_TIMEOUT_MS) return false;
  const to = readTarget(s, c, ctx);
  c.readPending = c.nextRid;
  c.readSentAt = ctx.now;
  const token = ctx.params.readPolicy === 'token' ? c.seen : 0;
  send(s, ctx, clientNode(s, c.id), to, {
    type: 'read',
    rid: c.nextRid++,
    client: c.id,
    token,
    own: c.lastWrite ? { wid: c.lastWrite.wid, index: c.lastWrite.index } : null,
  });
  return true;
}

export function onWriteOk(s: S, c: ClientState, m: Msg<'writeOk'>, from: number, ctx: C): void {
  const w = {
    wid: m.wid,
    client: c.id,
    seq: m.seq,
    index: m.index,
    epoch: m.epoch,
    mode: m.mode,
    at: ctx.now,
    lost: false,
  };
  s.acked.push(w);
  if (s.acked.length > ACKED_KEPT) s.acked.shift();
  s.ackedCount++;
  c.lastWrite = { wid: m.wid, index: m.index, seq: w.seq };
  c.seen = Math.max(c.seen, m.index);
  ctx.log(
    `${replicaName(from)} told ${clientName(c.id)} that ${writeLabel(w)} is done (version ${m.index}, ${m.mode})`,
    { kind: 'ack', nodes: [from, clientNode(s, c.id)] },
  );
  checkLost(s, ctx);
}

export function onRedirect(s: S, c: ClientState, m: Msg<'redirect'>, from: number, ctx: C): void {
  if (m.leader === from || m.leader === c.leader) return;
  c.leader = m.leader;
  ctx.log(
    `${replicaName(from)} is not the leader; ${clientName(c.id)} sends to ${replicaName(m.leader)}`,
    {
      kind: 'redirect',
      nodes: [clientNode(s, c.id), m.leader],
    },
  );
  send(s, ctx, clientNode(s, c.id), m.leader, {
    type: 'write',
    wid: m.wid,
    client: c.id,
    seq: m.seq,
  });
}

export function onReadOk(s: S, c: ClientState, m: Msg<'readOk'>, from: number, ctx: C): void {
  if (m.rid !== c.readPending) return; // an answer it gave up waiting for
  c.readPending = -1;
  const who = clientName(c.id);
  const at = replicaName(from);
  const nodes = [clientNode(s, c.id), from];
  ctx.log(`${who} read ${m.value} (version ${m.top}) from ${at}`, { kind: 'read', nodes });
  if (m.own && !m.sawOwn && c.lastWrite?.wid === m.own.wid)
    anomaly(
      s,
      ctx,
      'ryw',
      `Read-your-writes broken: ${who} read version ${m.top} from ${at} and missed its own write ${writeLabel({ client: c.id, seq: c.lastWrite.seq })} (version ${m.own.index}), already done`,
      nodes,
    );
  if (m.top < c.lastRead)
    anomaly(
      s,
      ctx,
      'monotonic',
      `Monotonic reads broken: ${who} read version ${m.top} from ${at} after reading version ${c.lastRead}: it went back in time`,
      nodes,
    );
  if (m.top > m.prefix)
    anomaly(
      s,
      ctx,
      'prefix',
      `Consistent prefix broken: ${who} saw version ${m.top} at ${at} without version ${m.prefix + 1} before it`,
      nodes,
    );
  c.lastRead = m.top;
  c.seen = Math.max(c.seen, m.top);
}

export function onClientNewLeader(c: ClientState, m: Msg<'newLeader'>): void {
  if (m.epoch < c.epoch) return;
  c.epoch = m.epoch;
  c.leader = m.leader;
}
