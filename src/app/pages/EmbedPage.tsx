/**
 * `#/embed`: the snippet that puts the current scenario (or a chosen preset) into anyone's docs,
 * as a script tag plus `<ds-playground>` or as an iframe, with a live preview and short guides.
 * The playground's "Embed" link opens it with `?s=` (the exact run).
 */
import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { formatError } from '../../sim/core/errors';
import { ErrorList } from '../../ui/ErrorList';
import { scenarioFromAttrs } from '../../widget/attrs';
// From the widget's module: this page shares the widget's chunk instead of splitting it.
import { ALL_CONTROLS, type Control } from '../../widget/Widget';
import { MODEL_INFOS, modelInfo } from '../../widget/models';
import { estimatedHeight } from '../../embed/estimate';
import {
  DEFAULT_OPTIONS,
  HEIGHT_MAX,
  HEIGHT_MIN,
  type EmbedOptions,
  type Loading,
  type Theme,
} from '../../embed/options';
import {
  iframeSnippet,
  iframeUrl,
  scriptSnippet,
  scriptUrl,
  type EmbedSource,
} from '../../embed/snippet';
import { EmbedGuides } from './EmbedGuides';
import { Snippet } from './Snippet';
import './EmbedPage.css';

/** Where this app is hosted (its folder), so snippets point at this very build. */
const appBase = (): string => `${location.origin}${location.pathname.replace(/[^/]*$/, '')}`;

