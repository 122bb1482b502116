/**
 * The clocks model: processes do local events, sends and receives on a seeded random schedule
 * (or when the learner says), and every event is stamped with a Lamport timestamp, a vector
 * clock and a hybrid logical clock read against the process's own drifting physical clock.
 */
import type { Ctx, Invariant, ModelDef } from '../../core/types';
import { compareEvents } from './explain';
import { clocksMeta, type ClocksParams } from './meta';
import {
  formatHlc,
  formatVector,
  hlcLess,
  physicalMs,
  RULES,
  tick,
  vectorLess,
  type Rules,
} from './stamps';
import type {
  ClockEvent,
  ClockMsg,
  ClocksState,
  ClocksTimer,
  EventKind,
  ProcessClocks,
} from './types';
import type { ClocksView } from './view';
import {
  cloneCopy,
  emptyCopy,
  mergeCopy,
  offer,
  writeName,
  type Rule,
  type Write,
} from './register';

/** Events kept in the state (older ones are trimmed; the views show the latest). */
export const HISTORY_MAX = 2000;
/** Events sent to the views each frame. */
export const VIEW_EVENTS = 160;

type C = Ctx<ClocksParams, ClocksTimer, ClockMsg>;
export type ClocksModel = ModelDef<ClocksParams, ClocksState, ClocksTimer, ClockMsg, ClocksView>;

const name = (p: number) => `P${p}`;

function freshProcs(ctx: C): ProcessClocks[] {
  const rng = ctx.rng('clocks');
  const n = ctx.params.processes;
  return Array.from({ length: n }, () => {
    const p: ProcessClocks = {
      lamport: 0,
      vector: new Array<number>(n).fill(0),
      hlc: { l: 0, c: 0 },
      seq: 0,
      offsetMs: rng.int(0, ctx.params.skewMsMax),
      driftPpm: rng.int(-ctx.params.driftPpmMax, ctx.params.driftPpmMax),
    };
    // l starts at the physical clock, not at 0: as if each process had just read it.
    p.hlc.l = physicalMs(p, ctx.now);
    return p;
  });
}

function scheduleNext(s: ClocksState, process: number, ctx: C): void {
  if (ctx.params.rate <= 0) return;
  const delay = Math.max(1, Math.round(ctx.rng('schedule').exponential(1000 / ctx.params.rate)));
  ctx.schedule(delay, { kind: 'act', process, epoch: s.epoch });
}

function start(s: ClocksState, ctx: C): void {
  for (let p = 0; p < ctx.params.processes; p++) scheduleNext(s, p, ctx);
}

/** The widest gap between the processes' physical clocks at true time `t`. */
function skewAt(procs: readonly ProcessClocks[], t: number): number {
  const pts = procs.map((p) => physicalMs(p, t));
  return Math.max(...pts) - Math.min(...pts);
}

export const eventById = (
  s: { events: readonly ClockEvent[] },
  id: number,
): ClockEvent | undefined =>
  s.events.length && id >= s.events[0]!.id ? s.events[id - s.events[0]!.id] : undefined;

function record(
  rules: Rules,
  s: ClocksState,
  ctx: C,
  process: number,
  kind: EventKind,
  msg: ClockMsg | null,
  extra: Partial<ClockEvent>,
): ClockEvent {
  const p = s.procs[process]!;
  const pt = physicalMs(p, ctx.now);
  tick(rules, p, process, pt, msg);
  const e: ClockEvent = {
    id: s.nextId++,
    process,
    seq: p.seq,
    kind,
    t: ctx.now,
    pt,
    lamport: p.lamport,
    vector: [...p.vector],
    hlc: { ...p.hlc },
    skewMs: skewAt(s.procs, ctx.now),
    ...extra,
  };
  s.events.push(e);
  if (s.events.length > HISTORY_MAX) s.events.splice(0, s.events.length - HISTORY_MAX);
  s.hlcAheadMs = Math.max(s.hlcAheadMs, e.hlc.l - pt);
  return e;
}

const stampText = (e: ClockEvent) =>
  `Lamport ${e.lamport}, vector ${formatVector(e.vector)}, HLC ${formatHlc(e.hlc)}`;

function local(rules: Rules, s: ClocksState, ctx: C, process: number): void {
  const e = record(rules, s, ctx, process, 'local', null, {});
  ctx.log(`${name(process)} did local event ${e.seq} (${stampText(e)})`, {
    kind: 'local',
    nodes: [process],
  });
}

/** Whether messages carry copies of x and metrics count writes (never in runs without writes). */
const carriesX = (s: ClocksState, ctx: C) => ctx.params.lww || s.writes > 0;

