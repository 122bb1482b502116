/**
 * Clients: the workload (Poisson arrivals at `rate` across all clients, one op at a time per
 * client, like Jepsen processes), each op's life from invoke to ok/fail/info, and everything
 * recorded on the way: the Jepsen history, stale reads, time buckets, and the linearizability
 * monitor, checked for the op's key whenever an op completes.
 */
import { canTalk } from '../../core/network';
import type { Ctx } from '../../core/types';
import type { HistoryEntry } from './history';
import type { ReadValue } from './linearizability';
import { checkKey, complete, invoke } from './monitor';
import type { CapMsg, CapParams, CapState, CapTimer, Client } from './types';

type C = Ctx<CapParams, CapTimer, CapMsg>;

export const HISTORY_MAX = 5000;
export const BUCKET_MS = 1000;
const BUCKETS_MAX = 600;
const DONE_AT_MAX = 4096;

export const clientName = (c: number): string => `C${c}`;
export const keyName = (k: number): string => `k${k}`;
export const NAMES = { process: clientName, key: keyName };

const show = (v: ReadValue): string =>
  v === null ? 'nothing' : typeof v === 'object' ? `siblings {${v.join(', ')}}` : String(v);

export function scheduleArrival(s: CapState, ctx: C): void {
  if (!s.workload || ctx.params.rate <= 0) return;
  const delay = Math.max(1, Math.round(ctx.rng('workload').exponential(1000 / ctx.params.rate)));
  s.arrivalTimer = ctx.schedule(delay, { kind: 'arrival', e: s.epoch });
}

/** A workload arrival: an idle client (if any) starts a random read or write. */
export function onArrival(s: CapState, ctx: C): void {
  s.arrivalTimer = null;
  if (!s.workload) return;
  const rng = ctx.rng('workload');
  const idle = s.clients.filter((c) => !c.pending);
  if (idle.length > 0) {
    const client = rng.pick(idle);
    const key = rng.int(0, ctx.params.keys - 1);
    const f = rng.chance(ctx.params.writeRatio) ? 'write' : 'read';
    startOp(s, ctx, client, f, key);
  }
  scheduleArrival(s, ctx);
}

function record(s: CapState, e: Omit<HistoryEntry, 'index'>): number {
  const index = s.historyTotal++;
  s.history.push({ index, ...e });
  if (s.history.length > HISTORY_MAX + 500) s.history.splice(0, s.history.length - HISTORY_MAX);
  return index;
}

/** Starts an op on `client`; false if it is busy. Writes without a value get a fresh one. */
export function startOp(
  s: CapState,
  ctx: C,
  client: Client,
  f: 'read' | 'write',
  key: number,
  value?: number,
  manual = false,
): boolean {
  if (client.pending) return false;
  const p = ctx.params;
  let v: number | null = null;
  if (f === 'write') {
    v = value ?? s.lastValue[key]! + 1;
    s.lastValue[key] = Math.max(s.lastValue[key]!, v);
  }
  const op = s.nextOp++;
  const index = record(s, { type: 'invoke', f, key, value: v, process: client.id, time: ctx.now });
  invoke(s.monitor, { id: index, process: client.id, f, key, value: v }, ctx.now);
  client.pending = {
    op,
    f,
    key,
    value: v,
    sinceMs: ctx.now,
    index,
    timer: ctx.schedule(p.timeoutMs, { kind: 'clientTimeout', e: s.epoch, client: client.id, op }),
    staleBar: s.staleness[key]!.bar,
    manual,
  };
  if (manual)
    ctx.log(
      `${clientName(client.id)} ${f === 'write' ? `writes ${v} to` : 'reads'} ${keyName(key)} via S${client.home}`,
      { kind: 'op', nodes: [client.node, client.home] },
    );
  if (!canTalk(ctx.net, client.node, client.home)) {
    if (!client.warnedCutOff)
      ctx.log(
        `${clientName(client.id)} cannot reach its home S${client.home}: the partition puts them on different sides`,
        { level: 'warn', kind: 'cut-off', nodes: [client.node, client.home] },
      );
    client.warnedCutOff = true;
  } else client.warnedCutOff = false;
  ctx.send(client.node, client.home, {
    type: 'req',
    e: s.epoch,
    op,
    client: client.id,
    f,
    key,
    value: v,
  });
  return true;
}

export function onResponse(s: CapState, ctx: C, msg: Extract<CapMsg, { type: 'resp' }>): void {
  const client = s.clients[msg.client];
  if (!client?.pending || client.pending.op !== msg.op) return;
  const { f } = client.pending;
  if (msg.status === 'ok') finish(s, ctx, client, 'ok', msg.value, '');
  else if (msg.status === 'fail' || f === 'read') finish(s, ctx, client, 'fail', null, msg.why);
  else finish(s, ctx, client, 'info', null, msg.why);
}

