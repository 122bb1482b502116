/**
 * Leader-follower replication: a leader R1 and 2-4 followers, clients C0 and C1 and a storage
 * service S on the kernel network. Writes go to the leader and are acknowledged by mode; reads go
 * where the read policy says; a failover monitor promotes the most up-to-date follower when no
 * follower has heard the leader for the timeout. See replicas.ts and clients.ts.
 */
import { noteArrival } from '../../core/messageHistory';
import type { Invariant, ModelDef } from '../../core/types';
import {
  clientWrite,
  clientRead,
  onClientNewLeader,
  onReadOk,
  onRedirect,
  onWriteOk,
  scheduleWorkload,
} from './clients';
import { replicationMeta, type ReplicationParams } from './meta';
import {
  clientName,
  describeMessage,
  entryAt,
  HISTORY_SIZE,
  lockNode,
  replicaName,
  storageNode,
  visible,
  writeLabel,
} from './net';
import {
  follow,
  heartbeat,
  monitor,
  onAck,
  onAppend,
  onApply,
  onNewLeader,
  onRead,
  onStore,
  onWrite,
  scheduleHeartbeat,
  serveHeld,
} from './replicas';
import {
  deliverToClient,
  onAcquire,
  onLockWrite,
  onResume,
  onWork,
  onBusy,
  onGrant,
  pauseClient,
  paused,
  requestLock,
} from './lock';
import type {
  Bugs,
  ClientState,
  Replica,
  ReplicationCtx as C,
  ReplicationMsg,
  ReplicationState as S,
  ReplicationTimer,
} from './types';
import type { ReplicationView } from './view';

export type ReplicationModel = ModelDef<
  ReplicationParams,
  S,
  ReplicationTimer,
  ReplicationMsg,
  ReplicationView
>;

const MONITOR_MS = 100;
const TAIL = 5;

function freshReplica(id: number, n: number): Replica {
  return {
    id,
    up: true,
    inc: 0,
    role: id === 0 ? 'leader' : 'follower',
    epoch: 1,
    leader: 0,
    log: [],
    ready: [],
    applied: 0,
    matched: 0,
    heardAt: 0,
    matchReceived: new Array<number>(n).fill(0),
    matchApplied: new Array<number>(n).fill(0),
    waiting: [],
    heldReads: [],
  };
}

function fresh(ctx: C, bugs: Bugs): S {
  const n = ctx.params.followers + 1;
  return {
    gen: 0,
    wgen: 0,
    midFloor: 0,
    bugs,
    replicas: Array.from({ length: n }, (_, i) => freshReplica(i, n)),
    clients: [0, 1].map((id) => ({
      id,
      leader: 0,
      epoch: 1,
      seq: 0,
      lastWrite: null,
      seen: 0,
      lastRead: -1,
      nextRid: 0,
      readPending: -1,
      readSentAt: 0,
      lease: null,
      pausedUntil: -1,
      inbox: [],
      sticky: -1,
    })),
    storage: {
      maxEpoch: 0,
      accepted: 0,
      refused: 0,
      staleAccepted: 0,
      fencedBreaches: 0,
      maxToken: 0,
      recent: [],
    },
    lock: { holder: -1, until: 0, token: 0 },
    epoch: 1,
    leader: 0,
    promotedAt: -1,
    lastCrashed: -1,
    nextWid: 0,
    nextMid: 0,
    acked: [],
    ackedCount: 0,
    lostCount: 0,
    lostSync: [],
    counts: { ryw: 0, monotonic: 0, prefix: 0, lost: 0, split: 0, holders: 0 },
    anomalies: [],
    messages: [],
    maxLag: 0,
  };
}

function startWorkload(s: S, ctx: C): void {
  for (const c of s.clients) {
    scheduleWorkload(s, c, 'write', ctx);
    scheduleWorkload(s, c, 'read', ctx);
  }
}

function start(s: S, ctx: C): void {
  scheduleHeartbeat(s, s.replicas[0]!, ctx);
  ctx.schedule(MONITOR_MS, { kind: 'monitor', gen: s.gen, node: -1, inc: 0 });
  startWorkload(s, ctx);
}

/** Entries of the newest leader's log that `r` has not applied. */
function lagOf(s: S, r: Replica): number {
  const L = s.replicas[s.leader]!;
  if (r.id === L.id) return 0;
  let same = 0;
  while (same < r.applied && entryAt(r, same + 1)?.wid === entryAt(L, same + 1)?.wid) same++;
  return Math.max(0, L.log.length - same);
}

function crash(s: S, ctx: C, id: number): void {
  const r = s.replicas[id];
  if (!r || !r.up) {
    ctx.log(r ? `${replicaName(id)} is already down` : `There is no ${replicaName(id)}`, {
      level: 'warn',
    });
    return;
  }
  r.up = false;
  r.inc++;
  r.waiting = [];
  r.heldReads = [];
  s.lastCrashed = id;
  ctx.log(`${replicaName(id)}${r.role === 'leader' ? ' (leader)' : ''} crashed`, {
    kind: 'crash',
    level: 'warn',
    nodes: [id],
  });
}

