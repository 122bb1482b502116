/**
 * `<ds-playground>`: the one widget in a shadow root, for anyone's docs page.
 *
 * Attributes: the scenario (`model`, `preset`, `seed`, `param-<name>`, `inputs=none`, or
 * `scenario=<encoded share link>`), plus `controls`, `autoplay`, `theme`, `height`, `loading`,
 * `label`. Properties `status` and `errors` say where it stands.
 * Events: `ds-ready`, `ds-event` (one per simulation log event), `ds-error`.
 * Methods: `play()`, `pause()`, `reset()`, `seek(ms)`.
 * Off-screen (or in a hidden tab) a playing widget pauses, and resumes when seen again.
 * Keys act only while focus is inside the element, and the keys it owns (its shortcuts, and
 * anything typed into its fields) stop at its boundary, so the host page's shortcuts do not
 * fire too. `theme="auto"` follows the host page's dark mode when it has one (pageTheme.ts).
 * Attributes that do not change the scenario (theme, height, label, controls, class, style,
 * data-*, aria-*) keep the run; a scenario attribute whose value changes starts a new one.
 */
import { createElement, startTransition } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { formatError } from '../sim/core/errors';
import type { LogEvent, Scenario } from '../sim/core/types';
import { scenarioFromAttrs, type Attrs } from '../widget/attrs';
import { getWidget, type WidgetHandle } from '../widget/handles';
import { ownsKey, widgetKey } from '../widget/keys';
import { ensureModelInfo, modelIds, modelInfo } from '../widget/models';
import { decodeScenario, shareHash } from '../widget/share';
import type { WidgetStatus } from '../widget/Widget';
import { EmbedWidget, preloadWidget } from './EmbedWidget';
import type { TourSteps } from '../widget/tour/registry';
import { stepsFromJson } from '../widget/tour/stepSchema';
import { estimatedHeight } from './estimate';
import { parseEmbedOptions, type EmbedOptions } from './options';
import { resolveScheme, watchPageScheme } from './pageTheme';
import { sameScenario } from './sameScenario';
import { adoptStyles } from './styles';
import { watchVisibility } from './visibility';
import { embedPool } from './worker';

export interface DsReadyDetail {
  model: string;
  scenario: Scenario;
}
export interface DsErrorDetail {
  /**
   * `attribute`: a bad attribute; `scenario`: the simulation refused it; `crash`: it stopped;
   * `network`: the model's code could not be fetched.
   */
  kind: 'attribute' | 'scenario' | 'crash' | 'network';
  errors: string[];
}

let instances = 0;

export class DsPlaygroundElement extends HTMLElement {
  /** The app's page: "Open in DS Playground" opens the run there (null: no such button). */
  static appUrl: string | null = null;
  readonly #id = `dsp-embed-${++instances}`;
  readonly #container: HTMLDivElement;
  #root: Root | null = null;
  #mutations: MutationObserver | null = null;
  #unwatch: (() => void) | null = null;
  #unwatchScheme: (() => void) | null = null;
  /** Custom states (`:state(dark)`) where the browser has them. */
  readonly #internals: ElementInternals | null;
  #scenario: Scenario | null = null;
  #options: EmbedOptions | null = null;
  #errors: string[] = [];
  /** The `tour` attribute's steps, kept while its text is the same (the widget compares them). */
  #tour: { raw: string; steps: TourSteps } | null = null;
  #status: WidgetStatus | 'idle' = 'idle';
  #handle: WidgetHandle | null = null;
  #pending: ((h: WidgetHandle) => void)[] = [];
  #started = false;
  #near = false;
  #loadingModel: string | null = null;
  /** A model whose description could not be fetched, and why. */
  #loadError: { model: string; message: string } | null = null;
  /** Paused because it went out of sight while playing: play again when seen. */
  #resume = false;