function write(rules: Rules, s: ClocksState, ctx: C, process: number): void {
  const e = record(rules, s, ctx, process, 'local', null, {});
  const w: Write = { n: ++s.writes, writer: process, wall: e.pt, hlc: { ...e.hlc } };
  const copy = s.copies[process]!;
  const lostTo = (rule: Rule) => {
    const held = copy[rule];
    return offer(copy, rule, w) ? null : held;
  };
  const wall = lostTo('wall');
  const hlc = lostTo('hlc');
  e.write = { n: w.n, lostWall: wall?.n ?? null, lostHlc: hlc?.n ?? null };
  if (wall) s.lostWall++;
  if (hlc) s.lostHlc++;
  const says = `${name(process)} wrote x = ${writeName(w)} (wall clock ${w.wall} ms, HLC ${formatHlc(w.hlc)})`;
  const lost = (rule: string, by: Write, stamp: string) =>
    `; by ${rule} ${name(process)}'s copy keeps ${writeName(by)} (${name(by.writer)}, ${stamp}), which happened before it: the later write is silently lost`;
  ctx.log(
    says +
      (wall ? lost('wall clock', wall, `${wall.wall} ms`) : '') +
      (hlc ? lost('HLC', hlc, `HLC ${formatHlc(hlc.hlc)}`) : ''),
    { kind: 'write', nodes: [process], level: wall || hlc ? 'warn' : 'info' },
  );
}

function send(rules: Rules, s: ClocksState, ctx: C, from: number, to: number): void {
  const msg = s.nextMsg++;
  const e = record(rules, s, ctx, from, 'send', null, { msg, peer: to });
  s.sent++;
  ctx.send(from, to, {
    type: 'msg',
    msg,
    sendId: e.id,
    lamport: e.lamport,
    vector: e.vector,
    hlc: e.hlc,
    ...(carriesX(s, ctx) ? { reg: cloneCopy(s.copies[from]!) } : {}),
  });
  ctx.log(`${name(from)} sent m${msg} to ${name(to)} (${stampText(e)})`, {
    kind: 'send',
    nodes: [from, to],
  });
}

function reset(s: ClocksState, ctx: C): void {
  // Ids keep counting, so a pick made before the reset never names a new event.
  Object.assign(s, { ...fresh(ctx), epoch: s.epoch + 1, nextId: s.nextId });
  start(s, ctx);
}

function fresh(ctx: C): ClocksState {
  return {
    epoch: 0,
    procs: freshProcs(ctx),
    events: [],
    nextId: 0,
    nextMsg: 0,
    sent: 0,
    received: 0,
    hlcAheadMs: 0,
    comparison: null,
    copies: Array.from({ length: ctx.params.processes }, emptyCopy),
    writes: 0,
    lostWall: 0,
    lostHlc: 0,
  };
}

/** The newest event and the events right before it (its process's previous one, its send). */
function newestWithPredecessors(s: ClocksState): [ClockEvent, ClockEvent[]] | null {
  const e = s.events.at(-1);
  if (!e) return null;
  const preds: ClockEvent[] = [];
  for (let i = s.events.length - 2; i >= 0; i--)
    if (s.events[i]!.process === e.process) {
      preds.push(s.events[i]!);
      break;
    }
  const sent = e.sendId === undefined ? undefined : eventById(s, e.sendId);
  if (sent) preds.push(sent);
  return [e, preds];
}

const where = (e: ClockEvent) => `${name(e.process)}'s event ${e.seq}`;

export const clocksInvariants: Invariant<ClocksState, ClocksParams>[] = [
  {
    id: 'clock-condition',
    label: 'Clock condition',
    description:
      'If a happened before b, L(a) < L(b): each event has a larger Lamport timestamp than the events right before it, so by induction than its whole causal past.',
    check(s) {
      const x = newestWithPredecessors(s);
      const bad = x?.[1].find((p) => p.lamport >= x[0].lamport);
      return bad && x
        ? `${where(x[0])} has Lamport ${x[0].lamport}, not above ${where(bad)} (${bad.lamport}) which happened before it`
        : null;
    },
  },
  {
    id: 'vector-causality',
    label: 'Vectors follow causality',
    description:
      "Each event's vector counts its own process's events exactly and is above the vectors of the events right before it.",
    check(s) {
      const x = newestWithPredecessors(s);
      if (!x) return null;
      const [e, preds] = x;
      if (e.vector[e.process] !== e.seq)
        return `${where(e)} has ${e.vector[e.process]} in its own entry of ${formatVector(e.vector)}`;
      const bad = preds.find((p) => !vectorLess(p.vector, e.vector));
      return bad
        ? `${where(e)} has ${formatVector(e.vector)}, not above ${where(bad)}'s ${formatVector(bad.vector)}`
        : null;
    },
  },
  {
    id: 'hlc-bound',
    label: 'HLC near physical time',
    description:
      'A hybrid clock follows causality and its l never leads its own physical clock by more than the widest gap between physical clocks (Kulkarni et al., theorem 2).',
    check(s) {
      const x = newestWithPredecessors(s);
      if (!x) return null;
      const [e, preds] = x;
      if (e.hlc.l - e.pt > e.skewMs)
        return `${where(e)} has HLC l ${e.hlc.l}, ${e.hlc.l - e.pt} ms ahead of its physical clock; the clocks are only ${e.skewMs} ms apart`;
      const bad = preds.find((p) => !hlcLess(p.hlc, e.hlc));
      return bad
        ? `${where(e)} has HLC ${formatHlc(e.hlc)}, not above ${where(bad)}'s ${formatHlc(bad.hlc)}`
        : null;
    },
  },
];

