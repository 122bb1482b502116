/**
 * The traffic model: open-loop Poisson clients -> a load balancer -> N instances, each with a
 * concurrency limit and a FIFO or LIFO queue, under per-try timeouts, deadlines, retries (with
 * backoff and jitter), a retry budget and load shedding.
 *
 * Modelling choices, for whoever teaches with it:
 * - The model keeps its own event heap (heap.ts) and the kernel only ticks it every TICK_MS:
 *   10,000 requests a second are a few heap entries each, not kernel messages. Inputs and param
 *   changes first run the model up to their time, so nothing happens out of order.
 * - The network between the parts takes no time: latency is queueing plus service.
 * - A client that gives up on a try (its timeout) does not cancel it: the instance still does
 *   the work, and its answer arrives late and is thrown away (wasted work, counted as late).
 * - A crashed instance refuses connections at once, and the tries it held fail at once (reset).
 *   A paused one keeps accepting tries into its queue but works on none.
 * - Throughput counts work done; goodput counts requests answered before their deadline.
 */
import type { Invariant, ModelDef } from '../../core/types';
import { newBreaker } from './breaker';
import { advance, failTries, refill, scheduleArrival, touchSystem } from './engine';
import { push, SECOND } from './heap';
import { newHistogram } from './hist';
import { crash, newInstance, pause, restart } from './instances';
import { trafficMeta, type TrafficParams } from './meta';
import { newSecond } from './seconds';
import type { TrafficCtx as C, TrafficState as S, TrafficTimer } from './types';
import { buildView, instanceName, type TrafficView } from './view';

/** How often the kernel runs the model's own events (virtual ms). */
export const TICK_MS = 10;
const TICK: TrafficTimer = { k: 'tick' };

function init(ctx: C): S {
  const p = ctx.params;
  const s: S = {
    t: 0,
    heap: { items: [], nextSeq: 0 },
    instances: Array.from({ length: p.instances }, () => newInstance(0)),
    open: new Map(),
    areaAt: 0,
    nextReq: 0,
    nextAttempt: 0,
    arrivalGen: 0,
    rrNext: 0,
    retryTokens: 0,
    bucketTokens: p.rateLimitBurst,
    bucketAt: 0,
    breaker: newBreaker(),
    notes: [],
    totals: {
      started: 0,
      answered: 0,
      failed: 0,
      timedOut: 0,
      tries: 0,
      retries: 0,
      served: 0,
      late: 0,
      limited: 0,
      endedTwice: 0,
      latencySumMs: 0,
      sojournSumMs: 0,
      openCreatedSumMs: 0,
      inSystemArea: 0,
      maxQueue: 0,
    },
    secondHist: newHistogram(),
    runHist: newHistogram(),
    current: newSecond(0),
    seconds: [],
    samples: [],
    bug: 'none',
  };
  scheduleArrival(s, p, 0, ctx.rng('arrivals'));
  push(s.heap, 1000, SECOND, null);
  ctx.schedule(TICK_MS, TICK);
  return s;
}

function target(s: S, input: Record<string, unknown>): number {
  const k = input.instance;
  return typeof k === 'number' && k < s.instances.length ? k : -1;
}

function onInput(s: S, input: Record<string, unknown>, ctx: C): void {
  advance(s, ctx.now, ctx);
  const t = ctx.now;
  const k = target(s, input);
  const inst = k >= 0 ? s.instances[k] : undefined;
  const name = instanceName(k);
  if (input.action === 'pause' && input.instance === undefined) {
    const ms = typeof input.ms === 'number' ? input.ms : 2000;
    s.instances.forEach((_, j) => pause(s, j, t, ms));
    ctx.log(`Every instance paused for ${ms} ms (stop the world)`, {
      kind: 'pause',
      level: 'warn',
    });
    return;
  }
  if (!inst) {
    ctx.log(`There is no instance ${String(input.instance)}`, { level: 'warn' });
    return;
  }
  switch (input.action) {
    case 'crash':
      if (!inst.up) return ctx.log(`${name} is already down`, { level: 'warn' });
      failTries(s, crash(inst, t), t, ctx);
      ctx.log(`${name} crashed: its requests failed and it refuses connections`, {
        kind: 'crash',
        level: 'warn',
        nodes: [k],
      });
      return;
    case 'restart':
      if (inst.up) return ctx.log(`${name} is already up`, { level: 'warn' });
      restart(inst, t);
      ctx.log(`${name} restarted with an empty queue`, { kind: 'restart', nodes: [k] });
      return;
    case 'pause': {
      if (!inst.up) return ctx.log(`${name} is down: nothing to pause`, { level: 'warn' });
      const ms = typeof input.ms === 'number' ? input.ms : 2000;
      pause(s, k, t, ms);
      ctx.log(`${name} paused for ${ms} ms (stop the world)`, { kind: 'pause', nodes: [k] });
      return;
    }
    case 'slow': {
      const factor = typeof input.factor === 'number' ? input.factor : 5;
      inst.slowFactor = factor;
      ctx.log(
        factor === 1 ? `${name} is back to normal speed` : `${name} is now ${factor} times slower`,
        { kind: 'slow', nodes: [k] },
      );
      return;
    }
  }
}

