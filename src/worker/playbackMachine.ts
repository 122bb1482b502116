/**
 * The playback controller: boots a host (worker or main thread), loads the scenario, plays and
 * pauses, and recovers from a crashed worker by starting a new one from the same scenario at
 * the same time. The scenario (with every learner input) lives here, on the page, so a crash
 * loses nothing.
 *
 * A small statechart, written out by hand rather than with xstate: xstate's interpreter was
 * 12.5 kB gzip of the 100 kB every embedded widget downloads before its model (issue 13). The
 * states and what moves between them:
 *
 *   booting --client--> loading --ok--> ready.{playing|paused} --LOAD--> loading
 *      ^                   |  \--errors--> invalid --LOAD--> loading
 *      |                   \--CRASHED/failure--> crashed <--CRASHED-- ready
 *      \---- 700 ms, while crashes <= 3 ----------/
 *
 *   Any state: TIME (the latest virtual time seen) and INPUTS (the learner's inputs so far).
 *   TIME comes with every frame and changes no state: it is kept without notifying listeners
 *   (a new snapshot each frame re-rendered the whole widget 30 times a second).
 *   ready: SEEK, SPEED; entering ready plays if the learner was playing (`resumePlaying`).
 *   PLAY_UNTIL -> playing (while loading: once ready) (the host stops by itself at a guided step; ARRIVED -> paused).
 *   paused: PLAY/TOGGLE -> playing, STEP steps.  playing: PAUSE/TOGGLE -> paused, STEP -> paused
 *   and steps; entering playing plays the host, leaving it pauses it.
 *   An event a state does not list is ignored (LOAD while booting or loading, PLAY while playing).
 */
import type { FieldError } from '../sim/core/errors';
import type { Scenario, ScenarioInput } from '../sim/core/types';
import { createSimClient, type ClientOptions, type SimClient } from './client';
import type { Frame, LoadResult, PlayStop, Speed } from './protocol';
import type { WorkerPool } from './workerPool';

export interface PlaybackInput {
  scenario: unknown;
  atMs: number;
  autoplay: boolean;
  /** The speed to start at (1 when absent). */
  speed?: Speed;
  /** Slow motion at lesson speed: each message in flight stays on screen this long (lessons). */
  slowMotionMs?: number;
  onFrame(frame: Frame): void;
  noWorker?: boolean;
  /** Share this pool's workers (the embed) instead of starting one. */
  pool?: WorkerPool;
  /** Starts the host (tests give a fake); createSimClient when absent. */
  boot?: (options: ClientOptions) => Promise<SimClient>;
}

export interface PlaybackContext {
  input: PlaybackInput;
  client: SimClient | null;
  /** The raw scenario to load next (validated by the host). */
  pending: unknown;
  scenario: Scenario | null;
  errors: FieldError[];
  crash: string | null;
  crashes: number;
  /**
   * Latest virtual time seen, so a restart resumes where the learner was. Kept silently: a
   * snapshot's `t` is the time at its last state change, not the live time (read the frames).
   */
  t: number;
  speed: Speed;
  resumePlaying: boolean;
  /** A guided step asked for while loading (its first frame can come before the load answers). */
  pendingStop: PlayStop | null;
}

export type PlaybackEvent =
  | { type: 'PLAY' }
  | { type: 'PAUSE' }
  | { type: 'TOGGLE' }
  | { type: 'STEP' }
  /** Play until a guided step's stop; the host pauses there itself and the page hears ARRIVED. */
  | { type: 'PLAY_UNTIL'; stop: PlayStop }
  | { type: 'ARRIVED' }
  | { type: 'SEEK'; t: number }
  | { type: 'SPEED'; speed: Speed }
  | { type: 'LOAD'; scenario: unknown; atMs?: number }
  | { type: 'INPUTS'; inputs: ScenarioInput[] }
  | { type: 'TIME'; t: number }
  | { type: 'CRASHED'; message: string };

type Top = 'booting' | 'loading' | 'invalid' | 'ready' | 'crashed';
type ReadyState = 'playing' | 'paused';
export type PlaybackStateValue = Exclude<Top, 'ready'> | { ready: ReadyState };

export interface PlaybackSnapshot {
  readonly value: PlaybackStateValue;
  readonly context: Readonly<PlaybackContext>;
  /** `matches('ready')`, `matches({ ready: 'playing' })`, as with a statechart's snapshot. */
  matches(state: Top | { ready: ReadyState }): boolean;
}

/** After a crash, wait this long, then boot a new host (at most MAX_RESTARTS times in a row). */
export const RESTART_DELAY_MS = 700;
const MAX_RESTARTS = 3;

