/**
 * The simulation host: loads a scenario, plays it against the wall clock at a chosen speed, steps,
 * seeks (nearest checkpoint, then replay), forks, and emits frames at display rate. It runs inside
 * a web worker, or on the main thread when workers are unavailable; in both cases it never works
 * longer than a few milliseconds at a time.
 */
import { formatError, parseWith, type Parsed } from '../sim/core/errors';
import { MAX_TIME_MS, parseInput, parseScenario } from '../sim/core/scenario';
import { Sim } from '../sim/core/sim';
import type { AnyModelDef, Scenario, ScenarioInput } from '../sim/core/types';
import { catalog, EXPERIMENT_METAS, modelIds } from '../sim/catalog';
import { loadExperiment, loadModel } from '../sim/registry';
import { replayScenario } from '../sim/replay';
import type {
  CrashHow,
  ExperimentOutput,
  Frame,
  HostStatus,
  InputResult,
  LoadResult,
  ProgressFn,
  SimApi,
  Speed,
} from './protocol';
import { SPEED_MAX, SPEED_MIN } from './protocol';
import { Checkpoints, type CheckpointLimits } from './checkpoints';
import { EventHistory } from './eventHistory';
import { SeriesWindow } from './seriesWindow';
import { ArmedStop, type PlayStop } from './stops';
import { FlightClock, playPaced } from './pacer';

/**
 * How often a playing host advances and sends a frame: 30 a second, the rate the widget
 * re-renders the model's view (VIEW_MS in src/ui/frameStore.ts). Drawings move at the screen's
 * rate in between with virtualNow(); sending 60 only doubled the structured clones on both
 * threads (Raft playground, 9 servers at 1x: main-thread CPU 72% -> 65%, CAP 51% -> 41%).
 */
const FRAME_MS = 33;
/** Longest a single tick may compute before yielding, so frames keep flowing. */
const TICK_BUDGET_MS = 10;
/** Virtual ms of metric samples a restored seek replays before its target, to refill charts. */
const SERIES_LOOKBACK_SAMPLES = 300;

export interface HostClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface HostOptions {
  /**
   * Longest one chunk of a seek or a load's replay may compute before yielding: on the page's
   * own thread (the fallback without workers) a frame's budget, in a worker more.
   */
  seekChunkMs?: number;
  checkpointLimits?: CheckpointLimits;
}

