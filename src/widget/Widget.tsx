/**
 * The one widget: a model's drawing, playback bar, params panel, actions, metrics, invariants
 * and event log around a simulation host. Lessons, the playground, the embed element and the
 * editor all mount this component.
 */
import {
  lazy,
  Suspense,
  useCallback,
  useEffect,
  useId,
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
import { useReducedMotion, useSize } from '../ui/hooks';
import { PlaybackBar } from '../ui/PlaybackBar';
import { VIEWS } from '../views/registry';
import type { LearnerInput, ModelViews, ViewProps } from '../views/types';
import type { WorkerPool } from '../worker/workerPool';
import { setActiveWidget } from './handles';
import { ensureModelInfo, modelIds, modelInfo } from './models';
import { checkValues } from '../ui/schemaFields';
import { useWidgetController } from './useWidgetController';
import { ALL_CONTROLS, type Control } from './controls';

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
}

/** The lifecycle as the outside sees it (also the root's `data-state`). */
export type WidgetStatus = 'booting' | 'loading' | 'invalid' | 'paused' | 'playing' | 'crashed';

const viewCache = new Map<string, ReturnType<typeof lazyViews>>();
function lazyViews(model: string) {
  const load = VIEWS[model];
  if (!load) return null;
  const views = load();
  const part = (k: keyof ModelViews) =>
    lazy(async () => {
      const v = await views;
      const C = v[k];
      return { default: (C ?? (() => null)) as React.ComponentType<ViewProps> };
    });
  return {
    Main: part('Main'),
    Side: part('Side'),
    Actions: part('Actions'),
    // The view's CSS lives inside the widget so it reaches shadow roots (embeds) too.
    Style: lazy(async () => {
      const v = await views;
      return { default: () => (v.css ? <style>{v.css}</style> : null) };
    }),
    hasActions: views.then((v) => !!v.Actions),
  };
}
const viewsOf = (model: string) => {
  if (!viewCache.has(model)) viewCache.set(model, lazyViews(model));
  return viewCache.get(model) ?? null;
};

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
  });
  const reducedMotion = useReducedMotion();
  const stage = useRef<HTMLDivElement>(null);
  const size = useSize(stage, { width: 640, height: props.height ?? 420 });
  const views = viewsOf(meta.id);
  const [actionError, setActionError] = useState<string | null>(null);
  const root = useRef<HTMLDivElement>(null);
  // Test hook: browser tests crash the worker to check that the widget recovers.
  useEffect(() => {
    const el = root.current;
    if (!el || !handle) return;
    const crash = () => handle.crashForTest();
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
  const viewProps: ViewProps = {
    snapshot,
    virtualNow: () => store.virtualNow(),
    send,
    reducedMotion,
    width: size.width,
    height: props.height ?? 420,
  };

  const status = (
    state ? (ready ? (playing ? 'playing' : 'paused') : String(state.value)) : 'booting'
  ) as WidgetStatus;
  const onStatus = props.onStatus;
  const invalidErrors = status === 'invalid' ? ctx?.errors : undefined;
  useEffect(() => {
    onStatus?.(status, (invalidErrors ?? []).map(formatError));
  }, [onStatus, status, invalidErrors]);

  return (
    <div
      className="widget"
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
      {views ? (
        <Suspense fallback={null}>
          <views.Style />
        </Suspense>
      ) : null}
      {props.title ? <h2 className="widget-title">{props.title}</h2> : null}
      {state?.matches('invalid') && ctx ? (
        <ErrorList
          title="This scenario is not valid; nothing was run."
          errors={ctx.errors.map(formatError)}
        />
      ) : null}
      {state?.matches('crashed') && ctx ? (
        <div className="error-box" role="alert">
          <strong>The simulation stopped unexpectedly.</strong> {ctx.crash}{' '}
          {ctx.crashes <= 3
            ? 'Restarting from your scenario…'
            : 'It keeps crashing; reload the page to try again.'}
        </div>
      ) : null}
      {controls.has('actions') && views ? (
        <ErrorBoundary label="The actions">
          <Suspense fallback={null}>
            <ActionsSlot
              views={views}
              viewProps={viewProps}
              meta={meta}
              send={send}
              disabled={!ready}
            />
          </Suspense>
        </ErrorBoundary>
      ) : null}
      {actionError ? (
        <p className="field-error" role="alert">
          {actionError}
        </p>
      ) : null}
      <div className="widget-body">
        <div className="stage" ref={stage} style={{ height: props.height ?? 420 }}>
          <ErrorBoundary label="The drawing">
            <Suspense fallback={<p className="muted">Loading the drawing…</p>}>
              {!views ? (
                <p className="muted">
                  {meta.title} has no drawing yet; its metrics, invariants and event log still run.
                </p>
              ) : frame ? (
                <LiveView View={views.Main} store={store} props={viewProps} />
              ) : (
                <p className="muted">Starting the simulation…</p>
              )}
            </Suspense>
          </ErrorBoundary>
        </div>
        {(controls.has('metrics') || controls.has('invariants')) && (
          // A group, not an <aside>: several widgets on a page must not repeat landmarks. It
          // scrolls within the drawing's height, so long metrics never leave an empty band.
          <div
            className="side"
            role="group"
            style={{ maxHeight: props.height ?? 420 }}
            tabIndex={0}
            aria-label={`${label}: load, metrics and invariants`}
          >
            <ErrorBoundary label="The side panel">
              <Suspense fallback={null}>
                {views && frame ? <views.Side {...viewProps} /> : null}
              </Suspense>
            </ErrorBoundary>
            <Suspense fallback={null}>
              {controls.has('metrics') && frame ? (
                <MetricsPanel
                  metas={meta.metrics}
                  values={frame.metrics}
                  series={snapshot.series}
                />
              ) : null}
              {controls.has('invariants') && frame ? (
                <InvariantsPanel items={frame.invariants} />
              ) : null}
            </Suspense>
          </div>
        )}
      </div>
      {controls.has('playback') && (
        <PlaybackBar
          t={frame?.t ?? 0}
          horizonMs={frame?.status.horizonMs ?? 0}
          playing={playing}
          speed={frame?.status.speed ?? 1}
          lagging={frame?.status.lagging ?? false}
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
      )}
      {(controls.has('params') || controls.has('log')) && (
        <div className="widget-panels">
          <Suspense fallback={null}>
            {controls.has('params') && frame ? (
              <ParamsPanel
                schema={meta.params}
                values={frame.params}
                validate={validate}
                onApply={(patch) => send({ action: 'set', params: patch })}
                disabled={!ready}
              />
            ) : null}
            {controls.has('log') ? (
              <EventLog
                events={snapshot.history}
                start={snapshot.logStart}
                now={snapshot.frame?.t ?? 0}
                onSeek={(t) => handle?.seek(t)}
              />
            ) : null}
          </Suspense>
        </div>
      )}
    </div>
  );
}

/**
 * The drawing re-renders on every frame; everything else in the widget follows the store's slow
 * channel (5 times a second), so panels and charts never compete with the animation.
 */
function LiveView({
  View,
  store,
  props,
}: {
  View: React.ComponentType<ViewProps>;
  store: FrameStore;
  props: ViewProps;
}) {
  const snapshot = useSyncExternalStore(store.subscribe, store.get);
  return <View {...props} snapshot={snapshot} />;
}

function ActionsSlot({
  views,
  viewProps,
  meta,
  send,
  disabled,
}: {
  views: NonNullable<ReturnType<typeof viewsOf>>;
  viewProps: ViewProps;
  meta: ModelInfo;
  send(i: LearnerInput): void;
  disabled: boolean;
}) {
  const [custom, setCustom] = useState<boolean | null>(null);
  useEffect(() => {
    let live = true;
    void views.hasActions.then((v) => live && setCustom(v));
    return () => {
      live = false;
    };
  }, [views]);
  if (custom === null) return null;
  if (custom && viewProps.snapshot.frame) return <views.Actions {...viewProps} />;
  return <ActionsBar info={meta} send={send} disabled={disabled} />;
}
