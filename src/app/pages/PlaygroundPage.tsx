/**
 * A model's playground: the widget at full size, opened from a preset or a share link. A bad
 * link shows what is wrong (field and limit) and runs the default preset instead.
 */
import { useMemo, useState } from 'react';
import { MODEL_INFOS, modelInfo } from '../../widget/models';
import type { Scenario } from '../../sim/core/types';
import { ErrorList } from '../../ui/ErrorList';
import { getWidget } from '../../widget/handles';
import { editorHash, encodeScenario, shareHash, shareUrl } from '../../widget/share';
import { Widget } from '../../widget/Widget';
import { href } from '../router';
import { ShareBox, type Shared } from './ShareBox';
import { scenarioFromQuery } from './scenarioFromQuery';

export function PlaygroundPage({ model, query }: { model: string; query: URLSearchParams }) {
  const meta = modelInfo(model);
  const queryKey = query.toString();
  const { scenario, atMs, errors } = useMemo(
    () => scenarioFromQuery(model, query),
    // The query string is the identity of what to load.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [model, queryKey],
  );
  const [shared, setShared] = useState<Shared | null>(null);

  if (!meta) {
    return (
      <div className="page">
        <h1>No such model</h1>
        <p>
          <code>{model}</code> is not a model here. Try{' '}
          {MODEL_INFOS.map((m, i) => (
            <span key={m.id}>
              {i > 0 ? ', ' : ''}
              <a href={href('play', m.id)}>{m.title}</a>
            </span>
          ))}
          .
        </p>
      </div>
    );
  }

  // Opens the editor with what the widget runs now, the learner's actions included.
  const editAsJson = (e: React.MouseEvent) => {
    const h = getWidget('playground');
    const s = h?.scenario();
    if (!h || !s) return;
    e.preventDefault();
    location.hash = editorHash(s, h.time());
  };

  const onShare = (s: Scenario, t: number) => {
    const url = shareUrl(s, t);
    history.replaceState(null, '', shareHash(s, t));
    setShared({ url, scenario: s, t });
    void navigator.clipboard?.writeText(url).catch(() => {});
  };

  return (
    <div className="playground">
      <header className="page-header">
        <h1>{meta.title}</h1>
        <p className="muted">{meta.summary}</p>
        <p>
          <a href={`${href('editor', meta.id)}?${queryKey}`} onClick={editAsJson}>
            Edit as JSON
          </a>{' '}
          <span className="muted">(the scenario running below, with your actions)</span>
        </p>
        <nav aria-label="Presets" className="presets">
          Presets:{' '}
          {meta.presets.map((p) => (
            <a
              key={p.id}
              href={`${href('play', meta.id)}?preset=${p.id}`}
              title={p.description}
              aria-current={query.get('preset') === p.id ? 'true' : undefined}
            >
              {p.title}
            </a>
          ))}
        </nav>
      </header>
      {errors.length > 0 && (
        <ErrorList
          title="This link has values the playground cannot use, so it opened the default scenario instead:"
          errors={errors}
        />
      )}
      {shared && (
        <ShareBox
          shared={shared}
          label="Link to this exact run (copied to the clipboard):"
          onClose={() => setShared(null)}
        />
      )}
      <p className="embed-link">
        <a
          href={`#/embed?model=${meta.id}`}
          onClick={(e) => {
            // The exact run as it stands (learner inputs included), not the link it opened from.
            const s = getWidget('playground')?.scenario();
            if (!s) return;
            e.preventDefault();
            location.hash = `/embed?s=${encodeScenario(s)}`;
          }}
        >
          Embed this run in your docs…
        </a>
      </p>
      {scenario && (
        <Widget
          key={queryKey}
          id="playground"
          scenario={scenario}
          atMs={atMs}
          height={520}
          onShare={onShare}
        />
      )}
    </div>
  );
}