  constructor() {
    super();
    const shadow = this.attachShadow({ mode: 'open' });
    adoptStyles(shadow);
    this.#container = document.createElement('div');
    this.#container.className = 'dsp-root';
    // Focusable by click (not by Tab), so keys reach this widget after the reader clicks it.
    this.#container.tabIndex = -1;
    shadow.append(this.#container);
    this.#internals = typeof this.attachInternals === 'function' ? this.attachInternals() : null;
    for (const type of ['keydown', 'keypress', 'keyup'] as const)
      this.addEventListener(type, this.#onKey);
  }

  connectedCallback(): void {
    this.#mutations = new MutationObserver(() => this.#render());
    this.#mutations.observe(this, { attributes: true });
    this.#unwatch = watchVisibility(this, (near) => {
      this.#near = near;
      this.#onSight();
    });
    document.addEventListener('visibilitychange', this.#onSight);
    this.#unwatchScheme = watchPageScheme(this.#applyScheme);
    this.#render();
  }

  disconnectedCallback(): void {
    this.#mutations?.disconnect();
    this.#unwatch?.();
    this.#unwatchScheme?.();
    document.removeEventListener('visibilitychange', this.#onSight);
    // Moving the element (remove, then insert) keeps the running widget.
    queueMicrotask(() => {
      if (this.isConnected) return;
      this.#root?.unmount();
      this.#root = null;
      this.#started = false;
      this.#setStatus('idle');
    });
  }

  /**
   * `idle` (not started), `booting`, `loading`, `paused`, `playing`, `invalid`, `crashed`, or
   * `error` (bad attributes). With `errors`, for listeners added after the events fired.
   */
  get status(): string {
    return this.#errors.length ? 'error' : this.#status;
  }

  /** What is wrong with the attributes, one line each (empty when nothing is). */
  get errors(): string[] {
    return [...this.#errors];
  }

  /** Plays (now if the widget is in sight, else as soon as it is). */
  play(): void {
    this.#whenReady((h) => {
      if (this.#inSight()) h.play();
      else this.#resume = true;
    });
  }

  pause(): void {
    this.#resume = false;
    this.#whenReady((h) => h.pause());
  }

  /** Back to t = 0, paused, same scenario. */
  reset(): void {
    this.#resume = false;
    this.#whenReady((h) => h.reset());
  }

  /** Moves to virtual time `ms` (milliseconds from the start). */
  seek(ms: number): void {
    if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0)
      throw new RangeError(`seek(ms): ${String(ms)} is not a time in ms (a number >= 0)`);
    this.#whenReady((h) => h.seek(ms));
  }

  #inSight(): boolean {
    return this.#near && document.visibilityState !== 'hidden';
  }