function onParams(s: S, previous: TrafficParams, ctx: C): void {
  // Events up to now ran under the old params (the kernel has already switched ctx.params, but
  // the tick before this input brought the model to within TICK_MS of now).
  advance(s, ctx.now, ctx);
  const p = ctx.params;
  const t = ctx.now;
  if (p.instances > s.instances.length) {
    while (s.instances.length < p.instances) s.instances.push(newInstance(t));
  } else if (p.instances < s.instances.length) {
    const gone = s.instances.splice(p.instances);
    for (const i of gone) failTries(s, crash(i, t), t, ctx);
    s.rrNext = 0;
  }
  const arrivals: (keyof TrafficParams)[] = [
    'rateRps',
    'pattern',
    'burstRps',
    'burstAtMs',
    'burstMs',
  ];
  if (arrivals.some((key) => p[key] !== previous[key])) {
    s.arrivalGen++;
    scheduleArrival(s, p, t, ctx.rng('arrivals'));
  }
  if (p.concurrency > previous.concurrency || p.queueOrder !== previous.queueOrder)
    s.instances.forEach((_, k) => refill(s, k, t, ctx));
}

/** Request-ms in the system up to now, by the run's own bookkeeping. */
function areaNow(s: S): number {
  return s.totals.inSystemArea + s.open.size * (s.t - s.areaAt);
}

const invariants: Invariant<S, TrafficParams>[] = [
  {
    id: 'answered-once',
    label: 'No request ends twice',
    description: 'A request is answered, fails or times out once; a late answer is thrown away.',
    check: (s) =>
      s.totals.endedTwice > 0
        ? `${s.totals.endedTwice} request(s) ended a second time (a late answer was taken)`
        : null,
  },
  {
    id: 'none-lost',
    label: 'No request is lost',
    description:
      'Every request is answered, failed, timed out, or still in the system, and none stays past its deadline.',
    check: (s) => {
      const t = s.totals;
      const sum = t.answered + t.failed + t.timedOut + s.open.size;
      if (sum !== t.started)
        return `${t.started} requests started but ${t.answered} answered + ${t.failed} failed + ${t.timedOut} timed out + ${s.open.size} open = ${sum}`;
      const oldest = s.open.values().next();
      if (!oldest.done && oldest.value.deadlineAt < s.t - 1e-6)
        return `request ${oldest.value.id} is still open ${(s.t - oldest.value.deadlineAt).toFixed(1)} ms after its deadline`;
      return null;
    },
  },
  {
    id: 'littles-law',
    label: "Little's law over the run",
    description:
      'The time-average number of requests in the system equals the arrival rate times the mean time in the system (L = λW), counting the time of requests still in it.',
    check: (s) => {
      const area = areaNow(s);
      const sojourn = s.totals.sojournSumMs + s.open.size * s.t - s.totals.openCreatedSumMs;
      const gap = Math.abs(area - sojourn);
      return gap > 1e-6 * Math.max(1, area) + 1e-3
        ? `L x T = ${area.toFixed(1)} request-ms but the requests spent ${sojourn.toFixed(1)} ms in the system`
        : null;
    },
  },
];

export const trafficModel: ModelDef<TrafficParams, S, TrafficTimer, never, TrafficView> = {
  meta: trafficMeta,
  sampleEveryMs: 500,
  checkpointEveryMs: 1000,
  init,
  onTimer(s, _data, ctx) {
    advance(s, ctx.now, ctx);
    touchSystem(s, s.t);
    for (const n of s.notes) ctx.log(n.text, { kind: 'breaker', level: 'warn' });
    s.notes.length = 0;
    ctx.schedule(TICK_MS, TICK);
  },
  onInput,
  onParams,
  view(s, ctx) {
    const view = buildView(s, ctx.now);
    view.clients = ctx.params.clients;
    if (!ctx.params.breaker) view.breaker = null;
    return { view };
  },
  metrics(s) {
    const last = s.seconds[s.seconds.length - 1];
    if (!last) return Object.fromEntries(trafficMeta.metrics.map((m) => [m.id, 0]));
    const ended = last.goodput + last.failed + last.timedOut;
    return {
      offeredRps: last.offered,
      throughputRps: last.throughput,
      goodputRps: last.goodput,
      errorRate: ended ? last.failed / ended : 0,
      timeoutRate: ended ? last.timedOut / ended : 0,
      p50Ms: Number.isNaN(last.p50) ? 0 : last.p50,
      p99Ms: Number.isNaN(last.p99) ? 0 : last.p99,
      p999Ms: Number.isNaN(last.p999) ? 0 : last.p999,
      utilization: last.util,
      queueMax: last.queueMax,
      retryShare: last.tries ? last.retries / last.tries : 0,
      limitedRps: last.limited,
      breakerOpen: s.breaker.state,
      breakerRejectedRps: last.broken,
      inSystem: s.open.size,
    };
  },
  invariants,
};
