/**
 * The cache-stampede model: clients -> cache -> database. Requests arrive as a Poisson process
 * over Zipf-popular keys; a miss recomputes the key on a database with limited concurrency and a
 * FIFO queue, so a herd of misses turns into queueing delay and timeouts. Seven strategies decide
 * what a miss does (see `requests.ts`).
 *
 * Modelling choices, for whoever teaches with it:
 * - Time is fractional virtual ms; arrival gaps are whole microseconds (see `state.ts`).
 * - A cache read takes no time: a hit's latency is 0. Latency is what the database adds.
 * - A request not answered within `timeoutMs` fails and counts with latency = timeoutMs. Its
 *   database query is not cancelled: it keeps its slot, runs to the end and fills the cache.
 * - A recomputation runs from the moment it is issued (queue wait included) to its completion;
 *   XFetch's delta is that whole duration, as a client timing its recompute would measure it.
 * - Hit ratio = requests answered at once from the cache (fresh, or stale under swr/lease) over
 *   requests finished. Waiting for someone else's recomputation is not a hit.
 * - singleflight coalesces across all clients, as if they shared one process (Go's group is per
 *   process). lock polls like nginx's proxy_cache_lock; a waiter that finds the lock free and
 *   the key still missing takes the lock itself.
 * - jitter draws each TTL uniformly from ttl * (1 ± jitterPct/200), keeping the mean TTL.
 * - lease follows memcache: a token is handed out when none is outstanding, or when the
 *   outstanding one is leaseMs old (its holder is presumed lost); a successful set ends the
 *   lease; a holder whose token was replaced has its set refused.
 */
import type { Invariant, ModelDef } from '../../core/types';
import { admit, complete } from './db';
import { advanceHistory, bumpHistory } from './history';
import { stampedeMeta, type StampedeParams, type Strategy } from './meta';
import { secs } from './narrate';
import { arrive, poll, scheduleArrival, timeout } from './requests';
import { createState, perKey, type C, type NoMessage, type State, type Timer } from './state';
import { buildView, stampedeMetrics, type StampedeView } from './view';

/** Poisson arrivals are memoryless: drawing the next gap afresh at the new rate is exact. */
function restartArrivals(s: State, ctx: C): void {
  ctx.cancel(s.arrivalTimer);
  scheduleArrival(s, ctx, true);
}

/** Every key cached, expiring at a uniformly random time within the first TTL. */
function warmUp(s: State, ctx: C): void {
  const rng = ctx.rng('warm');
  const { ttlMs, recomputeMs } = ctx.params;
  for (let k = 0; k < s.keys; k++) {
    s.expiresAt[k] = rng.float() * ttlMs;
    s.deltaMs[k] = recomputeMs;
  }
}

function strategyInvariant(strategy: Strategy, label: string, description: string) {
  return {
    id: `${strategy}-exclusive`,
    label,
    description,
    check: (s, ctx) => (ctx.params.strategy === strategy ? (s.breaches[strategy] ?? null) : null),
  } satisfies Invariant<State, StampedeParams>;
}

