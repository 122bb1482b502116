/**
 * Executable lesson claims. A lesson `content/<id>.md` may have a sidecar `content/<id>.claims.ts`
 * whose default export maps claim ids to checks; the text marks each claim where it is made:
 *
 *   In this run cp keeps :claim[95.6%]{#cp-availability} of the operations.
 *
 * `npm test` replays every claim (the lesson's own widget scenario or experiment, with the
 * actions the text asks for) and fails naming the lesson, the line and the measured value when
 * one stops holding. A claim with `show` also fills its text at build time from the measured
 * value, so the number on the page is the number the check measured.
 */
import type { Sim } from '../../sim/core/sim';
import type { RunResult } from '../../sim/core/testing';
import type { LogEvent, Scenario, ScenarioInput } from '../../sim/core/types';

export type Measured = number | string | boolean | readonly (number | string | boolean)[];

/** What a claim can replay: the lesson's widgets and experiments, built from its directives. */
export interface ClaimContext {
  /** The scenario the lesson's widget `#id` starts with (preset, seed, param-*, inputs=none). */
  scenario(widgetId: string): Scenario;
  /**
   * That scenario with `inputs` added (the actions the text asks for, at the times it implies),
   * run to `untilMs` with invariants checked and the log kept. Memoized per lesson.
   */
  run(widgetId: string, inputs: readonly ScenarioInput[], untilMs: number): Promise<RunResult>;
  /**
   * A fresh simulation of that scenario with `inputs` added, for claims that watch a run as it
   * goes (the time until something happens). Not memoized.
   */
  sim(widgetId: string, inputs: readonly ScenarioInput[]): Promise<Sim>;
  /** Runs an experiment with these params (defaults filled by its schema). Memoized. */
  experiment(id: string, params?: Record<string, unknown>): Promise<unknown>;
  /**
   * The lesson's `::experiment{id=...}` directive as the page runs it: one result per sweep
   * value (or one result without a sweep), with `overrides` on top of its param-* attributes.
   * `only` runs just those sweep values, for a claim about some of them (runs are memoized, so
   * claims that ask for the same values share them).
   */
  lessonExperiment(
    id: string,
    overrides?: Record<string, unknown>,
    only?: readonly unknown[],
  ): Promise<{ value: unknown; result: unknown }[]>;
}

export interface Claim<V extends Measured = Measured> {
  /** The claim in words, as a failure message shows it ("cp keeps about 95% available"). */
  says: string;
  measure(ctx: ClaimContext): Promise<V> | V;
  /** Whether the measured value is within what the text allows ("about", "usually"). */
  holds(value: V): boolean;
  /** The text to show for this value, filled into the lesson at build time. */
  show?: (value: V) => string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyClaim = Claim<any>;
export type Claims = Record<string, AnyClaim>;

/** A sidecar's default export: write each entry with `claim({...})` so its value type is inferred. */
export const defineClaims = (claims: Claims): Claims => claims;

/** A claim with its value type inferred from `measure`. */
export const claim = <V extends Measured>(c: Claim<V>): Claim<V> => c;

// ---- small helpers sidecars share ----

/** `x` within `rel` (a fraction) of `target`. */
export const near = (target: number, rel: number) => (x: number) =>
  Math.abs(x - target) <= Math.abs(target) * rel;
export const between = (lo: number, hi: number) => (x: number) => x >= lo && x <= hi;
export const percent =
  (digits = 0) =>
  (x: number): string =>
    `${(x * 100).toFixed(digits)}%`;
export const fixed =
  (digits = 0) =>
  (x: number): string =>
    x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
/**
 * Steps `sim` until `until` returns true (checked after each event) or `maxMs` passes; returns
 * the time it became true, or null.
 */
export function whenTrue(sim: Sim, maxMs: number, until: (sim: Sim) => boolean): number | null {
  while (sim.now <= maxMs) {
    if (until(sim)) return sim.now;
    const next = sim.nextAt();
    if (next === undefined || next > maxMs || !sim.step()) return until(sim) ? sim.now : null;
  }
  return null;
}

/** The result of the swept run whose value is `value` (from `lessonExperiment`). */
export function resultAt<R>(
  runs: readonly { value: unknown; result: unknown }[],
  value: unknown,
): R {
  const run = runs.find((r) => r.value === value);
  if (!run) throw new Error(`no run with the swept value ${String(value)}`);
  return run.result as R;
}

/** The first log line matching `re` at or after `fromMs`, or undefined. */
export const firstLog = (log: readonly LogEvent[], re: RegExp, fromMs = 0): LogEvent | undefined =>
  log.find((e) => e.t >= fromMs && re.test(e.text));
