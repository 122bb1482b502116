/**
 * The simulation host: loads a scenario, plays it against the wall clock at a chosen speed, steps,
 * seeks (nearest checkpoint, then replay), forks, and emits frames at display rate. It runs inside
 * a web worker, or on the main thread when workers are unavailable; in both cases it never works
 * longer than a few milliseconds at a time.
 */
import { formatError, parseWith, type Parsed } from '../sim/core/errors';
import { MAX_TIME_MS, parseInput, parseScenario } from '../sim/core/scenario';
import { Sim, type SimSnapshot } from '../sim/core/sim';
import type { AnyModelDef, Scenario, ScenarioInput } from '../sim/core/types';
import { catalog, EXPERIMENT_METAS, modelIds } from '../sim/catalog';
import { loadExperiment, loadModel } from '../sim/registry';
import { replayScenario } from '../sim/replay';
import type {
  ExperimentOutput,
  Frame,
  HostStatus,
  InputResult,
  LoadResult,
  ProgressFn,
  SeriesDelta,
  SimApi,
  Speed,
} from './protocol';
import { SPEED_MAX, SPEED_MIN } from './protocol';

const FRAME_MS = 16;
/** Longest a single tick may compute before yielding, so frames keep flowing. */
const TICK_BUDGET_MS = 10;
const MAX_CHECKPOINTS = 400;

export interface HostClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realClock: HostClock = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

interface Checkpoint {
  t: number;
  snap: SimSnapshot;
}

export class Host implements SimApi {
  private model: AnyModelDef | null = null;
  private scenario: Scenario | null = null;
  private sim: Sim | null = null;
  private checkpoints: Checkpoint[] = [];
  private checkpointEveryMs = 1000;
  private sampleEveryMs = 100;
  private horizonMs = 0;
  private playing = false;
  private speed: Speed = 1;
  private lagging = false;
  private timer: unknown = null;
  private lastWall = 0;
  private listener: ((f: Frame) => void) | null = null;
  private heavySent = new Map<string, number>();
  private series: { t: number[]; values: Record<string, number[]> } = { t: [], values: {} };
  private seriesSent = 0;
  private seriesReset = true;
  private logReset = true;
  private loads = 0;

  constructor(private readonly clock: HostClock = realClock) {}

  subscribe(onFrame: (frame: Frame) => void): Promise<void> {
    this.listener = onFrame;
    return Promise.resolve();
  }

  async load(raw: unknown, atMs = 0): Promise<LoadResult> {
    this.stopTimer();
    this.playing = false;
    const loading = ++this.loads;
    const parsed = parseScenario(raw, catalog, modelIds());
    if (!parsed.ok) return parsed;
    const scenario = parsed.value;
    const model = await loadModel(scenario.model);
    if (!model)
      return {
        ok: false,
        errors: [{ path: 'model', message: `"${scenario.model}" has no simulation` }],
      };
    // A newer load started while this one fetched its model: let that one win.
    if (loading !== this.loads)
      return { ok: false, errors: [{ path: 'model', message: 'superseded by a newer load' }] };
    this.model = model;
    this.scenario = scenario;
    this.checkpointEveryMs = model.checkpointEveryMs ?? 1000;
    this.sampleEveryMs = model.sampleEveryMs ?? 100;
    this.sim = new Sim(model, scenario, { checkInvariants: true });
    // Everything at t = 0 (inputs included) is part of the starting state: checkpoint after it.
    this.sim.runUntil(0);
    this.checkpoints = [{ t: 0, snap: this.sim.snapshot() }];
    this.horizonMs = 0;
    this.series = { t: [], values: {} };
    this.sample();
    this.heavySent.clear();
    this.seriesReset = true;
    this.logReset = true;
    if (atMs > 0) this.advanceTo(Math.min(atMs, MAX_TIME_MS));
    this.emit();
    return { ok: true, scenario };
  }

  play(): Promise<void> {
    if (!this.sim || this.playing) return Promise.resolve();
    this.playing = true;
    this.lastWall = this.clock.now();
    this.schedule();
    this.emit();
    return Promise.resolve();
  }

  pause(): Promise<void> {
    this.playing = false;
    this.stopTimer();
    this.emit();
    return Promise.resolve();
  }

  setSpeed(speed: Speed): Promise<void> {
    this.speed = speed === 'max' ? 'max' : Math.min(SPEED_MAX, Math.max(SPEED_MIN, speed));
    this.emit();
    return Promise.resolve();
  }

  step(): Promise<void> {
    const sim = this.sim;
    if (!sim) return Promise.resolve();
    const next = sim.nextAt();
    // Whole milliseconds, like every time the page shows, stamps on inputs or puts in a link.
    if (next !== undefined && next <= MAX_TIME_MS) this.advanceTo(Math.ceil(next));
    this.emit();
    return Promise.resolve();
  }

