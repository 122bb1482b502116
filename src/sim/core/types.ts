/**
 * The contracts between the simulation kernel, the models and everything that draws them.
 * Everything that crosses a worker boundary is plain structured-clone data.
 */
import type { z } from 'zod';
import type { NetworkState } from './network';
import type { Rng } from './rng';

export type Params = Record<string, unknown>;

/** One timed input: a learner action or a scripted event, applied at virtual time `at` (ms). */
export interface ScenarioInput {
  at: number;
  action: string;
  [arg: string]: unknown;
}

/** The one scenario format: what a share link, a lesson, an embed and the CLI all carry. */
export interface Scenario {
  model: string;
  params: Params;
  seed: number;
  inputs: ScenarioInput[];
}

export interface ActionMeta {
  /** A button label, imperative: "Add a node". */
  label: string;
  description?: string;
  /** Schema of the input's arguments (everything but `at` and `action`). */
  args: z.ZodObject;
}

export interface PresetMeta {
  id: string;
  title: string;
  description?: string;
  params?: Params;
  seed?: number;
  inputs?: ScenarioInput[];
}

export interface MetricMeta {
  id: string;
  label: string;
  unit?: string;
  /** Digits after the decimal point when shown. */
  digits?: number;
  /** Plot this metric over time in the metrics panel. */
  chart?: boolean;
  /** Values are fractions shown as percentages. */
  percent?: boolean;
}

/** How the experiment page draws results of several runs (one run per swept value). */
export type ChartSpec =
  | {
      kind: 'xy';
      y: string;
      yLabel: string;
      logX?: boolean;
      /** More result fields to chart, each on its own scale below the first. */
      also?: { y: string; yLabel: string }[];
      /** A band around `y` from `low` to `high` (each a number per run: the spread over seeds). */
      band?: { low: string; high: string; label: string };
    }
  | { kind: 'cdf'; field: string; xLabel: string; logX?: boolean }
  | { kind: 'bars'; field: string; yLabel: string };

export interface ExperimentMeta {
  id: string;
  model: string;
  title: string;
  description: string;
  /** Params schema, including `seed`. */
  params: z.ZodObject;
  chart: ChartSpec;
  /** The param the browser sweeps by default, and its values. */
  sweep?: { param: string; values: (number | string | boolean)[] };
  /** Scalar result fields shown in the comparison table, in order. */
  summary: { field: string; label: string; digits?: number; percent?: boolean }[];
  /** Flat rows for CSV download. */
  toRows(result: unknown): Record<string, number | string | boolean>[];
}

/** What the main thread needs to know about a model: no simulation code. */
export interface ModelMeta {
  id: string;
  title: string;
  summary: string;
  params: z.ZodObject;
  actions: Record<string, ActionMeta>;
  /** The model sends messages through the network: enables partition, heal and drop inputs. */
  network?: boolean;
  /** The playback speed widgets start at (virtual ms per wall ms), when 1 is too fast to follow. */
  playbackSpeed?: number;
  presets: PresetMeta[];
  metrics: MetricMeta[];
  experiments: ExperimentMeta[];
}

export type LogLevel = 'info' | 'warn' | 'error' | 'violation';

/** One line of the event log; `text` is what the ARIA live region narrates. */
export interface LogEvent {
  t: number;
  text: string;
  level: LogLevel;
  kind?: string;
  nodes?: number[];
}

export interface LogOptions {
  level?: LogLevel;
  kind?: string;
  nodes?: number[];
}

/** A message on the wire, as handed to the model on delivery. */
export interface Delivery<M> {
  id: number;
  from: number;
  to: number;
  sentAt: number;
  payload: M;
}

/** A message in flight, as drawn by a view (which interpolates its position). */
export interface InFlight {
  id: number;
  from: number;
  to: number;
  sentAt: number;
  deliverAt: number;
  type: string;
  label: string;
}

/** The kernel services a model handler may use. */
export interface Ctx<P, T, M> {
  readonly now: number;
  readonly params: P;
  readonly seed: number;
  readonly net: NetworkState;
  /** A named random stream; the same name always gives the same stream. */
  rng(label: string): Rng;
  /** Runs `onTimer(data)` after `delayMs` (>= 0); returns an id for `cancel`. */
  schedule(delayMs: number, data: T): number;
  cancel(id: number): void;
  /** Sends through the network model (latency, loss, duplication, partitions). */
  send(from: number, to: number, payload: M): void;
  log(text: string, options?: LogOptions): void;
  /**
   * Records that an action changed values that are also params (addNode changes `nodes`), so
   * the params shown and shared stay the values in effect. Does not call `onParams`.
   */
  patchParams(patch: Partial<P>): void;
}

export interface Invariant<S, P = Params> {
  id: string;
  label: string;
  description: string;
  /** Check after every event (default) or only after inputs. */
  when?: 'event' | 'input';
  /** Null when it holds, else a sentence saying how it is broken. */
  check(state: S, ctx: Ctx<P, unknown, unknown>): string | null;
}

export interface InvariantStatus {
  id: string;
  label: string;
  ok: boolean;
  detail: string | null;
}

/**
 * Large data a view needs (100,000 key positions) travels only when its version changes.
 * `get` is called lazily by the host.
 */
export interface HeavyField {
  version: number;
  get(): unknown;
}

export interface ModelFrame<V> {
  view: V;
  heavy?: Record<string, HeavyField>;
}

/** A model: pure, deterministic handlers over plain data owned by the kernel. */
export interface ModelDef<P, S, T, M extends { type: string }, V> {
  meta: ModelMeta;
  init(ctx: Ctx<P, T, M>): S;
  onTimer(state: S, data: T, ctx: Ctx<P, T, M>): void;
  onMessage?(state: S, msg: Delivery<M>, ctx: Ctx<P, T, M>): void;
  onInput(state: S, input: ScenarioInput, ctx: Ctx<P, T, M>): void;
  /** Params changed live; `ctx.params` already holds the new values. */
  onParams?(state: S, previous: P, ctx: Ctx<P, T, M>): void;
  view(state: S, ctx: Ctx<P, T, M>): ModelFrame<V>;
  metrics(state: S, ctx: Ctx<P, T, M>): Record<string, number>;
  invariants?: Invariant<S, P>[];
  /** A short label for a message drawn in flight. */
  describeMessage?(payload: M): string;
  /** Cheaper checkpoints for states holding large immutable arrays; default structuredClone. */
  snapshot?(state: S): unknown;
  restore?(snapshot: unknown): S;
  /** How often the host samples metrics into series (virtual ms). */
  sampleEveryMs?: number;
  /** How often the host checkpoints for seeking (virtual ms). */
  checkpointEveryMs?: number;
}

// The registry holds models of different types side by side; handlers are only ever called with
// the state the same model created, so erasing the type parameters here is safe.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyModelDef = ModelDef<any, any, any, any, any>;

export interface ExperimentDef<P, R> {
  meta: ExperimentMeta;
  run(params: P, onProgress?: (done: number, total: number) => void): R;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyExperimentDef = ExperimentDef<any, any>;