export function EmbedPage({ query }: { query: URLSearchParams }) {
  const queryKey = query.toString();
  // A shared scenario (`?s=`) if the link carries one; its errors say what was wrong with it.
  const shared = useMemo(() => {
    if (!query.has('s')) return null;
    return scenarioFromAttrs({ s: query.get('s') ?? undefined });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [queryKey]);
  const sharedScenario = shared?.ok ? shared.value : null;
  const [useShared, setUseShared] = useState(true);
  const [model, setModel] = useState(
    () => sharedScenario?.model ?? modelInfo(query.get('model') ?? '')?.id ?? 'hashring',
  );
  const info = modelInfo(model) ?? MODEL_INFOS[0]!;
  const [preset, setPreset] = useState(() => query.get('preset') ?? info.presets[0]?.id ?? '');
  const [options, setOptions] = useState<EmbedOptions>(DEFAULT_OPTIONS);
  const set = (patch: Partial<EmbedOptions>) => setOptions((o) => ({ ...o, ...patch }));

  const source: EmbedSource =
    sharedScenario && useShared
      ? { kind: 'scenario', scenario: sharedScenario }
      : {
          kind: 'preset',
          model: info.id,
          preset: info.presets.some((p) => p.id === preset) ? preset : (info.presets[0]?.id ?? ''),
        };
  const shownInfo = modelInfo(source.kind === 'scenario' ? source.scenario.model : info.id);
  const title = shownInfo?.title;
  const base = appBase();
  const preview = iframeUrl({ base, source, options: { ...options, autoplay: false } });
  const measured = usePreviewHeight(preview);
  const input = {
    base,
    source,
    options,
    title: title ?? info.id,
    ...(shownInfo && { info: shownInfo }),
  };
  const iframeCode = iframeSnippet(input).replace(
    /height="\d+"/,
    `height="${measured ?? estimatedHeight(options, shownInfo)}"`,
  );

  return (
    <div className="page embed-page">
      <h1>Embed a widget in your docs</h1>
      <p className="muted">
        Put a live, seeded simulation into any page: a script tag and a{' '}
        <code>&lt;ds-playground&gt;</code> element where scripts are allowed, an iframe where they
        are not. The snippets point at this build ({base}); host the <code>dist/</code> folder
        anywhere (it sends no requests elsewhere) and they keep working.
      </p>
      {query.has('model') && !modelInfo(query.get('model') ?? '') ? (
        <ErrorList
          title="The model in this link is not one here; showing another instead:"
          errors={[
            `model: "${query.get('model')}" is not a known model (${MODEL_INFOS.map((m) => m.id).join(', ')})`,
          ]}
        />
      ) : null}
      {shared && !shared.ok ? (
        <ErrorList
          title="The scenario in this link cannot be embedded; choose a preset instead:"
          errors={shared.errors.map(formatError)}
        />
      ) : null}

      <form className="embed-form" onSubmit={(e) => e.preventDefault()}>
        <fieldset>
          <legend>What to show</legend>
          {sharedScenario ? (
            <label className="check">
              <input
                type="checkbox"
                checked={useShared}
                onChange={(e) => setUseShared(e.target.checked)}
              />{' '}
              The exact run from your link ({modelInfo(sharedScenario.model)?.title},{' '}
              {sharedScenario.inputs.length} inputs)
            </label>
          ) : null}
          <Field label="Model">
            {(id) => (
              <select
                id={id}
                value={info.id}
                disabled={source.kind === 'scenario'}
                onChange={(e) => {
                  setModel(e.target.value);
                  setPreset(modelInfo(e.target.value)?.presets[0]?.id ?? '');
                }}
              >
                {MODEL_INFOS.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.title}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Preset">
            {(id) => (
              <select
                id={id}
                value={source.kind === 'preset' ? source.preset : ''}
                disabled={source.kind === 'scenario'}
                onChange={(e) => setPreset(e.target.value)}
              >
                {source.kind === 'scenario' ? <option value="">(your run)</option> : null}
                {info.presets.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.title}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </fieldset>
        <fieldset>
          <legend>Controls</legend>
          {ALL_CONTROLS.map((c) => (
            <label key={c} className="check">
              <input
                type="checkbox"
                checked={options.controls.includes(c)}
                onChange={(e) =>
                  set({
                    controls: ALL_CONTROLS.filter((k) =>
                      k === c ? e.target.checked : options.controls.includes(k),
                    ) as Control[],
                  })
                }
              />{' '}
              {c}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Look and start</legend>
          <Field label="Drawing height (px)">
            {(id) => (
              <input
                id={id}
                type="number"
                min={HEIGHT_MIN}
                max={HEIGHT_MAX}
                step={10}
                value={options.height}
                onChange={(e) => {
                  const h = Number(e.target.value);
                  if (h >= HEIGHT_MIN && h <= HEIGHT_MAX) set({ height: h });
                }}
              />
            )}
          </Field>
          <Field label="Theme">
            {(id) => (
              <select
                id={id}
                value={options.theme}
                onChange={(e) => set({ theme: e.target.value as Theme })}
              >
                <option value="auto">auto (the reader&apos;s system)</option>
                <option value="light">light</option>
                <option value="dark">dark</option>
              </select>
            )}
          </Field>
          <Field label="Loading">
            {(id) => (
              <select
                id={id}
                value={options.loading}
                onChange={(e) => set({ loading: e.target.value as Loading })}
              >
                <option value="lazy">lazy (when scrolled to)</option>
                <option value="eager">eager</option>
              </select>
            )}
          </Field>
          <label className="check">
            <input
              type="checkbox"
              checked={options.autoplay}
              onChange={(e) => set({ autoplay: e.target.checked })}
            />{' '}
            Autoplay (when in view)
          </label>
        </fieldset>
      </form>

      <section aria-labelledby="embed-script">
        <h2 id="embed-script">Script tag</h2>
        <p className="muted">
          For pages that allow scripts. Load the script once per page; add as many elements as you
          like.
        </p>
        <Snippet code={scriptSnippet(input)} label="script snippet" />
      </section>
      <section aria-labelledby="embed-iframe">
        <h2 id="embed-iframe">Iframe</h2>
        <p className="muted">
          For pages that allow no scripts. The height is the preview&apos;s; see the guide for
          automatic height and for driving it with messages.
        </p>
        <Snippet code={iframeCode} label="iframe snippet" />
      </section>
      <section aria-labelledby="embed-preview">
        <h2 id="embed-preview">Preview</h2>
        <iframe
          className="embed-preview"
          src={preview}
          title={`Preview: DS Playground, ${title ?? info.id}`}
          style={{ height: measured ?? estimatedHeight(options, shownInfo) }}
        />
      </section>
      <EmbedGuides script={scriptUrl(base)} element={scriptSnippet(input).split('\n')[1]!} />
    </div>
  );
}

/** The preview iframe reports its height (same origin): size it, and the snippet, to fit. */
function usePreviewHeight(src: string): number | null {
  const [height, setHeight] = useState<{ src: string; h: number } | null>(null);
  const current = useRef(src);
  useEffect(() => {
    current.current = src;
    const on = (e: MessageEvent) => {
      const d = e.data as { type?: unknown; height?: unknown } | null;
      if (e.origin !== location.origin || d?.type !== 'ds-playground:height') return;
      const frame = document.querySelector<HTMLIFrameElement>('iframe.embed-preview');
      if (!frame || e.source !== frame.contentWindow || typeof d.height !== 'number') return;
      setHeight({ src: current.current, h: Math.ceil(d.height) });
    };
    addEventListener('message', on);
    return () => removeEventListener('message', on);
  }, [src]);
  return height && height.src === src ? height.h : null;
}

/** A label and its control, tied by id (the label's text alone names the control). */
function Field({ label, children }: { label: string; children(id: string): ReactNode }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </div>
  );
}
