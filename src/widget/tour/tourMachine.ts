/**
 * A guided tour's steps as a small hand-written state machine (no xstate: the widget is in the
 * embed's first download). It asks a driver to play to each step's stop (the host stops there,
 * so the frame is the same every run), waits for Continue, and lets the learner leave to play
 * freely and come back to the step they were at:
 *
 *   idle --START--> loading --landed--> playing --arrived--> stopped --CONTINUE--> playing ...
 *                                          |  \--learner paused/seeked--> away      \-last--> finished
 *   stopped --learner played or scrubbed--> away
 *   playing|stopped --LEAVE--> away --RETURN--> loading (to where the step stopped, or began)
 *   any --START--> loading (from the beginning)
 */
import type { Scenario } from '../../sim/core/types';
import type { HostStatus, StopWhen } from '../../worker/protocol';
import type { TourStep } from './steps';

export type TourState = 'idle' | 'loading' | 'playing' | 'stopped' | 'away' | 'finished' | 'failed';

/** A moment of the tour's run: the scenario (with the tour's actions so far) and the time. */
export interface TourPlace {
  scenario: unknown;
  t: number;
}

export interface TourDriver {
  /** Loads `place` paused (the tour's run from its start, or from where a step was). */
  load(place: TourPlace): void;
  /** Applies a step's action at the current time; resolves to an error message or null. */
  apply(step: TourStep<unknown>): Promise<string | null>;
  playUntil(when: StopWhen): number;
  pause(): void;
  /** The scenario now (with every input so far). */
  scenario(): Scenario | null;
}

/** What the machine reads of each frame. */
export interface TourFrame {
  t: number;
  resetLog: boolean;
  status: Pick<HostStatus, 'playing' | 'seeking' | 'armed' | 'arrived'>;
}

export interface TourSnapshot {
  state: TourState;
  index: number;
  count: number;
  /** The time the current step stopped at (while stopped); false `found` if it gave up. */
  stopMs: number | null;
  found: boolean;
  error: string | null;
}

export class Tour {
  #state: TourState = 'idle';
  #index = 0;
  #stopMs: number | null = null;
  #found = true;
  #error: string | null = null;
  /** Where each step began (before its action) and where it stopped. */
  #began: (TourPlace | undefined)[] = [];
  #stopped: (TourPlace | undefined)[] = [];
  #request = -1;
  #armedSeen = false;
  /** While loading: whether the load's first frame came, the time to land on, then what next. */
  #landing: { reset: boolean; t: number; then: 'run' | 'stopped' } | null = null;
  #snapshot: TourSnapshot;
  #listeners = new Set<() => void>();

  constructor(
    readonly steps: readonly TourStep<unknown>[],
    private readonly driver: TourDriver,
    private base: unknown = null,
  ) {
    this.#snapshot = this.#snap();
  }

  /** The scenario a tour starts from (the widget's own, before anything was played). */
  setBase(scenario: unknown): void {
    this.base = scenario;
  }

  getSnapshot = (): TourSnapshot => this.#snapshot;

  subscribe = (fn: () => void): (() => void) => {
    this.#listeners.add(fn);
    return () => this.#listeners.delete(fn);
  };

  /** From the first step, from the tour's own scenario at t = 0. */
  start(): void {
    this.#began = [];
    this.#stopped = [];
    this.#index = 0;
    this.#error = null;
    this.#load({ scenario: this.base, t: 0 }, 'run');
  }

  continue(): void {
    if (this.#state !== 'stopped') return;
    if (this.#index >= this.steps.length - 1) return this.#go('finished');
    this.#index++;
    void this.#run();
  }

  leave(): void {
    if (this.#state === 'playing') this.driver.pause();
    if (this.#state === 'playing' || this.#state === 'stopped' || this.#state === 'loading')
      this.#go('away');
  }

  /** Back to the step the learner was at: where it stopped, or where it began. */
  back(): void {
    if (this.#state !== 'away') return;
    const stopped = this.#stopped[this.#index];
    const began = this.#began[this.#index];
    if (stopped) this.#load(stopped, 'stopped');
    else if (began) this.#load(began, 'run');
    else this.start();
  }

  /** Every frame the widget receives, in order. */
  frame(f: TourFrame): void {
    const landing = this.#landing;
    if (this.#state === 'loading' && landing) {
      if (f.resetLog) landing.reset = true;
      if (!landing.reset || f.t !== landing.t || f.status.seeking || f.status.playing) return;
      this.#landing = null;
      if (landing.then === 'stopped') {
        this.#stopMs = f.t;
        this.#go('stopped');
      } else void this.#run();
      return;
    }
    if (f.status.seeking) return;
    // Stopped at a step, the learner played on or scrubbed away from it: they left the tour.
    if (this.#state === 'stopped') {
      if (f.status.playing || f.t !== this.#stopMs) this.#go('away');
      return;
    }
    if (this.#state !== 'playing') return;
    if (f.status.arrived?.id === this.#request) {
      this.#stopMs = f.t;
      this.#found = f.status.arrived.found;
      const s = this.driver.scenario();
      this.#stopped[this.#index] = { scenario: s && structuredClone(s), t: f.t };
      this.#go('stopped');
    } else if (f.status.armed === this.#request) this.#armedSeen = true;
    // The learner paused, scrubbed or loaded while the tour played: they left it.
    else if (this.#armedSeen) this.#go('away');
  }

  async #run(): Promise<void> {
    const step = this.steps[this.#index];
    if (!step) return;
    const s = this.driver.scenario();
    this.#began[this.#index] = { scenario: s && structuredClone(s), t: this.#stopMs ?? 0 };
    this.#stopped[this.#index] = undefined;
    this.#stopMs = null;
    // Frames sent while the action applies still report the previous step's arrival.
    this.#request = -1;
    this.#armedSeen = false;
    this.#go('playing');
    const error = await this.driver.apply(step);
    if (error) {
      this.#error = `step ${this.#index + 1}: ${error}`;
      return this.#go('failed');
    }
    if (this.#state !== 'playing') return;
    this.#request = this.driver.playUntil(step.until);
  }

  #load(place: TourPlace, then: 'run' | 'stopped'): void {
    this.#landing = { reset: false, t: place.t, then };
    this.#stopMs = then === 'run' ? place.t : null;
    this.#go('loading');
    this.driver.load(place);
  }

  #go(state: TourState): void {
    this.#state = state;
    if (state !== 'loading') this.#landing = null;
    this.#snapshot = this.#snap();
    for (const l of [...this.#listeners]) l();
  }

  #snap(): TourSnapshot {
    return {
      state: this.#state,
      index: this.#index,
      count: this.steps.length,
      stopMs: this.#state === 'stopped' ? this.#stopMs : null,
      found: this.#found,
      error: this.#error,
    };
  }
}
