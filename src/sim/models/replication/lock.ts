/**
 * A lock with a lease (Kleppmann, DDIA chapter 8): a client asks the lock service K for the lock;
 * K grants it for the lease time with the next fencing token, and grants it to someone else once
 * the lease has run out, whether or not the holder knows. A holder does its work and then writes
 * to storage with its token. A process pause (a long garbage collection) stops a client without
 * it noticing: timers and messages wait until it resumes, and its lease may have expired by then.
 */
import { anomaly, clientName, clientNode, lockNode, seconds, send, storageNode } from './net';
import type {
  ClientState,
  ReplicationCtx as C,
  ReplicationMsg,
  ReplicationState as S,
} from './types';

/** How long a holder works between getting the lease and writing. */
export const WORK_MS = 300;

type Msg<T extends ReplicationMsg['type']> = Extract<ReplicationMsg, { type: T }>;

export const paused = (c: ClientState, now: number): boolean => c.pausedUntil > now;

export function requestLock(s: S, c: ClientState, ctx: C): void {
  ctx.log(`${clientName(c.id)} asks K for the lock`, {
    kind: 'lock',
    nodes: [clientNode(s, c.id), lockNode(s)],
  });
  send(s, ctx, clientNode(s, c.id), lockNode(s), { type: 'acquire', client: c.id });
}

export function pauseClient(s: S, c: ClientState, ms: number, ctx: C): void {
  c.pausedUntil = Math.max(c.pausedUntil, ctx.now + ms);
  ctx.log(
    `${clientName(c.id)} pauses for ${seconds(ms)} (a long garbage collection); it will not notice`,
    {
      kind: 'pause',
      level: 'warn',
      nodes: [clientNode(s, c.id)],
    },
  );
  ctx.schedule(ms, { kind: 'resume', gen: s.gen, client: c.id });
}

export function onAcquire(s: S, m: Msg<'acquire'>, from: number, ctx: C): void {
  const k = s.lock;
  if (k.holder >= 0 && k.holder !== m.client && k.until > ctx.now) {
    send(s, ctx, lockNode(s), from, { type: 'busy', holder: k.holder, until: k.until });
    return;
  }
  k.token++;
  k.holder = m.client;
  k.until = ctx.now + ctx.params.leaseMs;
  ctx.log(
    `K gives ${clientName(m.client)} the lock with token ${k.token}, until ${seconds(k.until)}`,
    { kind: 'grant', nodes: [lockNode(s), from] },
  );
  send(s, ctx, lockNode(s), from, { type: 'grant', token: k.token, until: k.until });
}

/** A message to a client: held while it is paused. */
export function deliverToClient(
  c: ClientState,
  from: number,
  msg: ReplicationMsg,
  ctx: C,
  handle: (from: number, msg: ReplicationMsg) => void,
): void {
  if (paused(c, ctx.now)) c.inbox.push({ from, msg });
  else handle(from, msg);
}

export function onGrant(s: S, c: ClientState, m: Msg<'grant'>, ctx: C): void {
  c.lease = { token: m.token, until: m.until };
  ctx.schedule(WORK_MS, { kind: 'work', gen: s.gen, client: c.id });
}

export function onBusy(s: S, c: ClientState, m: Msg<'busy'>, ctx: C): void {
  ctx.log(
    `${clientName(c.id)} did not get the lock: ${clientName(m.holder)} holds it until ${seconds(m.until)}`,
    { kind: 'lock', nodes: [clientNode(s, c.id)] },
  );
}

/** The work timer: the holder writes with its token, sure it still holds the lock. */
export function onWork(s: S, c: ClientState, ctx: C): void {
  if (paused(c, ctx.now)) {
    ctx.schedule(c.pausedUntil - ctx.now, { kind: 'work', gen: s.gen, client: c.id });
    return;
  }
  if (!c.lease) return;
  ctx.log(`${clientName(c.id)} writes to storage with token ${c.lease.token}`, {
    kind: 'lock-write',
    nodes: [clientNode(s, c.id), storageNode(s)],
  });
  send(s, ctx, clientNode(s, c.id), storageNode(s), {
    type: 'lockWrite',
    client: c.id,
    token: c.lease.token,
  });
  c.lease = null;
}

export function onResume(
  s: S,
  c: ClientState,
  ctx: C,
  handle: (from: number, msg: ReplicationMsg) => void,
): void {
  if (paused(c, ctx.now)) return;
  c.pausedUntil = -1;
  ctx.log(`${clientName(c.id)} resumes`, { kind: 'resume', nodes: [clientNode(s, c.id)] });
  const held = c.inbox;
  c.inbox = [];
  for (const x of held) handle(x.from, x.msg);
}

export function onLockWrite(s: S, m: Msg<'lockWrite'>, from: number, ctx: C): void {
  const st = s.storage;
  const old = m.token < st.maxToken;
  const refuse = old && ctx.params.fencing && !s.bugs.storageIgnoresEpoch;
  st.recent.push({
    at: ctx.now,
    from,
    epoch: m.token,
    kind: 'token',
    wid: -1,
    accepted: !refuse,
    maxEpoch: st.maxToken,
  });
  if (st.recent.length > 8) st.recent.shift();
  if (refuse) {
    st.refused++;
    ctx.log(
      `Storage refused ${clientName(m.client)}'s write: token ${m.token} is older than token ${st.maxToken}, which it has seen (fenced)`,
      { kind: 'fenced', nodes: [storageNode(s), from] },
    );
    return;
  }
  st.accepted++;
  if (old) {
    st.staleAccepted++;
    if (ctx.params.fencing) st.fencedBreaches++;
    anomaly(
      s,
      ctx,
      'holders',
      `Two lock holders: storage took ${clientName(m.client)}'s write with token ${m.token} after one with token ${st.maxToken}; its lease had run out while it was paused`,
      [storageNode(s), from],
    );
  } else
    ctx.log(`Storage took ${clientName(m.client)}'s write with token ${m.token}`, {
      kind: 'store',
      nodes: [storageNode(s), from],
    });
  st.maxToken = Math.max(st.maxToken, m.token);
}