  seek(t: number): Promise<void> {
    const sim = this.sim;
    if (!sim) return Promise.resolve();
    const target = Math.max(0, Math.min(Math.round(t), MAX_TIME_MS));
    if (target < sim.now) {
      let cp = this.checkpoints[0]!;
      for (const c of this.checkpoints) if (c.t <= target) cp = c;
      sim.restore(cp.snap);
      this.logReset = true;
      this.seriesReset = true;
    }
    this.advanceTo(target);
    this.emit();
    return Promise.resolve();
  }

  fork(): Promise<ScenarioInput[]> {
    const sim = this.sim;
    if (!sim || !this.scenario) return Promise.resolve([]);
    this.truncateFuture(sim.now);
    this.emit();
    return Promise.resolve(this.scenario.inputs);
  }

  input(raw: unknown): Promise<InputResult> {
    const sim = this.sim;
    const scenario = this.scenario;
    if (!sim || !scenario || !this.model) return Promise.resolve({ ok: false, inputs: [] });
    const stamped = { ...(raw as Record<string, unknown>), at: sim.now };
    const parsed = parseInput(this.model.meta, stamped);
    if (!parsed.ok)
      return Promise.resolve({ ok: false, errors: parsed.errors, inputs: scenario.inputs });
    // Acting in the past rewrites the future: inputs after now are dropped (a fork). At the live
    // edge, scripted inputs still ahead (a preset's) stay.
    if (sim.now < this.horizonMs) this.truncateFuture(sim.now);
    // Keep the scenario's inputs in time order (after any others at the same time).
    const at = scenario.inputs.findIndex((i) => i.at > parsed.value.at);
    scenario.inputs =
      at < 0
        ? [...scenario.inputs, parsed.value]
        : [...scenario.inputs.slice(0, at), parsed.value, ...scenario.inputs.slice(at)];
    sim.addInput(parsed.value);
    sim.runUntil(sim.now);
    this.emit();
    return Promise.resolve({ ok: true, inputs: scenario.inputs });
  }

  async traceHash(raw: unknown, untilMs: number): Promise<Parsed<string>> {
    const until = Math.max(0, Math.min(Math.round(untilMs), MAX_TIME_MS));
    const r = await replayScenario(raw, until);
    return r.ok ? { ok: true, value: r.value.fingerprint } : r;
  }

  async runExperiment(
    id: string,
    rawParams: unknown,
    onProgress: ProgressFn,
  ): Promise<Parsed<ExperimentOutput>> {
    const exp = await loadExperiment(id);
    if (!exp) {
      const known = EXPERIMENT_METAS.map((e) => e.id).join(', ');
      return {
        ok: false,
        errors: [{ path: 'experiment', message: `"${id}" is not an experiment (${known})` }],
      };
    }
    const params = parseWith(exp.meta.params, rawParams ?? {}, 'params');
    if (!params.ok) return params;
    try {
      const result: unknown = exp.run(params.value, onProgress);
      return { ok: true, value: { result, rows: exp.meta.toRows(result) } };
    } catch (e) {
      return {
        ok: false,
        errors: [{ path: 'experiment', message: e instanceof Error ? e.message : String(e) }],
      };
    }
  }

  crashForTest(): Promise<void> {
    this.clock.setTimeout(() => {
      throw new Error('Simulated worker crash (test hook)');
    }, 0);
    return Promise.resolve();
  }

  /** Stops the play loop for good and lets go of the run (its checkpoints above all). */
  dispose(): void {
    this.playing = false;
    this.stopTimer();
    this.listener = null;
    // A load still fetching its model finds itself superseded and keeps nothing.
    this.loads++;
    this.sim = null;
    this.model = null;
    this.scenario = null;
    this.checkpoints = [];
    this.series = { t: [], values: {} };
    this.heavySent.clear();
  }

  // ---- internals ----

  private truncateFuture(t: number): void {
    const sim = this.sim;
    const scenario = this.scenario;
    if (!sim || !scenario) return;
    sim.truncateInputs(t);
    scenario.inputs = scenario.inputs.filter((i) => i.at <= t);
    this.checkpoints = this.checkpoints.filter((c) => c.t <= t);
    this.horizonMs = t;
    const keep = this.series.t.findIndex((x) => x > t);
    if (keep >= 0) {
      this.series.t.length = keep;
      for (const v of Object.values(this.series.values)) v.length = keep;
      this.seriesReset = true;
    }
  }

