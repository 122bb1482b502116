/**
 * The replicas: the leader appends client writes to its log, passes each entry to every follower
 * and resends what a follower misses with each heartbeat; followers apply entries after their
 * lag and acknowledge; the leader answers a write once the mode's followers have applied it.
 * Epochs order leaders: a replica that hears of a newer epoch follows it, a message from an older
 * one is answered with the newer epoch (Raft's term rule). Appends carry the epoch of the entry
 * before them, so a follower drops entries a deposed leader gave it (Raft's log matching).
 */
import type { Mode } from './meta';
import {
  anomaly,
  clientName,
  clientNode,
  entryAt,
  received,
  replicaName,
  send,
  storageNode,
  topVisible,
  truncate,
  visible,
  writeLabel,
} from './net';
import type {
  ReadMsg,
  Replica,
  ReplicationCtx as C,
  ReplicationMsg,
  ReplicationState as S,
} from './types';

/** Most entries one append carries when catching a follower up. */
const BATCH = 8;

type Msg<T extends ReplicationMsg['type']> = Extract<ReplicationMsg, { type: T }>;

/** How long replica `id` takes to apply an entry as a follower: a share of the lag. */
export function lagOf(ctx: C, id: number): number {
  const f = ctx.params.followers;
  return Math.round((ctx.params.lagMs * Math.max(1, id)) / f);
}

export function scheduleHeartbeat(s: S, r: Replica, ctx: C): void {
  ctx.schedule(ctx.params.heartbeatMs, { kind: 'heartbeat', gen: s.gen, node: r.id, inc: r.inc });
}

/** Followers needed before a write is acknowledged in `mode`. */
function needed(s: S, mode: Mode): number {
  const followers = s.replicas.length - 1;
  return mode === 'sync' ? followers : mode === 'semi' ? 1 : 0;
}

function sendAppend(s: S, L: Replica, to: number, ctx: C, from: number, count: number): void {
  const entries = L.log.slice(from - 1, from - 1 + count) as NonNullable<Replica['log'][number]>[];
  send(s, ctx, L.id, to, {
    type: 'append',
    epoch: L.epoch,
    from,
    prevEpoch: entryAt(L, from - 1)?.epoch ?? 0,
    entries,
    last: L.log.length,
  });
}

/** Acknowledges the waiting writes the followers now cover. */
export function tryAck(s: S, L: Replica, ctx: C): void {
  L.waiting = L.waiting.filter((w) => {
    let have = 0;
    for (const r of s.replicas)
      if (r.id !== L.id && (s.bugs.ackOnSend || L.matchApplied[r.id]! >= w.index)) have++;
    if (have < needed(s, w.mode)) return true;
    send(s, ctx, L.id, clientNode(s, w.client), {
      type: 'writeOk',
      wid: w.wid,
      seq: w.seq,
      index: w.index,
      epoch: L.epoch,
      mode: w.mode,
    });
    return false;
  });
}

export function onWrite(s: S, L: Replica, m: Msg<'write'>, from: number, ctx: C): void {
  if (L.role !== 'leader') {
    send(s, ctx, L.id, from, { type: 'redirect', wid: m.wid, seq: m.seq, leader: L.leader });
    return;
  }
  const e = { index: L.log.length + 1, epoch: L.epoch, wid: m.wid, client: m.client, seq: m.seq };
  L.log.push(e);
  L.ready.push(true);
  L.applied = L.log.length;
  ctx.log(
    `${replicaName(L.id)} (leader, epoch ${L.epoch}) took ${writeLabel(e)} as version ${e.index}`,
    { kind: 'write', nodes: [L.id, from] },
  );
  send(s, ctx, L.id, storageNode(s), { type: 'store', epoch: L.epoch, wid: m.wid });
  for (const r of s.replicas) if (r.id !== L.id) sendAppend(s, L, r.id, ctx, e.index, 1);
  L.waiting.push({
    wid: m.wid,
    seq: m.seq,
    index: e.index,
    client: m.client,
    mode: ctx.params.mode,
  });
  tryAck(s, L, ctx);
}

export function heartbeat(s: S, L: Replica, ctx: C): void {
  for (const r of s.replicas) {
    if (r.id === L.id) continue;
    const next = L.matchReceived[r.id]! + 1;
    sendAppend(s, L, r.id, ctx, next, next <= L.log.length ? BATCH : 0);
  }
  scheduleHeartbeat(s, L, ctx);
}

