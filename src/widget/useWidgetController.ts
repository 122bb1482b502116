/**
 * Runs one widget's playback statechart and frame store, and exposes a handle for directives,
 * the embed element and keyboard shortcuts.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { LogEvent, Scenario } from '../sim/core/types';
import { FrameStore } from '../ui/frameStore';
import { SPEEDS } from '../ui/PlaybackBar';
import type { LearnerInput } from '../views/types';
import { Playback, type PlaybackSnapshot } from '../worker/playbackMachine';
import type { Speed } from '../worker/protocol';
import type { WorkerPool } from '../worker/workerPool';
import { registerWidget, type WidgetHandle } from './handles';

export interface ControllerOptions {
  id: string;
  scenario: unknown;
  atMs: number;
  autoplay: boolean;
  speed?: Speed | undefined;
  onEvent?: ((e: LogEvent) => void) | undefined;
  onShare?: ((s: Scenario, t: number) => void) | undefined;
  noWorker?: boolean | undefined;
  pool?: WorkerPool | undefined;
  /** Slow motion while messages fly at lesson speed: each stays on screen this many ms. */
  slowMotionMs?: number | undefined;
}

type Actor = Playback;
export type { PlaybackSnapshot };

const noopSubscribe = () => () => {};
/** Ids of guided-step stops, unique on the page, so a frame's arrival names its request. */
let stopIds = 0;

export function useWidgetController(o: ControllerOptions) {
  const store = useMemo(() => new FrameStore(), []);
  const [actor, setActor] = useState<Actor | null>(null);
  const opts = useRef(o);
  useLayoutEffect(() => {
    opts.current = o;
  });

  useEffect(() => {
    let lastT = -1;
    let lastArrived = -1;
    const a = new Playback({
      scenario: opts.current.scenario,
      atMs: opts.current.atMs,
      autoplay: opts.current.autoplay,
      ...(opts.current.speed !== undefined && { speed: opts.current.speed }),
      ...(opts.current.noWorker !== undefined && { noWorker: opts.current.noWorker }),
      ...(opts.current.pool && { pool: opts.current.pool }),
      ...(opts.current.slowMotionMs && { slowMotionMs: opts.current.slowMotionMs }),
      onFrame: (f) => {
        store.push(f);
        const arrived = f.status.arrived?.id;
        if (arrived !== undefined && arrived !== lastArrived) {
          lastArrived = arrived;
          a.send({ type: 'ARRIVED' });
        }
        if (f.t !== lastT) {
          lastT = f.t;
          a.send({ type: 'TIME', t: f.t });
        }
        const onEvent = opts.current.onEvent;
        if (onEvent) for (const e of f.events) onEvent(e);
      },
    });
    a.start();
    setActor(a);
    return () => {
      a.getSnapshot().context.client?.dispose();
      a.stop();
      store.reset();
    };
  }, [store]);

  // A new scenario from outside (URL change, editor apply) reloads the same host.
  const loadedScenario = useRef(o.scenario);
  useEffect(() => {
    if (!actor || loadedScenario.current === o.scenario) return;
    loadedScenario.current = o.scenario;
    actor.send({ type: 'LOAD', scenario: o.scenario, atMs: o.atMs });
  }, [actor, o.scenario, o.atMs]);

  const subscribe = useMemo(
    () =>
      actor
        ? (onChange: () => void) => {
            const sub = actor.subscribe(() => onChange());
            return () => sub.unsubscribe();
          }
        : noopSubscribe,
    [actor],
  );
  const state = useSyncExternalStore(subscribe, () => actor?.getSnapshot() ?? null);
  // Panels follow the slow channel; the drawing subscribes to every frame itself (LiveView).
  const snapshot = useSyncExternalStore(store.subscribeSlow, store.getSlow);

  const handle = useMemo<WidgetHandle | null>(() => {
    if (!actor) return null;
    const api = () => actor.getSnapshot().context.client?.api;
    const now = () => store.get().frame?.t ?? 0;
    const speed = () => store.get().frame?.status.speed ?? 1;
    const h: WidgetHandle = {
      id: o.id,
      play: () => actor.send({ type: 'PLAY' }),
      pause: () => actor.send({ type: 'PAUSE' }),
      toggle: () => actor.send({ type: 'TOGGLE' }),
      step: () => actor.send({ type: 'STEP' }),
      reset: () => {
        actor.send({ type: 'PAUSE' });
        actor.send({ type: 'SEEK', t: 0 });
      },
      seek: (ms) => actor.send({ type: 'SEEK', t: Math.max(0, ms) }),
      load: (scenario, atMs) => actor.send({ type: 'LOAD', scenario, atMs }),
      playUntil: (when) => {
        const id = ++stopIds;
        actor.send({ type: 'PLAY_UNTIL', stop: { id, when } });
        return id;
      },
      seekBy: (d) => {
        const horizon = store.get().frame?.status.horizonMs ?? 0;
        actor.send({ type: 'SEEK', t: Math.min(horizon, Math.max(0, now() + d)) });
      },
      speedBy: (dir) => {
        const i = SPEEDS.indexOf(speed());
        const next = SPEEDS[
          Math.min(SPEEDS.length - 1, Math.max(0, (i < 0 ? 3 : i) + dir))
        ] as Speed;
        actor.send({ type: 'SPEED', speed: next });
      },
      setSpeed: (s) => actor.send({ type: 'SPEED', speed: s }),
      fork: async () => {
        const inputs = await api()?.fork();
        if (inputs) actor.send({ type: 'INPUTS', inputs });
      },
      share: () => {
        const s = actor.getSnapshot().context.scenario;
        if (s) opts.current.onShare?.(s, now());
      },
      input: async (input: LearnerInput) => {
        const a = api();
        if (!a) return null;
        const r = await a.input(input);
        if (r.ok) actor.send({ type: 'INPUTS', inputs: r.inputs });
        return r;
      },
      scenario: () => actor.getSnapshot().context.scenario,
      time: now,
      inFlightIds: () => (store.get().frame?.inFlight ?? []).map((m) => m.id),
      crashForTest: (how) => void api()?.crashForTest(how),
    };
    return h;
  }, [actor, store, o.id]);

  useEffect(() => (handle ? registerWidget(handle) : undefined), [handle]);

  return { state, snapshot, store, handle };
}
