/**
 * Test helpers: scenarios with defaults filled, and a stand-in for the kernel's ctx that records
 * what a handler sends, schedules and says, so single RPCs can be tested in isolation.
 */
import { createNetwork } from '../../core/network';
import { Rng } from '../../core/rng';
import type { Delivery, LogEvent, Scenario, ScenarioInput } from '../../core/types';
import { appendEntry } from './log';
import { raftParams, type RaftParams } from './params';
import {
  createState,
  type Bug,
  type Entry,
  type RaftCtx,
  type RaftMsg,
  type RaftState,
  type RaftTimer,
  type Server,
} from './state';

export function raftScenario(
  params: Partial<RaftParams> = {},
  inputs: ScenarioInput[] = [],
  seed = 1,
): Scenario {
  return { model: 'raft', params: raftParams.parse(params), seed, inputs };
}

export interface Sent {
  from: number;
  to: number;
  payload: RaftMsg;
}

export interface FakeCtx extends RaftCtx {
  now: number;
  sent: Sent[];
  timers: { id: number; at: number; data: RaftTimer }[];
  cancelled: number[];
  lines: LogEvent[];
}

/** A ctx whose sends, timers and log lines are recorded instead of run. */
export function fakeCtx(params: Partial<RaftParams> = {}, now = 1000): FakeCtx {
  const root = new Rng(7);
  const streams = new Map<string, Rng>();
  let nextId = 0;
  const ctx: FakeCtx = {
    now,
    params: raftParams.parse(params),
    seed: 7,
    net: createNetwork(),
    sent: [],
    timers: [],
    cancelled: [],
    lines: [],
    rng(label) {
      let r = streams.get(label);
      if (!r) streams.set(label, (r = root.stream(label)));
      return r;
    },
    schedule(delayMs, data) {
      const id = nextId++;
      ctx.timers.push({ id, at: ctx.now + delayMs, data });
      return id;
    },
    cancel(id) {
      ctx.cancelled.push(id);
    },
    send(from, to, payload) {
      ctx.sent.push({ from, to, payload });
    },
    log(text, options = {}) {
      ctx.lines.push({ t: ctx.now, text, level: options.level ?? 'info' });
    },
    patchParams(patch) {
      Object.assign(ctx.params, patch);
    },
  };
  return ctx;
}

/** A cluster state with the given terms of log entries per server (all followers, no timers). */
export function clusterWithLogs(logs: number[][], bug: Bug = 'none'): RaftState {
  const s = createState(logs.length, { bug, history: true });
  logs.forEach((terms, id) => {
    const srv = s.servers[id]!;
    terms.forEach((term, i) => {
      const entry: Entry = { index: i + 1, term, command: `set k=${term}.${i + 1}`, id: 0 };
      // Entries at the same (index, term) are the same entry, as Raft guarantees.
      entry.id = term * 1000 + i + 1;
      appendEntry(s, srv, entry);
    });
    srv.currentTerm = Math.max(0, ...terms);
  });
  return s;
}

/** A delivery of `payload` from `from` to `srv`. */
export const deliver = <M extends RaftMsg>(from: number, srv: Server, payload: M): Delivery<M> => ({
  id: 0,
  from,
  to: srv.id,
  sentAt: 0,
  payload,
});

/** Payloads `from` sent in `ctx`, optionally of one type. */
export const sentBy = (ctx: FakeCtx, from: number, type?: RaftMsg['type']): RaftMsg[] =>
  ctx.sent
    .filter((m) => m.from === from && (!type || m.payload.type === type))
    .map((m) => m.payload);