export function onClientTimeout(s: CapState, ctx: C, clientId: number, op: number): void {
  const client = s.clients[clientId];
  if (!client?.pending || client.pending.op !== op) return;
  const why = `no answer within ${ctx.params.timeoutMs} ms`;
  finish(s, ctx, client, client.pending.f === 'write' ? 'info' : 'fail', null, why);
}

function isStale(s: CapState, key: number, value: ReadValue, bar: number): boolean {
  if (bar < 0) return false;
  if (value === null) return true;
  const st = s.staleness[key]!;
  const values = typeof value === 'number' ? [value] : value;
  // A value whose write completed before an already-completed later write began was overwritten
  // before this read started. Values too old to remember are overwritten by now.
  return values.some(
    (v) => (st.doneAt[v] ?? (v < s.lastValue[key]! - DONE_AT_MAX ? -1 : Infinity)) < bar,
  );
}

function finish(
  s: CapState,
  ctx: C,
  client: Client,
  type: 'ok' | 'fail' | 'info',
  readValue: ReadValue,
  why: string,
): void {
  const pending = client.pending!;
  client.pending = null;
  ctx.cancel(pending.timer);
  const { f, key } = pending;
  const value = f === 'write' ? pending.value : type === 'ok' ? readValue : null;
  const index = record(s, { type, f, key, value, process: client.id, time: ctx.now });
  const st = s.staleness[key]!;
  let stale = false;
  if (type === 'ok' && f === 'write') {
    st.bar = Math.max(st.bar, pending.index);
    st.doneAt[pending.value!] = index;
    const old = pending.value! - DONE_AT_MAX;
    if (old in st.doneAt) delete st.doneAt[old];
  } else if (type === 'ok') {
    stale = isStale(s, key, value, pending.staleBar);
    const seen = typeof value === 'number' ? [value] : (value ?? []);
    if (seen.some((v) => v > s.lastValue[key]! || v < 0))
      s.inventedValue ??= `${clientName(client.id)} read ${show(value)} from ${keyName(key)}, which no client wrote`;
  }
  const latencyMs = ctx.now - pending.sinceMs;
  client.last = { type, f, key, value, atMs: ctx.now, latencyMs, stale };
  tally(s, ctx.now, type, f, stale, latencyMs);
  narrate(ctx, client, type, f, key, value, why, stale, pending.manual);
  complete(s.monitor, pending.index, type, value, ctx.now);
  for (const w of checkKey(s.monitor, key, { names: NAMES }))
    ctx.log(`Not linearizable: ${w.sentence}`, {
      level: 'warn',
      kind: 'violation',
      nodes: [client.node],
    });
}

function tally(
  s: CapState,
  nowMs: number,
  type: 'ok' | 'fail' | 'info',
  f: 'read' | 'write',
  stale: boolean,
  latencyMs: number,
): void {
  s.totals[type]++;
  const t = Math.floor(nowMs / BUCKET_MS) * BUCKET_MS;
  let b = s.buckets[s.buckets.length - 1];
  if (!b || b.t !== t) {
    b = { t, ok: 0, fail: 0, info: 0, reads: 0, stale: 0, latencyMsSum: 0 };
    s.buckets.push(b);
    if (s.buckets.length > BUCKETS_MAX) s.buckets.shift();
  }
  b[type]++;
  if (type === 'ok') b.latencyMsSum += latencyMs;
  if (f === 'read' && type === 'ok') {
    s.totals.reads++;
    b.reads++;
    if (stale) {
      s.totals.stale++;
      b.stale++;
    }
  }
}

function narrate(
  ctx: C,
  client: Client,
  type: 'ok' | 'fail' | 'info',
  f: 'read' | 'write',
  key: number,
  value: ReadValue,
  why: string,
  stale: boolean,
  manual: boolean,
): void {
  const who = clientName(client.id);
  const K = keyName(key);
  const nodes = [client.node, client.home];
  if (type === 'fail')
    ctx.log(`${who}'s ${f} of ${K} failed: ${why}`, { level: 'warn', kind: 'fail', nodes });
  else if (type === 'info')
    ctx.log(`${who}'s write of ${show(value)} to ${K} is unknown: ${why}`, {
      level: 'warn',
      kind: 'info',
      nodes,
    });
  else if (stale)
    ctx.log(`${who} read ${show(value)} from ${K}: a stale value, already overwritten`, {
      kind: 'stale',
      nodes,
    });
  else if ((typeof value === 'object' && value !== null) || manual)
    ctx.log(
      f === 'write'
        ? `${who} wrote ${show(value)} to ${K}`
        : `${who} read ${show(value)} from ${K}`,
      {
        kind: f === 'read' && typeof value === 'object' && value !== null ? 'siblings' : 'op',
        nodes,
      },
    );
}
