/**
 * The CAP model: a replicated key-value register on 3 to 7 replicas with clients attached to
 * home replicas, in one of three modes (see `coordinator.ts` for cp and quorum, `ap.ts` for ap).
 * Every client op is recorded Jepsen-style and checked for linearizability as it completes.
 */
import type { Ctx, ModelDef } from '../../core/types';
import { antiEntropy, onSync, serveLocally } from './ap';
import {
  clientName,
  keyName,
  onArrival,
  onClientTimeout,
  onResponse,
  scheduleArrival,
  startOp,
} from './clients';
import { applyPut, coordinate, onAck, onCoordTimeout, onGot } from './coordinator';
import { handOff, holdHint, onFallback, onHandedOff, versionsFor } from './sloppy';
import { capMeta } from './meta';
import { createMonitor, isLinearizable } from './monitor';
import { divergedKeys } from './store';
import type { CapMsg, CapParams, CapState, CapTimer, Replica } from './types';
import { buildView, type CapView } from './view';

type C = Ctx<CapParams, CapTimer, CapMsg>;

/** A fresh cluster: empty replicas, idle clients, an empty history. */
function fresh(ctx: C, epoch: number): CapState {
  const p = ctx.params;
  const s: CapState = {
    epoch,
    cpOnly: p.mode === 'cp',
    replicas: Array.from({ length: p.replicas }, (_, id) => ({
      id,
      data: Array.from({ length: p.keys }, () => []),
      clock: 0,
      vvCounter: 0,
      coords: {},
      hints: [],
    })),
    clients: Array.from({ length: p.clients }, (_, id) => ({
      id,
      node: p.replicas + id,
      home: id % p.replicas,
      pending: null,
      last: null,
      warnedCutOff: false,
    })),
    nextOp: 0,
    lastValue: new Array<number>(p.keys).fill(0),
    workload: true,
    arrivalTimer: null,
    history: [],
    historyTotal: 0,
    totals: { ok: 0, fail: 0, info: 0, reads: 0, stale: 0 },
    staleness: Array.from({ length: p.keys }, () => ({ bar: -1, doneAt: {} })),
    buckets: [],
    monitor: createMonitor(),
    inventedValue: null,
  };
  scheduleArrival(s, ctx);
  const rng = ctx.rng('anti-entropy');
  for (const r of s.replicas)
    ctx.schedule(rng.int(1, p.antiEntropyMs), { kind: 'antiEntropy', e: epoch, replica: r.id });
  return s;
}

const STRUCTURAL: (keyof CapParams)[] = ['replicas', 'clients', 'keys'];

function onRequest(s: CapState, ctx: C, r: Replica, msg: Extract<CapMsg, { type: 'req' }>): void {
  if (ctx.params.mode === 'ap') serveLocally(s, ctx, r, msg);
  else coordinate(s, ctx, r, msg);
}