/** `r` hears of a newer epoch (or a leader of its own): it follows `leader`. */
export function follow(s: S, r: Replica, epoch: number, leader: number, ctx: C): void {
  if (r.role === 'leader' && r.id !== leader) {
    ctx.log(
      `${replicaName(r.id)} hears of epoch ${epoch} and stops leading epoch ${r.epoch}; ${replicaName(leader)} leads`,
      { kind: 'step-down', nodes: [r.id, leader] },
    );
    r.waiting = [];
    r.role = 'follower';
    checkLost(s, ctx);
  }
  if (epoch !== r.epoch || leader !== r.leader) r.matched = 0;
  r.epoch = epoch;
  r.leader = leader;
}

export function onAppend(s: S, F: Replica, m: Msg<'append'>, from: number, ctx: C): void {
  if (m.epoch < F.epoch) {
    send(s, ctx, F.id, from, { type: 'stale', epoch: F.epoch, leader: F.leader });
    return;
  }
  if (m.epoch > F.epoch || F.leader !== from) follow(s, F, m.epoch, from, ctx);
  F.heardAt = ctx.now;
  const prev = m.from - 1;
  const before = entryAt(F, prev);
  if (prev > 0 && before && before.epoch !== m.prevEpoch) {
    // Entries the deposed leader gave it: gone from here on.
    truncate(F, prev - 1);
    F.matched = Math.min(F.matched, prev - 1);
    return ackTo(s, F, from, ctx, false);
  }
  const linked = prev === 0 || !!before;
  // Log matching: when the entry before agrees (and, with gaps allowed, the log up to it was
  // already checked), the follower's log up to it is the leader's, and so are the entries placed.
  const verified = prev === 0 || (!!before && (ctx.params.inOrder || prev <= F.matched));
  if (!linked && ctx.params.inOrder) return ackTo(s, F, from, ctx, false); // a gap: resend
  for (const e of m.entries) {
    const had = entryAt(F, e.index);
    if (had && had.wid === e.wid) continue;
    if (had) truncate(F, e.index - 1);
    while (F.log.length < e.index - 1) F.log.push(null);
    F.log[e.index - 1] = e;
    F.ready[e.index - 1] = false;
    // Out of log order, each entry takes its own time, as if on its own partition.
    const lag = lagOf(ctx, F.id);
    ctx.schedule(ctx.params.inOrder ? lag : ctx.rng('apply').int(0, lag), {
      kind: 'apply',
      gen: s.gen,
      node: F.id,
      inc: F.inc,
      index: e.index,
      wid: e.wid,
    });
  }
  if (verified) F.matched = Math.max(F.matched, prev + m.entries.length);
  // A catch-up or heartbeat gets an answer; a fresh entry is acknowledged once applied.
  if (m.entries.length !== 1 || m.entries[0]!.index !== m.last || !verified)
    ackTo(s, F, from, ctx, verified);
}

/** Reports what the follower holds that is known to match its leader's log. */
function ackTo(s: S, F: Replica, to: number, ctx: C, ok: boolean): void {
  const got = Math.min(received(F), F.matched);
  send(s, ctx, F.id, to, {
    type: 'ack',
    epoch: F.epoch,
    received: got,
    applied: Math.min(F.applied, got),
    ok,
  });
}

export function onApply(s: S, F: Replica, index: number, wid: number, ctx: C): void {
  if (entryAt(F, index)?.wid !== wid) return;
  F.ready[index - 1] = true;
  while (F.applied < F.log.length && F.ready[F.applied] && F.log[F.applied]) F.applied++;
  serveHeld(s, F, ctx);
  if (F.role === 'follower') ackTo(s, F, F.leader, ctx, true);
}

export function onAck(s: S, L: Replica, m: Msg<'ack'>, from: number, ctx: C): void {
  if (L.role !== 'leader' || m.epoch < L.epoch) return;
  L.matchReceived[from] = m.ok ? Math.max(L.matchReceived[from]!, m.received) : m.received;
  L.matchApplied[from] = m.ok ? Math.max(L.matchApplied[from]!, m.applied) : m.applied;
  tryAck(s, L, ctx);
}

export function onRead(s: S, r: Replica, m: ReadMsg, from: number, ctx: C): void {
  if (ctx.params.readPolicy === 'token' && r.role !== 'leader' && r.applied < m.token) {
    r.heldReads.push(m);
    ctx.log(
      `${replicaName(r.id)} holds ${clientName(m.client)}'s read until it has version ${m.token} (it has ${r.applied})`,
      { kind: 'hold', nodes: [r.id, from] },
    );
    return;
  }
  answer(s, r, m, ctx);
}

function answer(s: S, r: Replica, m: ReadMsg, ctx: C): void {
  const inOrder = ctx.params.inOrder;
  const top = topVisible(r, inOrder);
  const prefix = r.role === 'leader' ? r.log.length : r.applied;
  const own = m.own;
  const sawOwn = !own || (visible(r, own.index, inOrder) && entryAt(r, own.index)?.wid === own.wid);
  const e = entryAt(r, top);
  send(s, ctx, r.id, clientNode(s, m.client), {
    type: 'readOk',
    rid: m.rid,
    top,
    prefix: Math.min(prefix, top),
    sawOwn,
    own,
    value: e ? writeLabel(e) : 'nothing',
  });
}

