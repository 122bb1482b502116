/**
 * Helpers for tests and the CLI: run a scenario to a time and collect what happened.
 */
import { Sim, type SimOptions, type Violation } from './sim';
import type { AnyModelDef, LogEvent, Scenario } from './types';

export interface RunResult {
  sim: Sim;
  traceHash: string;
  violation: Violation | null;
  log: LogEvent[];
}

/** Runs `scenario` on `model` until `untilMs`, tracing and checking invariants by default. */
export function runScenario(
  model: AnyModelDef,
  scenario: Scenario,
  untilMs: number,
  options: SimOptions = {},
): RunResult {
  const sim = new Sim(model, scenario, { trace: true, checkInvariants: true, ...options });
  sim.runUntil(untilMs);
  return { sim, traceHash: sim.traceHash(), violation: sim.violation, log: sim.drainLog() };
}

/** The scenario for a model's preset, with defaults filled by the caller's parser. */
export function presetScenario(model: AnyModelDef, presetId: string): Scenario {
  const preset = model.meta.presets.find((p) => p.id === presetId);
  if (!preset) throw new Error(`no preset ${presetId} in ${model.meta.id}`);
  return {
    model: model.meta.id,
    params: model.meta.params.parse(preset.params ?? {}) as Record<string, unknown>,
    seed: preset.seed ?? 1,
    inputs: preset.inputs ?? [],
  };
}