function restart(s: S, ctx: C, id: number): void {
  const r = s.replicas[id];
  if (!r || r.up) {
    ctx.log(r ? `${replicaName(id)} is already up` : `There is no ${replicaName(id)}`, {
      level: 'warn',
    });
    return;
  }
  r.up = true;
  r.heardAt = ctx.now;
  const still = r.role === 'leader';
  ctx.log(
    `${replicaName(id)} restarted${still ? `, still thinking it leads epoch ${r.epoch}` : ''}`,
    { kind: 'restart', nodes: [id] },
  );
  if (still) {
    r.matchReceived = s.replicas.map(() => r.log.length);
    heartbeat(s, r, ctx);
  }
}

/** A message a client handles (after its pause, if it is paused). */
function toClient(s: S, c: ClientState, from: number, m: ReplicationMsg, ctx: C): void {
  if (m.type === 'writeOk') onWriteOk(s, c, m, from, ctx);
  else if (m.type === 'readOk') onReadOk(s, c, m, from, ctx);
  else if (m.type === 'redirect') onRedirect(s, c, m, from, ctx);
  else if (m.type === 'newLeader') onClientNewLeader(c, m);
  else if (m.type === 'grant') onGrant(s, c, m, ctx);
  else if (m.type === 'busy') onBusy(s, c, m, ctx);
}

export const replicationInvariants: Invariant<S, ReplicationParams>[] = [
  {
    id: 'sync-no-loss',
    label: 'Synchronous writes survive',
    description:
      'No write acknowledged under synchronous replication is lost: every follower had applied it, so whichever is promoted has it.',
    check(s) {
      const w = s.lostSync[0];
      return w
        ? `${writeLabel(w)} was acknowledged under synchronous replication (version ${w.index}, epoch ${w.epoch}) and then lost`
        : null;
    },
  },
  {
    id: 'fenced-storage',
    label: 'Fencing holds',
    description:
      'With fencing on, storage never accepts a write whose epoch (or lock token) is older than the highest it has seen.',
    check(s) {
      const bad = s.storage.fencedBreaches;
      return bad
        ? `With fencing on, storage accepted ${bad} write(s) with an old epoch or token`
        : null;
    },
  },
];