export function serveHeld(s: S, r: Replica, ctx: C): void {
  if (!r.heldReads.length) return;
  const ready = r.heldReads.filter((m) => r.role === 'leader' || r.applied >= m.token);
  r.heldReads = r.heldReads.filter((m) => !ready.includes(m));
  for (const m of ready) answer(s, r, m, ctx);
}

/** Acknowledged writes the leader of the newest epoch does not hold are lost. */
export function checkLost(s: S, ctx: C): void {
  const L = s.replicas[s.leader]!;
  for (const w of s.acked) {
    if (w.lost || entryAt(L, w.index)?.wid === w.wid) continue;
    if (w.epoch === L.epoch && L.role === 'leader') continue; // the leader's own, still to come
    w.lost = true;
    s.lostCount++;
    if (w.mode === 'sync') s.lostSync.push(w);
    const c = s.clients[w.client]!;
    if (c.lastWrite?.wid === w.wid) c.lastWrite = null;
    anomaly(
      s,
      ctx,
      'lost',
      `${writeLabel(w)} is lost: ${clientName(w.client)} was told it was done (version ${w.index}, epoch ${w.epoch}, ${w.mode}), but ${replicaName(L.id)}, leader of epoch ${L.epoch}, does not have it`,
      [L.id, clientNode(s, w.client)],
    );
  }
}

/** The failover monitor: when no follower has heard the leader for the timeout, promote one. */
export function monitor(s: S, ctx: C): void {
  const candidates = s.replicas.filter((r) => r.up && r.role === 'follower');
  if (!candidates.length) return;
  const since = (r: Replica) => ctx.now - Math.max(r.heardAt, s.promotedAt);
  if (candidates.some((r) => since(r) < ctx.params.failoverMs)) return;
  let best = candidates[0]!;
  for (const r of candidates) if (received(r) > received(best)) best = r;
  const old = s.leader;
  s.epoch++;
  s.leader = best.id;
  s.promotedAt = ctx.now;
  truncate(best, received(best));
  best.role = 'leader';
  best.epoch = s.epoch;
  best.leader = best.id;
  best.ready = best.log.map(() => true);
  best.applied = best.log.length;
  best.waiting = [];
  best.matchReceived = s.replicas.map(() => best.log.length);
  best.matchApplied = s.replicas.map(() => 0);
  ctx.log(
    `No follower heard ${replicaName(old)} for ${ctx.params.failoverMs} ms: ${replicaName(best.id)}, the most up-to-date (${best.log.length} entries), is promoted to lead epoch ${s.epoch}`,
    { kind: 'failover', level: 'warn', nodes: [best.id, old] },
  );
  for (let id = 0; id < storageNode(s); id++)
    if (id !== best.id)
      send(s, ctx, best.id, id, {
        type: 'newLeader',
        epoch: s.epoch,
        leader: best.id,
        length: best.log.length,
      });
  serveHeld(s, best, ctx);
  checkLost(s, ctx);
  scheduleHeartbeat(s, best, ctx);
}

export function onNewLeader(s: S, r: Replica, m: Msg<'newLeader'>, from: number, ctx: C): void {
  if (m.epoch < r.epoch) {
    send(s, ctx, r.id, from, { type: 'stale', epoch: r.epoch, leader: r.leader });
    return;
  }
  follow(s, r, m.epoch, m.leader, ctx);
  r.heardAt = ctx.now;
  // Entries past the new leader's log are in no later leader's log.
  truncate(r, m.length);
}

export function onStore(s: S, m: Msg<'store'>, from: number, ctx: C): void {
  const st = s.storage;
  const old = m.epoch < st.maxEpoch;
  const refuse = old && ctx.params.fencing && !s.bugs.storageIgnoresEpoch;
  st.recent.push({
    at: ctx.now,
    from,
    epoch: m.epoch,
    kind: 'epoch',
    wid: m.wid,
    accepted: !refuse,
    maxEpoch: st.maxEpoch,
  });
  if (st.recent.length > 8) st.recent.shift();
  if (refuse) {
    st.refused++;
    ctx.log(
      `Storage refused ${replicaName(from)}'s write: epoch ${m.epoch} is older than epoch ${st.maxEpoch}, which it has seen (fenced)`,
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
      'split',
      `Split brain: storage took ${replicaName(from)}'s write in epoch ${m.epoch} after a write in epoch ${st.maxEpoch}; two replicas act as leader`,
      [storageNode(s), from],
    );
  }
  st.maxEpoch = Math.max(st.maxEpoch, m.epoch);
}
