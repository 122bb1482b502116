/**
 * The playback controller: boots a host (worker or main thread), loads the scenario, plays and
 * pauses, and recovers from a crashed worker by starting a new one from the same scenario at
 * the same time. The scenario (with every learner input) lives here, on the page, so a crash
 * loses nothing.
 */
import { assign, fromPromise, setup } from 'xstate';
import type { FieldError } from '../sim/core/errors';
import type { Scenario, ScenarioInput } from '../sim/core/types';
import { createSimClient, type SimClient } from './client';
import type { Frame, LoadResult, Speed } from './protocol';
import type { WorkerPool } from './workerPool';

export interface PlaybackInput {
  scenario: unknown;
  atMs: number;
  autoplay: boolean;
  /** The speed to start at (1 when absent). */
  speed?: Speed;
  onFrame(frame: Frame): void;
  noWorker?: boolean;
  /** Share this pool's workers (the embed) instead of starting one. */
  pool?: WorkerPool;
}

interface Context {
  input: PlaybackInput;
  client: SimClient | null;
  /** The raw scenario to load next (validated by the host). */
  pending: unknown;
  scenario: Scenario | null;
  errors: FieldError[];
  crash: string | null;
  crashes: number;
  /** Latest virtual time seen, so a restart resumes where the learner was. */
  t: number;
  speed: Speed;
  resumePlaying: boolean;
}

export type PlaybackEvent =
  | { type: 'PLAY' }
  | { type: 'PAUSE' }
  | { type: 'TOGGLE' }
  | { type: 'STEP' }
  | { type: 'SEEK'; t: number }
  | { type: 'SPEED'; speed: Speed }
  | { type: 'LOAD'; scenario: unknown; atMs?: number }
  | { type: 'INPUTS'; inputs: ScenarioInput[] }
  | { type: 'TIME'; t: number }
  | { type: 'CRASHED'; message: string };

export const playbackMachine = setup({
  types: {
    context: {} as Context,
    events: {} as PlaybackEvent,
    input: {} as PlaybackInput,
  },
  actors: {
    boot: fromPromise<SimClient, { input: PlaybackInput; onCrash: (m: string) => void }>(
      ({ input }) =>
        createSimClient({
          onFrame: input.input.onFrame,
          onCrash: input.onCrash,
          ...(input.input.noWorker !== undefined && { noWorker: input.input.noWorker }),
          ...(input.input.pool && { pool: input.input.pool }),
        }),
    ),
    load: fromPromise<
      LoadResult,
      { client: SimClient; scenario: unknown; atMs: number; speed: Speed }
    >(async ({ input }) => {
      await input.client.api.setSpeed(input.speed);
      return input.client.api.load(input.scenario, input.atMs);
    }),
  },
  actions: {
    play: ({ context }) => void context.client?.api.play(),
    pause: ({ context }) => void context.client?.api.pause(),
    step: ({ context }) => void context.client?.api.step(),
    seek: ({ context }, t: number) => void context.client?.api.seek(t),
    setSpeed: ({ context }, speed: Speed) => void context.client?.api.setSpeed(speed),
    disposeClient: ({ context }) => context.client?.dispose(),
  },
  guards: {
    loadedOk: (_, r: LoadResult) => r.ok,
    shouldPlay: ({ context }) => context.resumePlaying,
  },
}).createMachine({
  id: 'playback',
  context: ({ input }) => ({
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
  }),
  initial: 'booting',
  on: {
    TIME: { actions: assign({ t: ({ event }) => event.t }) },
    INPUTS: {
      actions: assign({
        scenario: ({ context, event }) =>
          context.scenario ? { ...context.scenario, inputs: event.inputs } : null,
      }),
    },
  },
  states: {
    booting: {
      invoke: {
        src: 'boot',
        input: ({ context, self }) => ({
          input: context.input,
          onCrash: (message: string) => self.send({ type: 'CRASHED', message }),
        }),
        onDone: { target: 'loading', actions: assign({ client: ({ event }) => event.output }) },
        onError: {
          target: 'crashed',
          actions: assign({
            crash: ({ event }) => `Could not start the simulation: ${String(event.error)}`,
          }),
        },
      },
    },
    loading: {
      invoke: {
        src: 'load',
        input: ({ context }) => ({
          client: context.client!,
          scenario: context.pending,
          atMs: context.t,
          speed: context.speed,
        }),
        onDone: [
          {
            guard: { type: 'loadedOk', params: ({ event }) => event.output },
            target: 'ready',
            actions: assign({
              scenario: ({ event }) => (event.output.ok ? event.output.scenario : null),
              errors: [],
            }),
          },
          {
            target: 'invalid',
            actions: assign({
              errors: ({ event }) => (event.output.ok ? [] : event.output.errors),
            }),
          },
        ],
        onError: {
          target: 'crashed',
          actions: assign({ crash: ({ event }) => String(event.error) }),
        },
      },
      on: {
        CRASHED: { target: 'crashed', actions: assign({ crash: ({ event }) => event.message }) },
      },
    },
    invalid: {
      on: {
        LOAD: {
          target: 'loading',
          actions: assign({
            pending: ({ event }) => event.scenario,
            t: ({ event }) => event.atMs ?? 0,
          }),
        },
      },
    },
    ready: {
      initial: 'deciding',
      entry: assign({ crash: null }),
      on: {
        SEEK: {
          actions: [
            { type: 'seek', params: ({ event }) => event.t },
            assign({ t: ({ event }) => event.t }),
          ],
        },
        SPEED: {
          actions: [
            { type: 'setSpeed', params: ({ event }) => event.speed },
            assign({ speed: ({ event }) => event.speed }),
          ],
        },
        LOAD: {
          target: 'loading',
          actions: [
            'pause',
            assign({
              pending: ({ event }) => event.scenario,
              t: ({ event }) => event.atMs ?? 0,
              resumePlaying: false,
            }),
          ],
        },
        CRASHED: {
          target: 'crashed',
          actions: assign({
            crash: ({ event }) => event.message,
            crashes: ({ context }) => context.crashes + 1,
          }),
        },
      },
      states: {
        deciding: { always: [{ guard: 'shouldPlay', target: 'playing' }, { target: 'paused' }] },
        paused: {
          entry: assign({ resumePlaying: false }),
          on: { PLAY: 'playing', TOGGLE: 'playing', STEP: { actions: 'step' } },
        },
        playing: {
          entry: ['play', assign({ resumePlaying: true })],
          exit: 'pause',
          on: { PAUSE: 'paused', TOGGLE: 'paused', STEP: { target: 'paused', actions: 'step' } },
        },
      },
    },
    crashed: {
      entry: 'disposeClient',
      // Restart from the scenario we hold; give up after repeated crashes so a model that
      // crashes deterministically does not loop forever.
      after: { 700: [{ guard: ({ context }) => context.crashes <= 3, target: 'booting' }] },
      exit: assign({ pending: ({ context }) => context.scenario ?? context.pending }),
    },
  },
});