function snapshotOf(top: Top, sub: ReadyState, context: PlaybackContext): PlaybackSnapshot {
  const value: PlaybackStateValue = top === 'ready' ? { ready: sub } : top;
  return {
    value,
    context,
    matches: (s) => (typeof s === 'string' ? s === top : top === 'ready' && s.ready === sub),
  };
}

/** One widget's playback: `send` events, read `getSnapshot`, `subscribe` to changes. */
export class Playback {
  #top: Top = 'booting';
  #sub: ReadyState = 'paused';
  #ctx: PlaybackContext;
  #snapshot: PlaybackSnapshot;
  #listeners = new Set<() => void>();
  #queue: PlaybackEvent[] = [];
  #busy = false;
  #running = false;
  /** Bumped on every state entry: a promise started in an earlier state is stale when it settles. */
  #epoch = 0;
  #restart: ReturnType<typeof setTimeout> | null = null;

  constructor(input: PlaybackInput) {
    this.#ctx = {
      input,
      client: null,
      pending: input.scenario,
      scenario: null,
      errors: [],
      crash: null,
      crashes: 0,
      t: input.atMs,
      speed: input.speed ?? 1,
      resumePlaying: input.autoplay,
      pendingStop: null,
    };
    this.#snapshot = snapshotOf(this.#top, this.#sub, this.#ctx);
  }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#change(() => this.#enter('booting'));
  }

  /** Stops reacting (pending promises and the restart timer are dropped); the client stays. */
  stop(): void {
    this.#running = false;
    this.#epoch++;
    if (this.#restart) clearTimeout(this.#restart);
    this.#restart = null;
    this.#listeners.clear();
  }

  getSnapshot(): PlaybackSnapshot {
    return this.#snapshot;
  }

  subscribe(listener: () => void): { unsubscribe(): void } {
    this.#listeners.add(listener);
    return { unsubscribe: () => void this.#listeners.delete(listener) };
  }

  /** Events sent while one is being handled (a crash report, say) are handled after it. */
  send(event: PlaybackEvent): void {
    if (!this.#running) return;
    this.#queue.push(event);
    if (this.#busy) return;
    this.#busy = true;
    try {
      for (let e = this.#queue.shift(); e; e = this.#queue.shift()) {
        const next = e;
        this.#change(() => this.#handle(next));
      }
    } finally {
      this.#busy = false;
    }
  }

  /** Runs `step`; if it changed anything (it returns true), a new snapshot goes to listeners. */
  #change(step: () => boolean | void): void {
    if (step() === false) return;
    this.#snapshot = snapshotOf(this.#top, this.#sub, { ...this.#ctx });
    for (const l of [...this.#listeners]) l();
  }

  #assign(patch: Partial<PlaybackContext>): void {
    Object.assign(this.#ctx, patch);
  }

  /** Handles one event; false when the current state ignores it. */
  #handle(e: PlaybackEvent): boolean {
    const c = this.#ctx;
    switch (e.type) {
      case 'TIME':
        this.#assign({ t: e.t });
        return false;
      case 'INPUTS':
        this.#assign({ scenario: c.scenario ? { ...c.scenario, inputs: e.inputs } : null });
        return true;
    }
    if (this.#top === 'loading' && e.type === 'PLAY_UNTIL') {
      this.#assign({ pendingStop: e.stop });
      return true;
    }
    if (this.#top === 'loading' && e.type === 'CRASHED') {
      this.#go('crashed', () => this.#assign({ crash: e.message }));
      return true;
    }
    if (this.#top === 'invalid' && e.type === 'LOAD') {
      this.#go('loading', () => this.#assign({ pending: e.scenario, t: e.atMs ?? 0 }));
      return true;
    }
    if (this.#top !== 'ready') return false;
    const api = c.client?.api;
    switch (e.type) {
      case 'SEEK':
        void api?.seek(e.t);
        this.#assign({ t: e.t });
        return true;
      case 'SPEED':
        void api?.setSpeed(e.speed);
        this.#assign({ speed: e.speed });
        return true;
      case 'LOAD':
        this.#go('loading', () => {
          void c.client?.api.pause();
          this.#assign({
            pending: e.scenario,
            t: e.atMs ?? 0,
            resumePlaying: false,
            pendingStop: null,
          });
        });
        return true;
      case 'CRASHED':
        this.#go('crashed', () => this.#assign({ crash: e.message, crashes: c.crashes + 1 }));
        return true;
    }
    if (e.type === 'PLAY_UNTIL') {
      // Playing, but the host was told where to stop: entering `playing` must not call play().
      if (this.#sub === 'playing') void api?.pause();
      void api?.playUntil(e.stop);
      this.#sub = 'playing';
      this.#assign({ resumePlaying: true });
      return true;
    }
    if (this.#sub === 'paused') {
      if (e.type === 'PLAY' || e.type === 'TOGGLE') return this.#goReady('playing');
      if (e.type === 'STEP') {
        void api?.step();
        return true;
      }
      return false;
    }
    if (e.type === 'PAUSE' || e.type === 'TOGGLE') return this.#goReady('paused');
    // The host stopped at a guided step by itself: nothing to tell it.
    if (e.type === 'ARRIVED') {
      this.#enterReady('paused');
      return true;
    }
    if (e.type === 'STEP') return this.#goReady('paused', () => void c.client?.api.step());
    return false;
  }

  /** Leaves the current state (its exit actions), runs `actions`, enters `target`. */
  #go(target: Top, actions?: () => void): void {
    if (this.#top === 'ready' && this.#sub === 'playing') void this.#ctx.client?.api.pause();
    if (this.#top === 'crashed') {
      if (this.#restart) clearTimeout(this.#restart);
      this.#restart = null;
      this.#assign({ pending: this.#ctx.scenario ?? this.#ctx.pending });
    }
    actions?.();
    this.#enter(target);
  }

  /** Between playing and paused inside ready. */
  #goReady(target: ReadyState, actions?: () => void): true {
    if (this.#sub === 'playing') void this.#ctx.client?.api.pause();
    actions?.();
    this.#enterReady(target);
    return true;
  }

  #enterReady(sub: ReadyState): void {
    this.#sub = sub;
    if (sub === 'playing') {
      void this.#ctx.client?.api.play();
      this.#assign({ resumePlaying: true });
    } else this.#assign({ resumePlaying: false });
  }

  #enter(top: Top): void {
    this.#top = top;
    const epoch = ++this.#epoch;
    const c = this.#ctx;
    /** Settles a promise started here only while we are still in the state that started it. */
    const settle =
      <T>(f: (v: T) => boolean | void) =>
      (v: T) => {
        if (epoch === this.#epoch && this.#running) this.#change(() => f(v));
      };
    switch (top) {
      case 'booting': {
        const i = c.input;
        (i.boot ?? createSimClient)({
          onFrame: i.onFrame,
          onCrash: (message) => this.send({ type: 'CRASHED', message }),
          ...(i.noWorker !== undefined && { noWorker: i.noWorker }),
          ...(i.pool && { pool: i.pool }),
        }).then(
          (client) => {
            if (epoch !== this.#epoch || !this.#running) return client.dispose();
            this.#change(() => {
              this.#assign({ client });
              this.#go('loading');
            });
          },
          settle((error: unknown) => {
            this.#assign({ crash: `Could not start the simulation: ${String(error)}` });
            this.#go('crashed');
          }),
        );
        return;
      }
      case 'loading': {
        const client = c.client!;
        const { pending, t, speed } = c;
        (async (): Promise<LoadResult> => {
          await client.api.setSpeed(speed);
          if (c.input.slowMotionMs) await client.api.setSlowMotion(c.input.slowMotionMs);
          return client.api.load(pending, t);
        })().then(
          settle((r: LoadResult) => {
            if (r.ok) {
              this.#assign({ scenario: r.scenario, errors: [] });
              this.#go('ready');
            } else {
              this.#assign({ errors: r.errors });
              this.#go('invalid');
            }
          }),
          settle((error: unknown) => {
            this.#assign({ crash: String(error) });
            this.#go('crashed');
          }),
        );
        return;
      }
      case 'ready': {
        this.#assign({ crash: null });
        const stop = c.pendingStop;
        if (stop) {
          this.#assign({ pendingStop: null, resumePlaying: true });
          this.#sub = 'playing';
          void c.client?.api.playUntil(stop);
          return;
        }
        this.#enterReady(c.resumePlaying ? 'playing' : 'paused');
        return;
      }
      case 'crashed':
        c.client?.dispose();
        // Restart from the scenario we hold; give up after repeated crashes so a model that
        // crashes deterministically does not loop forever.
        this.#restart = setTimeout(
          settle(() => {
            this.#restart = null;
            if (this.#ctx.crashes > MAX_RESTARTS) return false;
            this.#go('booting');
          }),
          RESTART_DELAY_MS,
        );
        return;
      case 'invalid':
        return;
    }
  }
}