export function makeReplicationModel(
  bugs: Bugs = { ackOnSend: false, storageIgnoresEpoch: false },
): ReplicationModel {
  return {
    meta: replicationMeta,
    init(ctx) {
      const s = fresh(ctx, bugs);
      start(s, ctx);
      return s;
    },
    onTimer(s, t, ctx) {
      if (t.gen !== s.gen) return;
      if (t.kind === 'work' || t.kind === 'resume') {
        const c = s.clients[t.client]!;
        if (t.kind === 'work') onWork(s, c, ctx);
        else onResume(s, c, ctx, (from, m) => toClient(s, c, from, m, ctx));
        return;
      }
      if (t.kind === 'workload') {
        if (t.wgen !== s.wgen) return;
        const c = s.clients[t.client]!;
        // A paused client does nothing; its workload carries on after the pause.
        if (!paused(c, ctx.now)) {
          if (t.op === 'write') clientWrite(s, c, ctx);
          else clientRead(s, c, ctx);
        }
        scheduleWorkload(s, c, t.op, ctx);
        return;
      }
      if (t.kind === 'monitor') {
        monitor(s, ctx);
        ctx.schedule(MONITOR_MS, t);
        return;
      }
      const r = s.replicas[t.node];
      if (!r || !r.up || r.inc !== t.inc) return;
      if (t.kind === 'apply') onApply(s, r, t.index, t.wid, ctx);
      else if (r.role === 'leader') heartbeat(s, r, ctx);
    },
    onMessage(s, d, ctx) {
      const m = d.payload;
      if (m.mid < s.midFloor) return;
      const n = s.replicas.length;
      const down = d.to < n && !s.replicas[d.to]!.up;
      noteArrival(s.messages, HISTORY_SIZE, m.mid, ctx.now, down);
      if (down) return;
      if (d.to === storageNode(s)) {
        if (m.type === 'store') onStore(s, m, d.from, ctx);
        else if (m.type === 'lockWrite') onLockWrite(s, m, d.from, ctx);
        return;
      }
      if (d.to === lockNode(s)) {
        if (m.type === 'acquire') onAcquire(s, m, d.from, ctx);
        return;
      }
      if (d.to >= n) {
        const c = s.clients[d.to - n]!;
        deliverToClient(c, d.from, m, ctx, (from, msg) => toClient(s, c, from, msg, ctx));
        return;
      }
      const r = s.replicas[d.to]!;
      switch (m.type) {
        case 'write':
          return onWrite(s, r, m, d.from, ctx);
        case 'append':
          return onAppend(s, r, m, d.from, ctx);
        case 'ack':
          return onAck(s, r, m, d.from, ctx);
        case 'read':
          return onRead(s, r, m, d.from, ctx);
        case 'newLeader':
          return onNewLeader(s, r, m, d.from, ctx);
        case 'stale':
          if (m.epoch > r.epoch) follow(s, r, m.epoch, m.leader, ctx);
          return;
        default:
          return;
      }
    },
    onInput(s, input, ctx) {
      const n = s.replicas.length;
      const replica = input.replica as number | undefined;
      if (replica !== undefined && replica >= n)
        return void ctx.log(`There are only R1..R${n}`, { level: 'warn' });
      if (input.action === 'write') {
        clientWrite(s, s.clients[Number(input.client)]!, ctx, replica);
      } else if (input.action === 'read') {
        if (!clientRead(s, s.clients[Number(input.client)]!, ctx))
          ctx.log(`C${Number(input.client)} is still waiting for its last read`, { level: 'warn' });
      } else if (input.action === 'lock') {
        requestLock(s, s.clients[Number(input.client)]!, ctx);
      } else if (input.action === 'pause') {
        pauseClient(s, s.clients[Number(input.client)]!, Number(input.ms), ctx);
      } else if (input.action === 'crash') {
        crash(s, ctx, replica ?? s.leader);
      } else if (input.action === 'restart') {
        const id = replica ?? s.lastCrashed;
        if (id < 0) return void ctx.log('No replica has crashed', { level: 'warn' });
        restart(s, ctx, id);
      }
    },
    onParams(s, previous, ctx) {
      const p = ctx.params;
      if (p.followers !== previous.followers) {
        ctx.log('The cluster starts again', { kind: 'reset' });
        const floor = s.nextMid;
        Object.assign(s, fresh(ctx, s.bugs), { gen: s.gen + 1, nextMid: floor, midFloor: floor });
        start(s, ctx);
      } else if (p.writeRate !== previous.writeRate || p.readRate !== previous.readRate) {
        s.wgen++;
        startWorkload(s, ctx);
      }
      if (p.readPolicy !== previous.readPolicy) for (const r of s.replicas) serveHeld(s, r, ctx);
    },
    view(s, ctx) {
      const inOrder = ctx.params.inOrder;
      const leaderOf = (r: Replica) => replicaName(r.leader);
      const L = s.replicas[s.leader]!;
      return {
        view: {
          now: ctx.now,
          replicas: s.replicas.map((r) => ({
            id: r.id,
            name: replicaName(r.id),
            up: r.up,
            role: r.role,
            epoch: r.epoch,
            current: r.id === s.leader && r.role === 'leader',
            stale: r.role === 'leader' && r.epoch < s.epoch,
            follows: leaderOf(r),
            length: r.log.length,
            applied: r.role === 'leader' ? r.log.length : r.applied,
            lag: lagOf(s, r),
            tail: r.log.slice(-TAIL).flatMap((e) =>
              e
                ? [
                    {
                      index: e.index,
                      epoch: e.epoch,
                      label: writeLabel(e),
                      visible: visible(r, e.index, inOrder),
                      doomed: entryAt(L, e.index)?.wid !== e.wid,
                    },
                  ]
                : [],
            ),
            heldReads: r.heldReads.length,
          })),
          clients: s.clients.map((c) => ({
            id: c.id,
            name: clientName(c.id),
            leader: replicaName(c.leader),
            seen: c.seen,
            lastWrite: c.lastWrite ? writeLabel({ client: c.id, seq: c.lastWrite.seq }) : '',
            lastRead: c.lastRead,
            lease: c.lease ? { ...c.lease } : null,
            paused: paused(c, ctx.now),
          })),
          lock: { ...s.lock },
          maxToken: s.storage.maxToken,
          storage: {
            maxEpoch: s.storage.maxEpoch,
            accepted: s.storage.accepted,
            refused: s.storage.refused,
            staleAccepted: s.storage.staleAccepted,
            recent: s.storage.recent.map((w) => ({ ...w })),
          },
          epoch: s.epoch,
          leader: s.leader,
          mode: ctx.params.mode,
          readPolicy: ctx.params.readPolicy,
          fencing: ctx.params.fencing,
          anomalies: s.anomalies.map((a) => ({ ...a, nodes: [...a.nodes] })),
          counts: { ...s.counts },
          acked: s.ackedCount,
          lost: s.lostCount,
          partition: ctx.net.groups ? ctx.net.groups.map((g) => g.slice()) : null,
          messages: s.messages.filter((m) => m && m.sentAt >= ctx.now - 4000),
        },
      };
    },
    metrics(s) {
      let maxLag = 0;
      for (const r of s.replicas) if (r.up) maxLag = Math.max(maxLag, lagOf(s, r));
      return {
        acked: s.ackedCount,
        lost: s.lostCount,
        ryw: s.counts.ryw,
        monotonic: s.counts.monotonic,
        prefix: s.counts.prefix,
        maxLag,
        epoch: s.epoch,
        staleAccepted: s.storage.staleAccepted,
        fenced: s.storage.refused,
        holders: s.counts.holders,
      };
    },
    invariants: replicationInvariants,
    describeMessage,
  };
}

export const replicationModel = makeReplicationModel();