  /**
   * Runs to `target`, stopping at each sample and checkpoint boundary so both happen at exact
   * virtual times whatever the wall-clock chunking was. Returns false if the budget ran out.
   */
  private advanceTo(target: number, budgetMs = Infinity): boolean {
    const sim = this.sim!;
    const start = budgetMs === Infinity ? 0 : this.clock.now();
    while (sim.now < target) {
      const nextSample = (Math.floor(sim.now / this.sampleEveryMs) + 1) * this.sampleEveryMs;
      const nextCheckpoint =
        (Math.floor(sim.now / this.checkpointEveryMs) + 1) * this.checkpointEveryMs;
      const stop = Math.min(target, nextSample, nextCheckpoint);
      // Chunks of events keep one busy instant from blocking past the budget.
      let outOfBudget = false;
      while (!sim.runUntil(stop, 500)) {
        if (budgetMs !== Infinity && this.clock.now() - start > budgetMs) {
          // A model with fractional event times (arrivals microseconds apart) would otherwise
          // pause between two events: finish the millisecond, so the time shown, stamped on
          // inputs and written into share links stays whole and a link reproduces it exactly.
          const whole = Math.ceil(sim.now);
          while (!sim.runUntil(whole, 500));
          outOfBudget = true;
          break;
        }
      }
      if (sim.now === nextSample) this.sample();
      if (sim.now === nextCheckpoint && sim.now > (this.checkpoints.at(-1)?.t ?? 0))
        this.checkpoint();
      if (outOfBudget) {
        this.horizonMs = Math.max(this.horizonMs, sim.now);
        return sim.now >= target;
      }
      if (budgetMs !== Infinity && this.clock.now() - start > budgetMs) {
        this.horizonMs = Math.max(this.horizonMs, sim.now);
        return sim.now >= target;
      }
    }
    this.horizonMs = Math.max(this.horizonMs, sim.now);
    return true;
  }

  private checkpoint(): void {
    const sim = this.sim!;
    this.checkpoints.push({ t: sim.now, snap: sim.snapshot() });
    if (this.checkpoints.length > MAX_CHECKPOINTS) {
      // Thin out evenly (keeping t = 0): seeking gets slower, memory stays bounded.
      this.checkpoints = this.checkpoints.filter((_, i) => i === 0 || i % 2 === 1);
      this.checkpointEveryMs *= 2;
    }
  }

  private sample(): void {
    const sim = this.sim!;
    const s = this.series;
    const last = s.t.at(-1);
    if (last !== undefined && sim.now <= last) {
      // Replaying over recorded history after a seek: the values are the same, keep them.
      return;
    }
    const m = sim.metrics();
    const n = s.t.length;
    s.t.push(sim.now);
    for (const [k, v] of Object.entries(m)) {
      const arr = (s.values[k] ??= new Array<number>(n).fill(NaN));
      arr.push(v);
    }
    for (const arr of Object.values(s.values)) if (arr.length < n + 1) arr.push(NaN);
  }

  private schedule(): void {
    this.stopTimer();
    this.timer = this.clock.setTimeout(() => this.tick(), FRAME_MS);
  }

  private stopTimer(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  private tick(): void {
    this.timer = null;
    const sim = this.sim;
    if (!this.playing || !sim) return;
    const wall = this.clock.now();
    // A throttled background tab can sleep for seconds; do not try to catch up all at once.
    const dt = Math.min(wall - this.lastWall, 100);
    this.lastWall = wall;
    let target: number;
    if (this.speed === 'max') target = sim.now + 60_000;
    else target = sim.now + Math.max(1, Math.round(dt * this.speed));
    target = Math.min(target, MAX_TIME_MS);
    const reached = this.advanceTo(target, TICK_BUDGET_MS);
    this.lagging = this.speed !== 'max' && !reached;
    if (sim.now >= MAX_TIME_MS) this.playing = false;
    this.emit();
    if (this.playing) this.schedule();
  }

  private status(): HostStatus {
    const sim = this.sim!;
    return {
      t: sim.now,
      horizonMs: this.horizonMs,
      playing: this.playing,
      speed: this.speed,
      events: sim.eventsProcessed,
      violation: sim.violation,
      lagging: this.lagging,
    };
  }

  private seriesDelta(): SeriesDelta | null {
    const s = this.series;
    if (this.seriesReset) {
      this.seriesReset = false;
      this.seriesSent = s.t.length;
      return {
        reset: true,
        t: [...s.t],
        values: Object.fromEntries(Object.entries(s.values).map(([k, v]) => [k, [...v]])),
      };
    }
    if (this.seriesSent >= s.t.length) return null;
    const from = this.seriesSent;
    this.seriesSent = s.t.length;
    return {
      reset: false,
      t: s.t.slice(from),
      values: Object.fromEntries(Object.entries(s.values).map(([k, v]) => [k, v.slice(from)])),
    };
  }

  private emit(): void {
    const sim = this.sim;
    if (!sim || !this.listener) return;
    const { view, heavy } = sim.frame();
    const changed: Frame['heavy'] = {};
    for (const [key, field] of Object.entries(heavy ?? {})) {
      if (this.heavySent.get(key) === field.version) continue;
      this.heavySent.set(key, field.version);
      changed[key] = { version: field.version, data: field.get() };
    }
    const frame: Frame = {
      t: sim.now,
      status: this.status(),
      params: sim.params,
      view,
      heavy: changed,
      inFlight: sim.inFlight(),
      events: sim.drainLog(),
      resetLog: this.logReset,
      metrics: sim.metrics(),
      invariants: sim.status.map((s) => ({ ...s })),
      series: this.seriesDelta(),
    };
    this.logReset = false;
    this.listener(frame);
  }
}

/** One line per error, for messages and logs. */
export const describeErrors = (r: { errors: { path: string; message: string }[] }): string =>
  r.errors.map(formatError).join('\n');
