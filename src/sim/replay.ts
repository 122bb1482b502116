/**
 * Replays a scenario from scratch to a time and reports what a learner would want to compare:
 * the run's fingerprint (the trace hash), the metrics, the invariants and, on request, the event
 * log. The worker computes the fingerprint a share box shows with this, and the CLI
 * (`npm run -s experiment -- --scenario <file|link>`) prints the same report, so a run seen in the
 * browser can be checked bit for bit in Node.
 */
import { catalog, modelIds } from './catalog';
import type { Parsed } from './core/errors';
import { MAX_TIME_MS, parseScenario } from './core/scenario';
import { Sim } from './core/sim';
import type { AnyModelDef, InvariantStatus, LogEvent, Scenario } from './core/types';
import { loadModel } from './registry';

export interface ReplayReport {
  /** The scenario as validated (defaults filled, inputs in time order). */
  scenario: Scenario;
  untilMs: number;
  /** Hex digest of every event and the final metrics: equal runs have equal fingerprints. */
  fingerprint: string;
  eventsProcessed: number;
  droppedMessages: number;
  metrics: Record<string, number>;
  invariants: InvariantStatus[];
  violation: { invariant: string; detail: string; t: number } | null;
  log?: LogEvent[];
}

/** The time a replay runs to when none is given: the last input plus five seconds, at least 10 s. */
export function defaultUntil(s: Pick<Scenario, 'inputs'>): number {
  const last = s.inputs.reduce((m, i) => Math.max(m, i.at), 0);
  return Math.min(MAX_TIME_MS, Math.max(10_000, last + 5_000));
}

/** Validates `raw` with the scenario schema, then replays it. Never throws on bad input. */
export function replayScenario(
  raw: unknown,
  untilMs: number | undefined,
  options: { log?: boolean } = {},
): Promise<Parsed<ReplayReport>> {
  const parsed = parseScenario(raw, catalog, modelIds());
  if (!parsed.ok) return Promise.resolve(parsed);
  const until = untilMs ?? defaultUntil(parsed.value);
  if (!Number.isInteger(until) || until < 0 || until > MAX_TIME_MS)
    return Promise.resolve({
      ok: false,
      errors: [
        {
          path: 'until',
          message: `${until} is not a whole number of ms from 0 to the maximum ${MAX_TIME_MS}`,
        },
      ],
    });
  return loadModel(parsed.value.model).then((model): Parsed<ReplayReport> => {
    if (!model)
      return { ok: false, errors: [{ path: 'model', message: 'has no simulation code here' }] };
    return { ok: true, value: replayWith(model, parsed.value, until, options) };
  });
}

/** Replays a scenario already validated for `model`. */
export function replayWith(
  model: AnyModelDef,
  scenario: Scenario,
  until: number,
  options: { log?: boolean } = {},
): ReplayReport {
  const sim = new Sim(model, scenario, {
    trace: true,
    checkInvariants: true,
    keepLog: options.log === true,
  });
  sim.runUntil(until);
  const v = sim.violation;
  return {
    scenario,
    untilMs: until,
    fingerprint: sim.traceHash(),
    eventsProcessed: sim.eventsProcessed,
    droppedMessages: sim.dropped,
    metrics: sim.metrics(),
    invariants: sim.status.map((s) => ({ ...s })),
    violation: v && { invariant: v.invariant, detail: v.detail, t: v.t },
    ...(options.log && { log: sim.drainLog() }),
  };
}
