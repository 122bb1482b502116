/**
 * The scenario editor: the scenario as JSON in Monaco beside the widget that runs it. Opened from
 * a playground ("Edit as JSON") with the scenario it runs, the learner's actions included; the
 * URL is `#/editor/<model>?s=<scenario>&t=<ms>`, the share-link format. Monaco loads only here,
 * lazily.
 */
import { lazy, Suspense, useState } from 'react';
import { labOf } from '../../editor/lab/labs';
import type { Scenario } from '../../sim/core/types';
import { ErrorBoundary } from '../../ui/ErrorBoundary';
import { ErrorList } from '../../ui/ErrorList';
import { getWidget } from '../../widget/handles';
import { MODEL_INFOS, modelInfo } from '../../widget/models';
import { editorHash, shareHash, shareUrl } from '../../widget/share';
import { Widget } from '../../widget/Widget';
import '../../editor/editor.css';
import { href } from '../router';
import { ShareBox, type Shared } from './ShareBox';
import { scenarioFromQuery } from './scenarioFromQuery';

const ScenarioEditor = lazy(() =>
  import('../../editor/scenario/ScenarioEditor').then((m) => ({ default: m.ScenarioEditor })),
);

const WIDGET_ID = 'editor';

export function EditorPage({
  model,
  query,
}: {
  model: string | undefined;
  query: URLSearchParams;
}) {
  if (!model) return <EditorIndex />;
  if (!modelInfo(model))
    return (
      <div className="page">
        <h1>No such model</h1>
        <p>
          <code>{model}</code> is not a model here. <a href={href('editor')}>Pick one</a>.
        </p>
      </div>
    );
  // A new URL (another model, a pasted link) starts the workspace afresh.
  return <Workspace key={`${model}?${query.toString()}`} model={model} query={query} />;
}

function Workspace({ model, query }: { model: string; query: URLSearchParams }) {
  const [start] = useState(() => scenarioFromQuery(model, query));
  const [running, setRunning] = useState({ scenario: start.scenario, atMs: start.atMs });
  const [shared, setShared] = useState<Shared | null>(null);
  const meta = modelInfo(running.scenario?.model ?? model)!;

  const widgetTime = () => getWidget(WIDGET_ID)?.time() ?? 0;
  const apply = (s: Scenario) => {
    setRunning({ scenario: s, atMs: 0 });
    setShared(null);
    history.replaceState(null, '', editorHash(s, 0));
  };
  const share = (s: Scenario, t: number) => {
    const url = shareUrl(s, t);
    setShared({ url, scenario: s, t });
    void navigator.clipboard?.writeText(url).catch(() => {});
  };
  // The editor shares its text; it keeps the widget's time when that is the scenario running.
  const shareFromEditor = (s: Scenario) =>
    share(s, JSON.stringify(s) === JSON.stringify(running.scenario) ? widgetTime() : 0);
  const openPlayground = (e: React.MouseEvent) => {
    const h = getWidget(WIDGET_ID);
    const s = h?.scenario();
    if (!h || !s) return;
    e.preventDefault();
    location.hash = shareHash(s, h.time());
  };

  return (
    <div className="editor-page">
      <header className="page-header">
        <h1>Scenario editor: {meta.title}</h1>
        <p className="muted">
          The scenario as JSON: model, params, seed and the timed inputs. Completion (Ctrl+Space)
          and hover come from the model’s schema; Apply runs it in the widget.
        </p>
        <nav className="editor-links" aria-label="Related pages">
          <a href={href('play', meta.id)} onClick={openPlayground}>
            Open in the playground
          </a>
          {labOf(meta.id) && <a href={href('lab', meta.id)}>Code lab: write your own strategy</a>}
        </nav>
      </header>
      {start.errors.length > 0 && (
        <ErrorList
          title="This link has values the editor cannot use, so it opened the default scenario instead:"
          errors={start.errors}
        />
      )}
      {shared && (
        <ShareBox
          shared={shared}
          label="Link to this scenario (copied to the clipboard):"
          onClose={() => setShared(null)}
        />
      )}
      <div className="editor-split">
        <ErrorBoundary label="The editor">
          <Suspense fallback={<p className="muted">Loading the editor…</p>}>
            {start.scenario && (
              <ScenarioEditor
                initial={start.scenario}
                onApply={apply}
                current={() => getWidget(WIDGET_ID)?.scenario() ?? null}
                onShare={shareFromEditor}
              />
            )}
          </Suspense>
        </ErrorBoundary>
        {running.scenario && (
          <Widget
            key={running.scenario.model}
            id={WIDGET_ID}
            scenario={running.scenario}
            atMs={running.atMs}
            height={420}
            onShare={share}
          />
        )}
      </div>
    </div>
  );
}

function EditorIndex() {
  return (
    <div className="page">
      <h1>Editor</h1>
      <p className="muted">
        Edit any model’s scenario as JSON, or write your own strategy in TypeScript and compare it
        with the built-in ones.
      </p>
      <ul className="lesson-cards">
        {MODEL_INFOS.map((m) => (
          <li key={m.id}>
            <div className="lesson-card">
              <span className="lesson-title">{m.title}</span>
              <span className="lesson-summary">
                <a href={href('editor', m.id)}>Scenario editor</a>
                {labOf(m.id) && (
                  <>
                    {' · '}
                    <a href={href('lab', m.id)}>Code lab</a>
                  </>
                )}
              </span>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
