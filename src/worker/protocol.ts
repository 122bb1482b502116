/**
 * What the host sends the page and what the page can ask of it. Everything here is
 * structured-clone data; the same interface is served by a worker (through comlink) and by the
 * main-thread fallback.
 */
import type { FieldError, Parsed } from '../sim/core/errors';
import type { Frame, Speed } from '../sim/core/frame';
import type { Scenario, ScenarioInput } from '../sim/core/types';
import type { PlayStop } from './stops';

export type { Frame, HostStatus, SeriesDelta, Speed } from '../sim/core/frame';
export { SPEED_MAX, SPEED_MIN } from '../sim/core/frame';
export type { PlayStop, StopWhen } from './stops';

export type LoadResult = { ok: true; scenario: Scenario } | { ok: false; errors: FieldError[] };

export interface InputResult {
  ok: boolean;
  errors?: FieldError[];
  /** The scenario's inputs after this one was added (later ones dropped if it forked). */
  inputs: ScenarioInput[];
}

/** An experiment's result with its flat CSV rows (built in the worker, where the code is). */
export interface ExperimentOutput {
  result: unknown;
  rows: Record<string, number | string | boolean>[];
}

export interface ProgressFn {
  (done: number, total: number): void;
}

/** The host API, as the page sees it (every call async, worker or not). */
export interface SimApi {
  subscribe(onFrame: (frame: Frame) => void): Promise<void>;
  load(scenario: unknown, atMs?: number): Promise<LoadResult>;
  play(): Promise<void>;
  pause(): Promise<void>;
  setSpeed(speed: Speed): Promise<void>;
  step(): Promise<void>;
  /** Plays until a guided step's stop (an event, a time, a metric) and pauses exactly there. */
  playUntil(stop: PlayStop): Promise<void>;
  /** Slow motion at lesson speed: each message in the air stays on screen this many ms. */
  setSlowMotion(onScreenMs: number): Promise<void>;
  /** Resolves once landed; a later seek takes over a pending one (only the latest counts). */
  seek(t: number): Promise<void>;
  /** Stops a seek still replaying toward a far target, where it has got to. */
  cancelSeek(): Promise<void>;
  /** Drops inputs after the current time; returns the remaining inputs. */
  fork(): Promise<ScenarioInput[]>;
  input(raw: unknown): Promise<InputResult>;
  traceHash(scenario: unknown, untilMs: number): Promise<Parsed<string>>;
  runExperiment(
    id: string,
    params: unknown,
    onProgress: ProgressFn,
  ): Promise<Parsed<ExperimentOutput>>;
  /** Test hook: throw from a timer so the worker dies as on a real crash. */
  crashForTest(how?: CrashHow): Promise<void>;
}

/** How the test hook kills a host: an error thrown inside it, or its worker closing itself. */
export type CrashHow = 'throw' | 'close';