  #render(): void {
    const attrs: Attrs = {};
    for (const a of Array.from(this.attributes)) attrs[a.name] = a.value;
    const { options, errors: optionErrors } = parseEmbedOptions(attrs);
    this.#options = options;
    this.#applyScheme();
    // Each model's description (schemas, presets) is its own small chunk: fetch it first.
    const model = requestedModel(attrs);
    const failed = this.#loadError;
    const loadError = failed && failed.model === model ? failed.message : null;
    if (model && !modelInfo(model) && modelIds().includes(model) && !loadError) {
      this.#scenario = null;
      this.#setStatus('idle');
      if (this.#loadingModel !== model) {
        this.#loadingModel = model;
        preloadWidget();
        ensureModelInfo(model).then(
          () => this.#modelLoaded(model),
          (e: unknown) =>
            this.#modelLoaded(
              model,
              `model: the description of "${model}" could not be loaded (${String(e)})`,
            ),
        );
      }
      this.#show(options, [], false);
      return;
    }
    const parsed = scenarioFromAttrs(attrs);
    const tour = attrs.tour === undefined ? null : stepsFromJson(attrs.tour);
    if (!tour?.ok) this.#tour = null;
    else if (this.#tour?.raw !== attrs.tour) this.#tour = { raw: attrs.tour!, steps: tour.value };
    const errors = [
      ...(loadError ? [loadError] : []),
      ...optionErrors.map(formatError),
      ...(parsed.ok ? [] : parsed.errors.map(formatError)),
      ...(tour && !tour.ok ? tour.errors.map(formatError) : []),
    ];
    const next = errors.length || !parsed.ok ? null : parsed.value;
    // Same value, same object: the widget keeps its run (the controller compares identity).
    if (!sameScenario(next, this.#scenario)) this.#scenario = next;
    // No widget while the attributes are wrong: drop its handle so methods wait for a good one.
    if (!this.#scenario) this.#setStatus('idle');
    if (errors.join('\n') !== this.#errors.join('\n')) {
      this.#errors = errors;
      if (errors.length)
        this.#fire<DsErrorDetail>('ds-error', {
          kind: loadError ? 'network' : 'attribute',
          errors,
        });
    }
    if (!this.#started && this.#scenario && (options.loading === 'eager' || this.#near)) {
      this.#started = true;
      preloadWidget();
    }
    this.#show(options, errors, this.#started);
  }

  #modelLoaded(model: string, error?: string): void {
    if (this.#loadingModel !== model) return;
    this.#loadingModel = null;
    this.#loadError = error ? { model, message: error } : null;
    if (this.isConnected) this.#render();
  }

  #show(options: EmbedOptions, errors: string[], started: boolean): void {
    // Reserve the widget's height now, not when React renders: the visibility observer must
    // see where widgets really are, or a page of lazy widgets would start many at once.
    if (errors.length) this.#reserve(0);
    else if (!started || !this.#ready())
      this.#reserve(
        estimatedHeight(
          options,
          this.#scenario ? modelInfo(this.#scenario.model) : undefined,
          this.clientWidth,
        ),
      );
    const root = (this.#root ??= createRoot(this.#container, { identifierPrefix: `${this.#id}-` }));
    // A transition renders in slices that yield to the page: twenty widgets starting together
    // do not block it in one long task.
    startTransition(() =>
      root.render(
        createElement(EmbedWidget, {
          id: this.#id,
          errors,
          scenario: this.#scenario,
          options,
          started,
          pool: embedPool(),
          onStatus: this.#onStatus,
          onEvent: this.#onEvent,
          ...(this.#tour ? { tour: this.#tour.steps } : {}),
          ...(DsPlaygroundElement.appUrl ? { onShare: this.#onShare } : {}),
        }),
      ),
    );
  }

  readonly #onSight = (): void => {
    if (!this.#started && this.#near && this.#scenario) this.#render();
    const h = this.#handle;
    if (!h) return;
    if (!this.#inSight() && this.#status === 'playing') {
      this.#resume = true;
      h.pause();
    } else if (this.#inSight() && this.#resume) {
      this.#resume = false;
      h.play();
    }
  };

  readonly #onStatus = (status: WidgetStatus, errors: readonly string[]): void => {
    const wasReady = this.#ready();
    this.#setStatus(status);
    if (status === 'invalid')
      this.#fire<DsErrorDetail>('ds-error', { kind: 'scenario', errors: [...errors] });
    if (status === 'crashed')
      this.#fire<DsErrorDetail>('ds-error', {
        kind: 'crash',
        errors: ['the simulation stopped unexpectedly; restarting it'],
      });
    if (status !== 'paused' && status !== 'playing') return;
    if (!wasReady) {
      this.#reserve(0);
      // Just loaded: take the handle, run what was asked before, then tell the page.
      this.#handle = getWidget(this.#id) ?? null;
      const h = this.#handle;
      if (!h || !this.#scenario) return;
      if (this.#options?.autoplay) this.#resume = true;
      for (const f of this.#pending.splice(0)) f(h);
      this.#fire<DsReadyDetail>('ds-ready', {
        model: this.#scenario.model,
        scenario: this.#scenario,
      });
    }
    // Pauses a widget that plays out of sight (a key pressed after scrolling away, say), and
    // starts one waiting for sight.
    this.#onSight();
  };

  #reserve(px: number): void {
    this.#container.style.minHeight = px ? `${px}px` : '';
  }

  #ready(): boolean {
    return this.#status === 'paused' || this.#status === 'playing';
  }

  #setStatus(status: WidgetStatus | 'idle'): void {
    this.#status = status;
    if (status !== 'paused' && status !== 'playing') this.#handle = null;
  }

  readonly #onEvent = (e: LogEvent): void => this.#fire('ds-event', e);

  readonly #onShare = (s: Scenario, t: number): void => {
    const app = DsPlaygroundElement.appUrl;
    if (app) window.open(`${app}${shareHash(s, t)}`, '_blank', 'noopener');
  };

  readonly #onKey = (e: KeyboardEvent): void => {
    // Inside a shadow root `e.target` is this element; the focused control is the path's start.
    const target = e.composedPath()[0] ?? null;
    if (e.type === 'keydown' && this.#handle) widgetKey(e, this.#handle, target);
    // Ours (typed into a field, or a shortcut): the host page's listeners must not see it.
    if (ownsKey(e, target)) e.stopPropagation();
  };

  /** Light or dark, as `theme` says (auto: the page's switch, else the system). */
  readonly #applyScheme = (): void => {
    const states = this.#internals?.states;
    if (!states) return;
    const dark = resolveScheme(this.#options?.theme ?? 'auto') === 'dark';
    try {
      if (dark) states.add('dark');
      else states.delete('dark');
    } catch {
      // Older engines accept only `--dark`; the system-preference fallback in CSS applies there.
    }
  };

  #whenReady(f: (h: WidgetHandle) => void): void {
    if (this.#handle) f(this.#handle);
    else this.#pending.push(f);
  }

  #fire<T>(type: string, detail: T): void {
    this.dispatchEvent(new CustomEvent<T>(type, { detail, bubbles: true }));
  }
}

/** The model an element asks for, from `model` or inside `scenario`, before any validation. */
function requestedModel(a: Attrs): string | undefined {
  if (a.model !== undefined) return a.model;
  const encoded = a.scenario ?? a.s;
  if (encoded === undefined) return undefined;
  const d = decodeScenario(encoded);
  const v = d.ok ? (d.value as { model?: unknown } | null) : null;
  return v && typeof v === 'object' && typeof v.model === 'string' ? v.model : undefined;
}
