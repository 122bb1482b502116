/**
 * Practice: "how many queries hit the database at this expiry?" A seeded single hot key with a
 * request rate, a recompute time and a strategy; the model runs to the key's first expiry and
 * counts the recomputations of that episode (the herd the event log reports). Without protection
 * it is about rate x recompute time; a lock, singleflight or stale-while-revalidate make it one.
 */
import { Rng } from '../../core/rng';
import { Sim } from '../../core/sim';
import type { PracticeGenerator, PracticeQuestion } from '../../practice/types';
import { stampedeParams, type Strategy } from './meta';
import { stampedeModel } from './model';
import { secs } from './narrate';
import type { State } from './state';

const HOW: Partial<Record<Strategy, string>> = {
  none: 'none: every request that misses queries the database itself',
  lock: 'lock: the first miss takes a lock and recomputes; the others poll the cache',
  singleflight: 'singleflight: concurrent misses share one database query',
  swr: 'stale-while-revalidate: after expiry requests get the stale value while one background refresh runs',
};

export function stampedeQuestion(seed: number): PracticeQuestion {
  const rng = new Rng(seed).stream('practice');
  const strategy = rng.pick(['none', 'none', 'none', 'lock', 'singleflight', 'swr'] as const);
  const params = {
    strategy,
    rate: rng.int(2, 16) * 50,
    keys: 1,
    ttlMs: 2000,
    recomputeMs: rng.int(2, 15) * 10,
    dbConcurrency: 200,
    timeoutMs: 1000,
    warmStart: true,
  };
  const sim = new Sim(
    stampedeModel,
    {
      model: 'stampede',
      params: stampedeParams.parse(params) as Record<string, unknown>,
      seed,
      inputs: [],
    },
    { checkInvariants: false, keepLog: false },
  );
  const s = sim.state as State;
  const ep = s.hot[0]!;
  while (ep.lastHerd === 0 && sim.now < 10_000 && sim.step());
  const count = ep.lastHerd;
  // The episode is narrated when it closes; the widget plays to just after.
  const closedMs = Math.ceil(sim.now) + 1;
  const expiry = ep.expiry;
  const herd = (params.rate * params.recomputeMs) / 1000;
  // Poisson arrivals scatter the count around 1 + rate x recompute time: the formula's answer
  // always counts, and so does anything within 30% of what this run counted.
  const formula = Math.round(1 + herd);
  const tolerance = Math.max(2, Math.round(count * 0.3), Math.abs(count - formula));
  return {
    model: 'stampede',
    seed,
    prompt: `One hot key is requested ${params.rate} times a second, and recomputing it takes the database ${params.recomputeMs} ms. The cache's strategy is ${HOW[strategy]}. The cached value expires at ${secs(expiry)}. How many database queries recompute the key at that expiry?`,
    factsTitle: 'The workload',
    facts: [
      `Requests: ${params.rate} per second (a Poisson process), all for key 0`,
      `Recompute time: ${params.recomputeMs} ms; the database runs up to ${params.dbConcurrency} queries at once`,
      `Strategy: ${HOW[strategy]}`,
      `Time to live: ${params.ttlMs / 1000} s; key 0 expires at ${secs(expiry)}`,
    ],
    kind: 'number',
    choices: [],
    inputLabel: 'Database queries',
    key: { value: count, tolerance: strategy === 'none' ? tolerance : 0 },
    explanation:
      strategy === 'none'
        ? `Every request that arrives between the expiry and the moment the first recomputation stores its value misses too, and nothing tells it someone is already on the job. That window is one recompute time, so the herd is about 1 + rate × recompute time = 1 + ${params.rate}/s × ${params.recomputeMs / 1000} s ≈ ${formula}; arrivals are random, and this run counted ${count}.`
        : `With ${strategy === 'swr' ? 'stale-while-revalidate, requests get the old value while a single background refresh runs' : strategy === 'lock' ? 'a lock, only its holder recomputes; the others wait for the value' : 'singleflight, the misses share the first one’s query'}, so one query recomputes the key whatever the rate: this run counted ${count}. Without it the herd would have been about ${formula}.`,
    scenario: { model: 'stampede', params, seed, inputs: [] },
    atMs: 0,
    revealUntil: `t:${closedMs}`,
    widgetBefore: false,
  };
}

export const stampedePractice: PracticeGenerator = {
  model: 'stampede',
  title: 'How big is the herd?',
  generate: stampedeQuestion,
};