export const capModel: ModelDef<CapParams, CapState, CapTimer, CapMsg, CapView> = {
  meta: capMeta,
  init: (ctx) => fresh(ctx, 0),

  onTimer(s, t, ctx) {
    if (t.e !== s.epoch) return;
    switch (t.kind) {
      case 'arrival':
        onArrival(s, ctx);
        break;
      case 'clientTimeout':
        onClientTimeout(s, ctx, t.client, t.op);
        break;
      case 'coordTimeout': {
        const r = s.replicas[t.replica];
        if (r) onCoordTimeout(s, ctx, r, t.op);
        break;
      }
      case 'fallback': {
        const r = s.replicas[t.replica];
        if (r) onFallback(s, ctx, r, t.op);
        break;
      }
      case 'antiEntropy': {
        const r = s.replicas[t.replica];
        if (!r) break;
        antiEntropy(s, ctx, r);
        handOff(s, ctx, r);
        ctx.schedule(ctx.params.antiEntropyMs, t);
        break;
      }
    }
  },

  onMessage(s, msg, ctx) {
    const m = msg.payload;
    if (m.e !== s.epoch) return;
    if (m.type === 'resp') {
      onResponse(s, ctx, m);
      return;
    }
    const r = s.replicas[msg.to];
    if (!r) return;
    switch (m.type) {
      case 'req':
        onRequest(s, ctx, r, m);
        break;
      case 'get':
        ctx.send(r.id, msg.from, {
          type: 'got',
          e: s.epoch,
          op: m.op,
          key: m.key,
          vers: versionsFor(r, m.key),
        });
        break;
      case 'got':
        onGot(s, ctx, r, msg.from, m.op, m.vers);
        break;
      case 'put':
        if (m.hint !== undefined) holdHint(ctx, r, m.key, m.vers, m.hint);
        else applyPut(ctx, r, m.key, m.vers);
        if (m.op >= 0) ctx.send(r.id, msg.from, { type: 'ack', e: s.epoch, op: m.op, key: m.key });
        break;
      case 'ack':
        onAck(s, ctx, r, msg.from, m.op);
        break;
      case 'handoff':
        applyPut(ctx, r, m.key, [m.ver]);
        ctx.send(r.id, msg.from, {
          type: 'handedOff',
          e: s.epoch,
          key: m.key,
          ts: m.ver.ts,
          node: m.ver.node,
        });
        break;
      case 'handedOff':
        onHandedOff(ctx, r, msg.from, m.key, m.ts, m.node);
        break;
      case 'sync': {
        const changed = onSync(s, ctx, r, msg.from, m.data, m.reply);
        if (changed.length)
          ctx.log(
            `S${r.id} took newer versions of ${changed.map(keyName).join(', ')} from S${msg.from} (anti-entropy)`,
            { kind: 'sync', nodes: [r.id, msg.from] },
          );
        break;
      }
    }
  },

  onInput(s, input, ctx) {
    if (input.action === 'workload') {
      const on = input.on === true;
      if (on === s.workload) return;
      s.workload = on;
      if (s.arrivalTimer !== null) ctx.cancel(s.arrivalTimer);
      s.arrivalTimer = null;
      if (on) scheduleArrival(s, ctx);
      ctx.log(on ? 'Workload started' : 'Workload stopped', { kind: 'workload' });
      return;
    }
    if (input.action !== 'read' && input.action !== 'write') return;
    const client = s.clients[input.client as number];
    const key = input.key as number;
    if (!client || key >= ctx.params.keys) {
      ctx.log(`No client ${String(input.client)} or key ${String(input.key)} in this cluster`, {
        level: 'error',
      });
      return;
    }
    const value = typeof input.value === 'number' ? input.value : undefined;
    if (!startOp(s, ctx, client, input.action, key, value, true))
      ctx.log(`${clientName(client.id)} is busy with another operation`, { level: 'warn' });
  },

  onParams(s, previous, ctx) {
    const p = ctx.params;
    if (STRUCTURAL.some((k) => p[k] !== previous[k])) {
      const workload = s.workload;
      Object.assign(s, fresh(ctx, s.epoch + 1));
      if (!workload) {
        s.workload = false;
        if (s.arrivalTimer !== null) ctx.cancel(s.arrivalTimer);
        s.arrivalTimer = null;
      }
      ctx.log('The cluster was rebuilt for the new size; the history starts over', {
        kind: 'reset',
      });
      return;
    }
    if (p.mode !== 'cp') s.cpOnly = false;
    if (p.rate !== previous.rate && s.workload) {
      if (s.arrivalTimer !== null) ctx.cancel(s.arrivalTimer);
      scheduleArrival(s, ctx);
    }
  },

  view: (s, ctx) => buildView(s, ctx),

  metrics(s, ctx) {
    const { ok, fail, info, stale } = s.totals;
    const done = ok + fail + info;
    const recent = s.buckets.filter((b) => b.t >= ctx.now - 2000);
    const rOk = recent.reduce((a, b) => a + b.ok, 0);
    const rDone = recent.reduce((a, b) => a + b.ok + b.fail + b.info, 0);
    const rLatency = recent.reduce((a, b) => a + b.latencyMsSum, 0);
    return {
      availability: done ? ok / done : 1,
      availabilityRecent: rDone ? rOk / rDone : 1,
      staleReads: stale,
      opsOk: ok,
      opsFailed: fail,
      opsUnknown: info,
      linearizable: isLinearizable(s.monitor) ? 1 : 0,
      violations: s.monitor.violations,
      diverged: divergedKeys(s.replicas).length,
      latencyMs: rOk ? rLatency / rOk : 0,
    };
  },

  invariants: [
    {
      id: 'cp-linearizable',
      label: 'cp mode is linearizable',
      description:
        'While the run has only ever been in cp mode, every completed operation can be placed in ' +
        'one order that respects real time and register semantics (checked per key as ops complete).',
      check(s) {
        if (!s.cpOnly) return null;
        const w = s.monitor.witnesses[0];
        if (w) return w.sentence;
        return isLinearizable(s.monitor) ? null : 'the checker gave up on a key';
      },
    },
    {
      id: 'no-invented-values',
      label: 'Reads return written values',
      description: 'Every value a read returns was written by some client (in every mode).',
      check: (s) => s.inventedValue,
    },
  ],

  describeMessage(m) {
    switch (m.type) {
      case 'req':
        return m.f === 'write'
          ? `C${m.client} write ${keyName(m.key)}=${m.value}`
          : `C${m.client} read ${keyName(m.key)}`;
      case 'resp':
        return m.status === 'ok' ? (m.value === null ? 'ok' : `ok ${String(m.value)}`) : m.status;
      case 'get':
        return `get ${keyName(m.key)}`;
      case 'got':
        return `${keyName(m.key)}=${m.vers.map((v) => v.value).join('|') || '∅'}`;
      case 'put':
        return `${m.op < 0 ? 'sync' : m.hint !== undefined ? `hint S${m.hint}` : 'put'} ${keyName(m.key)}=${m.vers.map((v) => v.value).join('|')}`;
      case 'ack':
        return 'ack';
      case 'handoff':
        return `handoff ${keyName(m.key)}=${m.ver.value}`;
      case 'handedOff':
        return 'handed off';
      case 'sync':
        return m.reply ? 'anti-entropy' : 'anti-entropy reply';
    }
  },

  sampleEveryMs: 100,
  checkpointEveryMs: 1000,
};
