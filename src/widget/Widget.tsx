/**
 * The one widget: a model's drawing, playback bar, params panel, actions, metrics, invariants
 * and event log around a simulation host. Lessons, the playground, the embed element and the
 * editor all mount this component.
 */
import {
  type ComponentType,
  type ReactNode,
  lazy,
  Suspense,
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import { formatError } from '../sim/core/errors';
import type { ModelInfo } from '../sim/core/info';
import type { LogEvent, Scenario } from '../sim/core/types';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import type { FrameStore } from '../ui/frameStore';
import { ErrorList } from '../ui/ErrorList';
import { useReducedMotion, useSize, useViewportSize } from '../ui/hooks';
import { PlaybackBar } from '../ui/PlaybackBar';
import { VIEWS } from '../views/registry';
import type { AnyModelViews, LearnerInput, ViewProps } from '../views/types';
import { createStore } from 'zustand';
import type { CrashHow } from '../worker/protocol';
import type { WorkerPool } from '../worker/workerPool';
import { setActiveWidget } from './handles';
import { ensureModelInfo, modelIds, modelInfo } from './models';
import { checkValues } from '../ui/schemaFields';
import { useWidgetController } from './useWidgetController';
import { fitDrawingHeight } from './fit';
import { ALL_CONTROLS, type Control } from './controls';
import { subscribeTours, tourFor, type TourSteps } from './tour/registry';
import { checkStepsForModel, resolveNodes } from './tour/steps';
import { TourPanel } from './tour/TourPanel';
import { useTour } from './tour/useTour';

export { ALL_CONTROLS, type Control };

// Panels that need a frame load beside the simulation, not before it: a page's (or an embed's)
// first download stays small.
const panels = () => import('./panels');
const ParamsPanel = lazy(() => panels().then((m) => ({ default: m.ParamsPanel })));
const EventLog = lazy(() => panels().then((m) => ({ default: m.EventLog })));
const MetricsPanel = lazy(() => panels().then((m) => ({ default: m.MetricsPanel })));
const InvariantsPanel = lazy(() => panels().then((m) => ({ default: m.InvariantsPanel })));
const ActionsBar = lazy(() => panels().then((m) => ({ default: m.ActionsBar })));

export interface WidgetProps {
  scenario: unknown;
  atMs?: number;
  id?: string;
  title?: string;
  /** The widget's accessible name, when the model's title alone would repeat on a page. */
  label?: string;
  controls?: readonly Control[];
  autoplay?: boolean;
  /** Height of the drawing area in px. */
  height?: number;
  onEvent?(e: LogEvent): void;
  onShare?(s: Scenario, t: number): void;
  shareLabel?: string;
  noWorker?: boolean;
  /** Share this pool's workers with other widgets (the embed) instead of starting one. */
  pool?: WorkerPool;
  /** Called when the status changes; `errors` lists what is wrong when it is `invalid`. */
  onStatus?(status: WidgetStatus, errors: readonly string[]): void;
  /**
   * Slow motion while messages fly, at the model's lesson speed (lessons): each message stays
   * on screen at least this many ms of real time. Playback only; the run is the same.
   */
  slowMotionMs?: number;
  /** A guided tour's steps (else the one a lesson registered for this widget's id). */
  tour?: TourSteps;
  /**
   * The lesson layout: the drawing and the playback bar together under the tour, then the
   * actions, then metrics, log and parameters in one region that scrolls within the widget;
   * parameters start folded; the drawing is no taller than the screen allows (see fit.ts).
   */
  compact?: boolean;
  /**
   * View UI state to set (merged into the widget's UI store whenever it changes): a page pointing
   * the drawing at something, like a practice answer's key on the hash ring.
   */
  uiPatch?: Record<string, unknown>;
  /** Rendered right after the guided tour's panel (a lesson's "Skip the widget" link). */
  afterTour?: ReactNode;
}

/** The lifecycle as the outside sees it (also the root's `data-state`). */
export type WidgetStatus = 'booting' | 'loading' | 'invalid' | 'paused' | 'playing' | 'crashed';

/** Each model's views, loading or loaded; null for a model without a drawing. */
const viewCache = new Map<string, Promise<AnyModelViews | null>>();
const loadedViews = new Map<string, AnyModelViews | null>();
function loadViews(model: string): Promise<AnyModelViews | null> {
  let p = viewCache.get(model);
  if (!p) {
    const load = VIEWS[model];
    p = (load ? load() : Promise.resolve(null)).then((v) => {
      loadedViews.set(model, v);
      return v;
    });
    viewCache.set(model, p);
  }
  return p;
}

/** The model's views: undefined while they load (beside the simulation), null when none. */
function useViews(model: string): AnyModelViews | null | undefined {
  const [, setLoaded] = useState(0);
  const views = loadedViews.has(model) ? loadedViews.get(model) : undefined;
  useEffect(() => {
    if (views !== undefined) return;
    let live = true;
    void loadViews(model).then(() => live && setLoaded((n) => n + 1));
    return () => {
      live = false;
    };
  }, [model, views]);
  return views;
}

const modelOf = (raw: unknown): string =>
  raw && typeof raw === 'object' && typeof (raw as { model?: unknown }).model === 'string'
    ? (raw as { model: string }).model
    : '';

/**
 * The model's description. Pages load it before they mount a widget; should one not have, it
 * loads here (`loading` meanwhile), so a known model never shows as unknown.
 */
function useModelInfo(model: string): {
  meta: ModelInfo | undefined;
  loading: boolean;
  error: string | undefined;
} {
  const [failed, setFailed] = useState<{ model: string; error: string } | null>(null);
  const [, setLoaded] = useState(0);
  const meta = modelInfo(model);
  const loading = !meta && modelIds().includes(model) && failed?.model !== model;
  useEffect(() => {
    if (!loading) return;
    let live = true;
    ensureModelInfo(model).then(
      () => live && setLoaded((n) => n + 1),
      (e: unknown) => live && setFailed({ model, error: String(e) }),
    );
    return () => {
      live = false;
    };
  }, [model, loading]);
  return { meta, loading, error: failed?.model === model ? failed.error : undefined };
}

export function Widget(props: WidgetProps) {
  const autoId = useId();
  const id = props.id ?? `w${autoId.replace(/[^a-zA-Z0-9]/g, '')}`;
  const model = modelOf(props.scenario);
  const { meta, loading, error } = useModelInfo(model);
  if (loading) {
    return (
      <div className="widget" data-widget-id={id} data-model={model} data-state="booting">
        <div className="widget-body">
          <div className="stage" style={{ height: props.height ?? 420 }}>
            <p className="muted">Starting the simulation…</p>
          </div>
        </div>
      </div>
    );
  }
  if (!meta) {
    return (
      <div className="widget widget-error">
        <ErrorList
          title="This widget cannot start."
          errors={[
            error
              ? `model: the description of "${model}" could not be loaded (${error})`
              : `model: "${model}" is not a known model`,
          ]}
        />
      </div>
    );
  }
  // Landmark names must be unique on a page with several widgets: name them by title or id.
  const label =
    props.label ??
    props.title ??
    (props.id && props.id !== 'playground' ? `${meta.title} (${props.id})` : meta.title);
  return <WidgetInner {...props} id={id} meta={meta} label={label} />;
}

function WidgetInner(props: WidgetProps & { id: string; meta: ModelInfo; label: string }) {
  const { meta, id } = props;
  const controls = new Set(props.controls ?? ALL_CONTROLS);
  const { state, snapshot, store, handle } = useWidgetController({
    id,
    scenario: props.scenario,
    atMs: props.atMs ?? 0,
    autoplay: props.autoplay ?? false,
    speed: meta.playbackSpeed,
    onEvent: props.onEvent,
    onShare: props.onShare,
    noWorker: props.noWorker,
    pool: props.pool,
    slowMotionMs: props.slowMotionMs,
  });
  const registered = useSyncExternalStore(subscribeTours, () => tourFor(id));
  const steps = props.tour ?? registered;
  const tourErrors = useMemo(() => (steps ? checkStepsForModel(steps, meta) : []), [steps, meta]);
  const tour = useTour(tourErrors.length ? undefined : steps, handle, store, props.scenario);
  const reducedMotion = useReducedMotion();
  const compact = props.compact ?? false;
  const viewport = useViewportSize();
  const drawH = compact
    ? fitDrawingHeight(props.height ?? 420, viewport.width, viewport.height)
    : (props.height ?? 420);
  const stage = useRef<HTMLDivElement>(null);
  const size = useSize(stage, { width: 640, height: drawH });
  const views = useViews(meta.id);
  // One UI store per widget and model, shared by the view's Main, Side and Actions.
  const ui = useMemo(() => createStore(() => ({ ...(views?.ui ?? {}) })), [views]);
  const uiPatch = props.uiPatch;
  useEffect(() => {
    if (uiPatch) ui.setState(uiPatch);
  }, [ui, uiPatch]);
  const [actionError, setActionError] = useState<string | null>(null);
  const root = useRef<HTMLDivElement>(null);
  // Test hook: browser tests crash the worker to check that the widget recovers.
  useEffect(() => {
    const el = root.current;
    if (!el || !handle) return;
    const crash = (e: Event) =>
      handle.crashForTest((e as CustomEvent<{ how?: CrashHow } | null>).detail?.how);
    el.addEventListener('dsp-test-crash', crash);
    return () => el.removeEventListener('dsp-test-crash', crash);
  }, [handle]);

  const send = useCallback(
    (input: LearnerInput) => {
      setActiveWidget(id);
      void handle
        ?.input(input)
        .then((r) =>
          setActionError(r && !r.ok ? (r.errors ?? []).map(formatError).join('; ') : null),
        );
    },
    [handle, id],
  );
  const validate = useCallback(
    (patch: Record<string, unknown>) => {
      const errors = checkValues(meta.params, patch, 'params', true);
      return errors.length ? errors.map(formatError).join('; ') : null;
    },
    [meta],
  );

  const label = props.label;
  const frame = snapshot.frame;
  const ready = state?.matches('ready') ?? false;
  const playing = state?.matches({ ready: 'playing' }) ?? false;
  const ctx = state?.context;
  const virtualNow = useCallback(() => store.virtualNow(), [store]);
  const stoppedStep =
    tour?.snapshot.state === 'stopped' ? tour.steps[tour.snapshot.index] : undefined;
  const highlight = useMemo(
    () =>
      stoppedStep?.highlight.length && frame ? resolveNodes(stoppedStep.highlight, frame.view) : [],
    [stoppedStep, frame],
  );
  const narration =
    tour && stoppedStep
      ? {
          key: `tour-${tour.snapshot.index}-${tour.snapshot.stopMs ?? ''}`,
          text: `Step ${tour.snapshot.index + 1} of ${tour.snapshot.count}. ${stoppedStep.text}`,
        }
      : undefined;
  const base: BaseProps = {
    ...(highlight.length ? { highlight } : {}),
    info: meta,
    ui,
    virtualNow,
    send,
    reducedMotion,
    width: size.width,
    height: drawH,
  };

  const status = (
    state ? (ready ? (playing ? 'playing' : 'paused') : String(state.value)) : 'booting'
  ) as WidgetStatus;
  const onStatus = props.onStatus;
  const invalidErrors = status === 'invalid' ? ctx?.errors : undefined;
  useEffect(() => {
    onStatus?.(status, (invalidErrors ?? []).map(formatError));
  }, [onStatus, status, invalidErrors]);

  const actionsEl = (
    <>
      {controls.has('actions') && views !== undefined ? (
        <ErrorBoundary label="The actions">
          {views?.Actions ? (
            <LivePart Part={views.Actions} store={store} base={base} />
          ) : (
            <Suspense fallback={null}>
              <ActionsBar info={meta} send={send} disabled={!ready} />
            </Suspense>
          )}
        </ErrorBoundary>
      ) : null}
      {actionError ? (
        <p className="field-error" role="alert">
          {actionError}
        </p>
      ) : null}
    </>
  );
  const stageEl = (
    <div className="stage" ref={stage} style={{ height: drawH }}>
      <ErrorBoundary label="The drawing">
        {views === undefined ? (
          <p className="muted">Loading the drawing…</p>
        ) : views === null ? (
          <p className="muted">
            {meta.title} has no drawing yet; its metrics, invariants and event log still run.
          </p>
        ) : frame ? (
          <LivePart Part={views.Main} store={store} base={base} />
        ) : (
          <p className="muted">Starting the simulation…</p>
        )}
      </ErrorBoundary>
    </div>
  );
  const sideEl = (controls.has('metrics') || controls.has('invariants')) && (
    // A group, not an <aside>: several widgets on a page must not repeat landmarks. Beside the
    // drawing it scrolls within the drawing's height, so long metrics never leave an empty band.
    <div
      className="side"
      role="group"
      style={compact ? undefined : { maxHeight: drawH }}
      tabIndex={compact ? undefined : 0}
      aria-label={`${label}: load, metrics and invariants`}
    >
      <ErrorBoundary label="The side panel">
        {views?.Side ? <LivePart Part={views.Side} store={store} base={base} /> : null}
      </ErrorBoundary>
      <Suspense fallback={null}>
        {controls.has('metrics') && frame ? (
          <MetricsPanel metas={meta.metrics} values={frame.metrics} series={snapshot.series} />
        ) : null}
        {controls.has('invariants') && frame ? <InvariantsPanel items={frame.invariants} /> : null}
      </Suspense>
    </div>
  );
  const playbackEl = controls.has('playback') && (
    <PlaybackBar
      t={frame?.t ?? 0}
      horizonMs={frame?.status.horizonMs ?? 0}
      playing={playing}
      speed={frame?.status.speed ?? 1}
      lagging={frame?.status.lagging ?? false}
      slowMotion={
        !!props.slowMotionMs &&
        meta.playbackSpeed !== undefined &&
        typeof frame?.status.speed === 'number' &&
        frame.status.speed <= meta.playbackSpeed
      }
      disabled={!ready}
      onToggle={() => handle?.toggle()}
      onStep={() => handle?.step()}
      onSeek={(t) => handle?.seek(t)}
      onSpeed={(s) => handle?.setSpeed(s)}
      onRestart={() => handle?.reset()}
      onFork={() => handle?.fork()}
      {...(controls.has('share') && props.onShare ? { onShare: () => handle?.share() } : {})}
      {...(props.shareLabel ? { shareLabel: props.shareLabel } : {})}
    />
  );
  const tourErrorsEl = tourErrors.length ? (
    <ErrorList
      title="The guided tour of this widget has a bad step; the widget still works."
      errors={tourErrors.map(formatError)}
    />
  ) : null;
  const panelsEl = (controls.has('params') || controls.has('log')) && (
    <div className="widget-panels">
      <Suspense fallback={null}>
        {controls.has('params') && frame ? (
          <ParamsPanel
            schema={meta.params}
            values={frame.params}
            validate={validate}
            onApply={(patch) => send({ action: 'set', params: patch })}
            disabled={!ready}
            collapsible={compact}
          />
        ) : null}
        {controls.has('log') ? (
          <EventLog
            events={snapshot.history}
            start={snapshot.logStart}
            now={snapshot.frame?.t ?? 0}
            onSeek={(t) => handle?.seek(t)}
            narration={narration}
          />
        ) : null}
      </Suspense>
    </div>
  );

  return (
    <div
      className={compact ? 'widget compact' : 'widget'}
      data-widget-id={id}
      data-model={meta.id}
      data-state={status}
      data-t={frame?.t ?? 0}
      onFocusCapture={() => setActiveWidget(id)}
      ref={root}
      onPointerDownCapture={() => setActiveWidget(id)}
      role="region"
      aria-label={`${label} simulation`}
    >
      {views?.css ? <style>{views.css}</style> : null}
      {props.title ? <h2 className="widget-title">{props.title}</h2> : null}
      {state?.matches('invalid') && ctx ? (
        <ErrorList
          title="This scenario is not valid; nothing was run."
          errors={ctx.errors.map(formatError)}
        />
      ) : null}
      {state?.matches('crashed') && ctx ? (
        <div className="error-box" role="alert">
          <strong>The simulation stopped unexpectedly.</strong> {sentence(ctx.crash)}{' '}
          {ctx.crashes <= 3
            ? 'Restarting from your scenario…'
            : 'It keeps crashing; reload the page to try again.'}
        </div>
      ) : null}
      {/* The tour first: its Start and Continue are a lesson's first stop for the keyboard. */}
      {tour ? <TourPanel api={tour} label={label} announceHere={!controls.has('log')} /> : null}
      {props.afterTour}
      {compact ? (
        <>
          <div className="widget-body">{stageEl}</div>
          {playbackEl}
          {actionsEl}
          {tourErrorsEl}
          {(sideEl || panelsEl) && (
            // One region under the drawing for everything else, scrolling within the widget so
            // the widget stays no taller than the screen.
            <div
              className="widget-extras"
              role="group"
              tabIndex={0}
              aria-label={`${label}: metrics, event log and parameters`}
            >
              {sideEl}
              {panelsEl}
            </div>
          )}
        </>
      ) : (
        <>
          {actionsEl}
          <div className="widget-body">
            {stageEl}
            {sideEl}
          </div>
          {playbackEl}
          {tourErrorsEl}
          {panelsEl}
        </>
      )}
    </div>
  );
}

/** What the widget gives a view besides the frame. */
type BaseProps = Omit<ViewProps<unknown, unknown>, 'frame' | 'view' | 'heavy' | 'snapshot'>;

/**
 * A part of the model's view (Main, Side, Actions), rendered from the store's view channel (the
 * latest frame, at most 30 times a second while playing). All three read the same channel, so
 * they always show the same frame; the widget's other panels follow the slow channel (5 times a
 * second) and never compete with the drawing.
 */
function LivePart({
  Part,
  store,
  base,
}: {
  Part: ComponentType<ViewProps<unknown, unknown>>;
  store: FrameStore;
  base: BaseProps;
}) {
  const snapshot = useSyncExternalStore(store.subscribeView, store.getView);
  const frame = snapshot.frame;
  if (!frame) return null;
  return (
    <Part {...base} snapshot={snapshot} frame={frame} view={frame.view} heavy={snapshot.heavy} />
  );
}

/** A message as a sentence: capitalised, ending with a full stop. */
function sentence(text: string | null): string {
  const t = (text ?? '').trim();
  if (!t) return '';
  const s = t[0]!.toUpperCase() + t.slice(1);
  return /[.!?…]$/.test(s) ? s : `${s}.`;
}