export const stampedeModel: ModelDef<StampedeParams, State, Timer, NoMessage, StampedeView> = {
  meta: stampedeMeta,
  sampleEveryMs: 100,
  checkpointEveryMs: 1000,

  init(ctx) {
    const s = createState(ctx.params);
    if (ctx.params.warmStart) warmUp(s, ctx);
    s.sampleCountdown = 1;
    scheduleArrival(s, ctx);
    return s;
  },

  onTimer(s, t, ctx) {
    advanceHistory(s, ctx.now);
    switch (t.k) {
      case 'arrive':
        arrive(s, ctx);
        break;
      case 'db':
        complete(s, ctx, t.job);
        break;
      case 'timeout':
        timeout(s, ctx, t.req);
        break;
      case 'poll':
        poll(s, ctx, t.req);
        break;
    }
    bumpHistory(s);
  },

  onInput(s, input, ctx) {
    advanceHistory(s, ctx.now);
    const at = secs(ctx.now);
    switch (input.action) {
      case 'flush':
        s.expiresAt.fill(-Infinity);
        ctx.log(`Cache flushed at ${at}: all ${s.keys} keys are cold.`, {
          kind: 'flush',
          level: 'warn',
        });
        break;
      // The three below record the value in effect as a param (ctx.patchParams), so the params
      // panel and share links show it and handlers read it from ctx.params.
      case 'setRate': {
        const before = ctx.params.rate;
        ctx.patchParams({ rate: input.rate as number });
        restartArrivals(s, ctx);
        ctx.log(`Request rate changed at ${at} from ${before} to ${ctx.params.rate} per second.`, {
          kind: 'rate',
        });
        break;
      }
      case 'setStrategy': {
        const before = ctx.params.strategy;
        ctx.patchParams({ strategy: input.strategy as Strategy });
        ctx.log(`Strategy switched at ${at} from ${before} to ${ctx.params.strategy}.`, {
          kind: 'strategy',
        });
        break;
      }
      case 'slowDb': {
        const before = ctx.params.recomputeMs;
        const after = input.recomputeMs as number;
        ctx.patchParams({ recomputeMs: after });
        ctx.log(`Database queries starting from ${at} take ${after} ms (was ${before} ms).`, {
          kind: 'db',
          level: after > before ? 'warn' : 'info',
        });
        break;
      }
    }
    bumpHistory(s);
  },

  onParams(s, previous, ctx) {
    const p = ctx.params;
    advanceHistory(s, ctx.now);
    // The kernel already narrates the change itself; strategy and recomputeMs are read from
    // ctx.params where they are used, so only the arrival clock needs restarting.
    if (p.rate !== previous.rate) restartArrivals(s, ctx);
    if (p.dbConcurrency > previous.dbConcurrency) admit(s, ctx);
    else if (p.dbConcurrency < previous.dbConcurrency) s.dbCapGrace = s.dbRunning;
    if (p.keys !== previous.keys) {
      // New key space, empty cache; queries in flight still answer their requests.
      for (const job of s.jobs.values()) job.orphan = true;
      perKey(s, p.keys);
      for (const ep of s.hot) ep.lastHerd = 0;
    }
    bumpHistory(s);
  },

  view: (s, ctx) => ({ view: buildView(s, ctx.now, ctx.params) }),
  metrics: (s, ctx) => stampedeMetrics(s, ctx.now),

  invariants: [
    {
      id: 'db-capacity',
      label: 'Database concurrency',
      description: 'The database never runs more queries at once than dbConcurrency.',
      check: (s, ctx) => {
        const cap = Math.max(ctx.params.dbConcurrency, s.dbCapGrace);
        return s.dbRunning > cap ? `${s.dbRunning} queries run at once, above ${cap}` : null;
      },
    },
    {
      id: 'causality',
      label: 'Nothing finishes before it starts',
      description:
        'No request is answered before it arrives; no query starts before it is issued or ' +
        'finishes before it starts.',
      check: (s) =>
        s.minLatencyMs < 0
          ? `a request was answered ${-s.minLatencyMs} ms before it arrived`
          : s.minJobStepMs < 0
            ? `a query moved ${-s.minJobStepMs} ms back in time`
            : null,
    },
    {
      id: 'conservation',
      label: 'Every request is answered once',
      description: 'Requests that arrived = requests answered or timed out + requests waiting.',
      check: (s) => {
        const { arrived, finished } = s.totals;
        return arrived !== finished + s.reqs.size
          ? `${arrived} arrived but ${finished} finished and ${s.reqs.size} wait`
          : null;
      },
    },
    strategyInvariant(
      'singleflight',
      'singleflight: one recomputation per key',
      'Concurrent misses share one recomputation: never two of one key at once.',
    ),
    strategyInvariant(
      'lock',
      'lock: one lock holder per key',
      'Only the lock holder recomputes a key; everyone else waits.',
    ),
    strategyInvariant(
      'lease',
      'lease: one token per lease interval',
      'A key hands out a new lease token only when none is outstanding or the last is leaseMs old.',
    ),
    strategyInvariant(
      'swr',
      'swr: one background refresh per key',
      'Stale reads trigger at most one refresh of a key at a time.',
    ),
  ],
};