const realClock: HostClock = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export class Host implements SimApi {
  private model: AnyModelDef | null = null;
  private scenario: Scenario | null = null;
  private sim: Sim | null = null;
  private readonly checkpoints: Checkpoints;
  private checkpointEveryMs = 1000;
  private nextCheckpointMs = 1000;
  private sampleEveryMs = 100;
  private horizonMs = 0;
  private playing = false;
  private speed: Speed = 1;
  private lagging = false;
  private timer: unknown = null;
  private lastWall = 0;
  private listener: ((f: Frame) => void) | null = null;
  private heavySent = new Map<string, number>();
  private readonly series = new SeriesWindow();
  private readonly history = new EventHistory();
  private logReset = true;
  private loads = 0;
  private readonly seekChunkMs: number;
  /** The seek in progress: where it goes, where it started, who waits for it. */
  private seeking: { targetMs: number; fromMs: number; waiting: (() => void)[] } | null = null;
  private seekTimer: unknown = null;
  /** The guided step being played to, and the last one the host stopped at. */
  private armed: ArmedStop | null = null;
  private arrived: { id: number; found: boolean } | null = null;
  /** Slow motion: each message in the air stays on screen this long (0: off). */
  private slowMotionMs = 0;
  /** The speed slow motion plays at now (null at the chosen speed), and the ms played past t. */
  private paceSpeed: number | null = null;
  private aheadMs = 0;
  private readonly flights = new FlightClock();

  constructor(
    private readonly clock: HostClock = realClock,
    options: HostOptions = {},
  ) {
    this.seekChunkMs = options.seekChunkMs ?? 50;
    this.checkpoints = new Checkpoints(options.checkpointLimits);
  }

  subscribe(onFrame: (frame: Frame) => void): Promise<void> {
    this.listener = onFrame;
    return Promise.resolve();
  }

  async load(raw: unknown, atMs = 0): Promise<LoadResult> {
    this.stopTimer();
    this.endSeek();
    this.playing = false;
    this.armed = null;
    this.arrived = null;
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
    this.history.reset();
    // Everything at t = 0 (inputs included) is part of the starting state: checkpoint after it.
    this.sim.runUntil(0);
    this.recordLog();
    this.checkpoints.reset(0, this.sim.snapshot());
    this.nextCheckpointMs = this.checkpointEveryMs;
    this.horizonMs = 0;
    this.series.clear();
    this.sample();
    this.heavySent.clear();
    this.logReset = true;
    // A far time (a link's t=) replays in chunks with progress, like any seek; the load is done.
    if (atMs > 0) this.startSeek(Math.min(atMs, MAX_TIME_MS));
    else this.emit();
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
    this.armed = null;
    this.stopTimer();
    this.emit();
    return Promise.resolve();
  }

  setSpeed(speed: Speed): Promise<void> {
    this.speed = speed === 'max' ? 'max' : Math.min(SPEED_MAX, Math.max(SPEED_MIN, speed));
    this.emit();
    return Promise.resolve();
  }

  /**
   * Plays until `stop` and pauses exactly there: at the whole millisecond of the step's event
   * (overshooting it within a tick replays back to it), at its time, or at the first metric
   * sample meeting its condition. Pausing, seeking, loading or forking cancels it.
   */
  playUntil(stop: PlayStop): Promise<void> {
    const sim = this.sim;
    if (!sim) return Promise.resolve();
    this.arrived = null;
    this.armed = new ArmedStop(stop.id, stop.when, sim.now);
    if (this.armed.hitMs !== undefined && this.armed.hitMs <= sim.now) {
      this.arrive();
      return Promise.resolve();
    }
    this.playing = true;
    this.lastWall = this.clock.now();
    this.schedule();
    this.emit();
    return Promise.resolve();
  }

  /**
   * Slow motion at the model's lesson speed or slower: while messages fly, each stays on screen
   * at least `onScreenMs` of real time (0 turns it off). Playback only: the run is the same.
   */
  setSlowMotion(onScreenMs: number): Promise<void> {
    this.slowMotionMs = Math.max(0, Math.min(onScreenMs, 5000));
    this.paceSpeed = null;
    return Promise.resolve();
  }

  step(): Promise<void> {
    const sim = this.sim;
    if (!sim || this.seeking) return Promise.resolve();
    const next = sim.nextAt();
    // Whole milliseconds, like every time the page shows, stamps on inputs or puts in a link.
    if (next !== undefined && next <= MAX_TIME_MS) this.advanceTo(Math.ceil(next));
    this.emit();
    return Promise.resolve();
  }

  /**
   * Goes to time `t`: from the nearest checkpoint at or before it (back or forward), replaying
   * the rest. Resolves when landed. A far target replays in chunks, with progress in each frame;
   * a seek asked meanwhile takes over (only the latest target counts) and `cancelSeek` stops it.
   */
  seek(t: number): Promise<void> {
    if (!this.sim) return Promise.resolve();
    this.armed = null;
    const target = Math.max(0, Math.min(Math.round(t), MAX_TIME_MS));
    return new Promise((resolve) => {
      this.startSeek(target);
      if (this.seeking) this.seeking.waiting.push(resolve);
      else resolve();
    });
  }

  /** Stops a seek in progress where it has got to. */
  cancelSeek(): Promise<void> {
    if (this.seeking) {
      this.endSeek();
      this.emit();
    }
    return Promise.resolve();
  }

  fork(): Promise<ScenarioInput[]> {
    const sim = this.sim;
    if (!sim || !this.scenario) return Promise.resolve([]);
    this.endSeek();
    this.armed = null;
    this.truncateFuture(sim.now);
    this.emit();
    return Promise.resolve(this.scenario.inputs);
  }

  input(raw: unknown): Promise<InputResult> {
    const sim = this.sim;
    const scenario = this.scenario;
    if (!sim || !scenario || !this.model) return Promise.resolve({ ok: false, inputs: [] });
    // An action lands where the learner sees the run: a seek still on its way stops there.
    this.endSeek();
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
    // What the input wrote is new even at the horizon's own instant.
    this.recordLog(-1);
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

  /**
   * The test hook: `throw` throws from a timer inside the host; `close` closes the worker it runs
   * in (the silent death an out-of-memory kill or a terminate also is; not on the page's thread).
   */
  crashForTest(how: CrashHow = 'throw'): Promise<void> {
    const scope = globalThis as { importScripts?: unknown; close?: () => void };
    if (how === 'close') {
      if (typeof scope.importScripts === 'function') scope.close?.();
      return Promise.resolve();
    }
    this.clock.setTimeout(() => {
      throw new Error('Simulated worker crash (test hook)');
    }, 0);
    return Promise.resolve();
  }

  /** Stops the play loop for good and lets go of the run (its checkpoints above all). */
  dispose(): void {
    this.playing = false;
    this.stopTimer();
    this.endSeek();
    this.armed = null;
    this.listener = null;
    // A load still fetching its model finds itself superseded and keeps nothing.
    this.loads++;
    this.sim = null;
    this.model = null;
    this.scenario = null;
    this.checkpoints.clear();
    this.series.clear();
    this.history.reset();
    this.heavySent.clear();
  }

  /** Checkpoints held and their estimated bytes (tests and benchmarks). */
  memoryReport(): { checkpoints: number; checkpointBytes: number; logLines: number } {
    return {
      checkpoints: this.checkpoints.count,
      checkpointBytes: this.checkpoints.totalBytes,
      logLines: this.history.all().length,
    };
  }

  // ---- internals ----

  private startSeek(target: number): void {
    const sim = this.sim!;
    const cp = this.checkpoints.atOrBefore(target);
    // Charts want a few hundred samples before the target: start a little earlier if a
    // checkpoint there costs not much more replay.
    let start = cp;
    const lookback = target - SERIES_LOOKBACK_SAMPLES * this.sampleEveryMs;
    if (cp.t > lookback) {
      const earlier = this.checkpoints.atOrBefore(Math.max(0, lookback));
      if (target - earlier.t <= 2 * (target - cp.t) + 60_000) start = earlier;
    }
    // Back in time, or forward past a checkpoint nearer than the current time: restore.
    if (target < sim.now || start.t > sim.now) {
      sim.restore(start.snap);
      this.series.clear();
    }
    const waiting = this.seeking?.waiting ?? [];
    this.seeking = { targetMs: target, fromMs: sim.now, waiting };
    this.aheadMs = 0;
    this.paceSpeed = null;
    this.flights.clear();
    this.stepSeek();
  }

  /** One chunk of the seek in progress; schedules the next unless it landed. */
  private stepSeek(): void {
    this.seekTimer = null;
    const seeking = this.seeking;
    if (!seeking || !this.sim) return;
    const landed = this.advanceTo(seeking.targetMs, this.seekChunkMs);
    if (landed) {
      this.endSeek();
      // Playing resumes from the wall clock now, not from before the seek.
      this.lastWall = this.clock.now();
    } else this.seekTimer = this.clock.setTimeout(() => this.stepSeek(), 0);
    this.emit();
  }

  private endSeek(): void {
    if (this.seekTimer !== null) this.clock.clearTimeout(this.seekTimer);
    this.seekTimer = null;
    const waiting = this.seeking?.waiting ?? [];
    this.seeking = null;
    for (const w of waiting) w();
  }

  private truncateFuture(t: number): void {
    const sim = this.sim;
    const scenario = this.scenario;
    if (!sim || !scenario) return;
    sim.truncateInputs(t);
    scenario.inputs = scenario.inputs.filter((i) => i.at <= t);
    this.checkpoints.dropAfter(t);
    this.nextCheckpointMs = this.checkpointAfter(this.checkpoints.last?.t ?? 0);
    this.horizonMs = t;
    this.history.dropAfter(t);
    this.logReset = true;
    this.series.dropAfter(t);
  }

  /** Drains the run's new log lines into the durable log (replayed lines are skipped). */
  private recordLog(knownUntilMs = this.horizonMs): void {
    const lines = this.sim!.drainLog();
    if (!lines.length) return;
    this.history.record(lines, knownUntilMs);
    this.armed?.lines(lines);
  }

  private checkpointAfter(t: number): number {
    const spacing = this.checkpoints.spacingMs(t, this.checkpointEveryMs);
    return (Math.floor(t / this.checkpointEveryMs) * this.checkpointEveryMs || 0) + spacing;
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
      const stop = Math.min(target, nextSample, Math.max(this.nextCheckpointMs, sim.now + 1));
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
      this.recordLog();
      if (sim.now === nextSample) {
        this.sample();
        this.armed?.sample(sim.now, sim.metrics());
      }
      if (sim.now >= this.nextCheckpointMs) {
        if (sim.now === this.nextCheckpointMs && sim.now > (this.checkpoints.last?.t ?? 0))
          this.checkpoints.add(sim.now, sim.snapshot());
        this.nextCheckpointMs = this.checkpointAfter(sim.now);
      }
      this.horizonMs = Math.max(this.horizonMs, sim.now);
      if (outOfBudget) return sim.now >= target;
      // A guided step's stop is known: no need to run further (the tick goes back to it).
      const hit = this.armed?.hitMs;
      if (hit !== undefined && sim.now >= hit) return true;
      if (budgetMs !== Infinity && this.clock.now() - start > budgetMs) return sim.now >= target;
    }
    this.horizonMs = Math.max(this.horizonMs, sim.now);
    return true;
  }

  private sample(): void {
    const sim = this.sim!;
    const last = this.series.lastT;
    // Replaying over samples already held: the values are the same, keep them.
    if (last !== undefined && sim.now <= last) return;
    this.series.add(sim.now, sim.metrics());
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
    // A seek on its way owns the run; play resumes once it lands.
    if (this.seeking) {
      this.schedule();
      return;
    }
    const wall = this.clock.now();
    // A throttled background tab can sleep for seconds; do not try to catch up all at once.
    const dt = Math.min(wall - this.lastWall, 100);
    this.lastWall = wall;
    const armed = this.armed;
    const capMs = () =>
      armed ? Math.min(armed.hitMs ?? armed.limitMs, armed.limitMs, MAX_TIME_MS) : MAX_TIME_MS;
    let reached: boolean;
    if (this.slowMotionOn()) reached = this.advancePaced(dt, capMs);
    else {
      this.aheadMs = 0;
      this.paceSpeed = null;
      let target: number;
      if (this.speed === 'max') target = sim.now + 60_000;
      else target = sim.now + Math.max(1, Math.round(dt * this.speed));
      target = Math.min(target, capMs());
      reached = this.advanceTo(target, TICK_BUDGET_MS);
    }
    this.lagging = this.speed !== 'max' && !reached;
    if (sim.now >= MAX_TIME_MS) this.playing = false;
    if (armed && (armed.hitMs !== undefined || sim.now >= armed.limitMs)) {
      if (armed.hitMs === undefined || sim.now >= armed.hitMs) {
        this.arrive();
        return;
      }
    }
    this.emit();
    if (this.playing) this.schedule();
  }

  /** Only models that declare a lesson speed (Raft) get slow motion, at that speed or slower. */
  private slowMotionOn(): boolean {
    const lessonSpeed = this.model?.meta.playbackSpeed;
    return (
      this.slowMotionMs > 0 &&
      lessonSpeed !== undefined &&
      this.speed !== 'max' &&
      this.speed <= lessonSpeed
    );
  }

  /** Plays `dtMs` of real time in slow motion where messages fly; false if out of budget. */
  private advancePaced(dtMs: number, capMs: () => number): boolean {
    const sim = this.sim!;
    const speed = this.speed as number;
    let reached = true;
    const started = this.clock.now();
    const paced = playPaced({
      nowMs: sim.now,
      aheadMs: this.aheadMs,
      wallMs: dtMs,
      speed,
      capMs,
      flightSpeed: (atMs, usedMs) =>
        this.flights.speed(
          (fn) => sim.forEachFlight(fn),
          atMs,
          started + usedMs,
          this.slowMotionMs,
        ),
      nextAt: () => sim.nextAt(),
      advanceTo: (t) => {
        const left = TICK_BUDGET_MS - (this.clock.now() - started);
        if (!this.advanceTo(t, Math.max(1, left))) reached = false;
        return sim.now;
      },
    });
    this.aheadMs = paced.aheadMs;
    this.paceSpeed = paced.speed < speed ? paced.speed : null;
    return reached;
  }

  /**
   * Stops at the armed step: pauses, and if the run went past the step's millisecond (events
   * run in chunks), goes back to it by replay, so the stop never depends on the wall clock.
   */
  private arrive(): void {
    const sim = this.sim!;
    const armed = this.armed!;
    this.armed = null;
    this.playing = false;
    this.stopTimer();
    const at = Math.min(armed.hitMs ?? armed.limitMs, armed.limitMs);
    this.arrived = {
      id: armed.id,
      found: armed.hitMs !== undefined && armed.hitMs <= armed.limitMs,
    };
    if (sim.now !== at) this.startSeek(at);
    else this.emit();
  }

  private status(): HostStatus {
    const sim = this.sim!;
    return {
      ...(this.armed && { armed: this.armed.id }),
      ...(this.playing &&
        this.paceSpeed !== null && { paceSpeed: this.paceSpeed, aheadMs: this.aheadMs }),
      ...(this.arrived && !this.seeking && { arrived: this.arrived }),
      t: sim.now,
      horizonMs: this.horizonMs,
      playing: this.playing,
      speed: this.speed,
      events: sim.eventsProcessed,
      violation: sim.violation,
      lagging: this.lagging,
      seeking: this.seeking && { fromMs: this.seeking.fromMs, targetMs: this.seeking.targetMs },
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
      events: this.history.takeFresh(),
      resetLog: this.logReset,
      ...(this.logReset && { history: this.history.all() }),
      logDropped: this.history.dropped,
      metrics: sim.metrics(),
      invariants: sim.status.map((s) => ({ ...s })),
      series: this.series.delta(),
    };
    this.logReset = false;
    this.listener(frame);
  }
}

/** One line per error, for messages and logs. */
export const describeErrors = (r: { errors: { path: string; message: string }[] }): string =>
  r.errors.map(formatError).join('\n');