export function makeClocksModel(rules: Rules = RULES): ClocksModel {
  return {
    meta: clocksMeta,
    init(ctx) {
      const s = fresh(ctx);
      start(s, ctx);
      return s;
    },
    onTimer(s, t, ctx) {
      if (t.epoch !== s.epoch || t.process >= ctx.params.processes) return;
      const n = ctx.params.processes;
      const rng = ctx.rng('workload');
      if (n > 1 && rng.chance(ctx.params.sendRatio)) {
        const to = (t.process + rng.int(1, n - 1)) % n;
        send(rules, s, ctx, t.process, to);
      } else if (ctx.params.lww) write(rules, s, ctx, t.process);
      else local(rules, s, ctx, t.process);
      scheduleNext(s, t.process, ctx);
    },
    onMessage(s, m, ctx) {
      if (m.to >= ctx.params.processes || m.payload.msg >= s.nextMsg) return;
      const e = record(rules, s, ctx, m.to, 'receive', m.payload, {
        msg: m.payload.msg,
        peer: m.from,
        sendId: m.payload.sendId,
      });
      s.received++;
      if (m.payload.reg) mergeCopy(s.copies[m.to]!, m.payload.reg);
      ctx.log(`${name(m.to)} received m${m.payload.msg} from ${name(m.from)} (${stampText(e)})`, {
        kind: 'receive',
        nodes: [m.from, m.to],
      });
    },
    onInput(s, input, ctx) {
      const n = ctx.params.processes;
      const outside = (p: unknown) => typeof p !== 'number' || p >= n;
      if (input.action === 'local') {
        if (outside(input.process))
          return ctx.log(`There is no P${String(input.process)}`, { level: 'warn' });
        local(rules, s, ctx, input.process as number);
      } else if (input.action === 'write') {
        if (outside(input.process))
          return ctx.log(`There is no P${String(input.process)}`, { level: 'warn' });
        write(rules, s, ctx, input.process as number);
      } else if (input.action === 'send') {
        const { from, to } = input;
        if (outside(from) || outside(to))
          return ctx.log(`There are only P0..P${n - 1}`, { level: 'warn' });
        if (from === to) return ctx.log('A process does not send to itself', { level: 'warn' });
        send(rules, s, ctx, from as number, to as number);
      } else if (input.action === 'compare') {
        const c = compareEvents(s.events, Number(input.a), Number(input.b));
        if (!c) return ctx.log('That event is no longer kept; pick a newer one', { level: 'warn' });
        s.comparison = c;
        ctx.log(c.sentence, { kind: 'compare' });
      }
    },
    onParams(s, previous, ctx) {
      const p = ctx.params;
      if (
        p.processes !== previous.processes ||
        p.skewMsMax !== previous.skewMsMax ||
        p.driftPpmMax !== previous.driftPpmMax
      ) {
        ctx.log('The processes and their clocks start again', { kind: 'reset' });
        reset(s, ctx);
      } else if (p.rate !== previous.rate) {
        s.epoch++;
        start(s, ctx);
      }
    },
    view(s, ctx) {
      return {
        view: {
          processes: s.procs.length,
          events: s.events.slice(-VIEW_EVENTS),
          now: s.procs.map((p) => ({
            lamport: p.lamport,
            vector: [...p.vector],
            hlc: { ...p.hlc },
            ptMs: physicalMs(p, ctx.now),
          })),
          partition: ctx.net.groups ? ctx.net.groups.map((g) => g.slice()) : null,
          comparison: s.comparison,
          register: carriesX(s, ctx)
            ? {
                copies: s.copies.map(cloneCopy),
                writes: s.writes,
                lostWall: s.lostWall,
                lostHlc: s.lostHlc,
              }
            : null,
        },
      };
    },
    metrics: (s, ctx) => ({
      events: s.nextId,
      messages: s.sent,
      received: s.received,
      maxLamport: Math.max(0, ...s.procs.map((p) => p.lamport)),
      hlcAheadMs: s.hlcAheadMs,
      // Only in runs with writes: the default presets' metrics (and golden hashes) stay as they were.
      ...(carriesX(s, ctx) ? { writes: s.writes, lostWall: s.lostWall, lostHlc: s.lostHlc } : {}),
    }),
    invariants: clocksInvariants,
    describeMessage: (m) => `m${m.msg} L${m.lamport}`,
  };
}

export const clocksModel = makeClocksModel();
