/**
 * The code lab of a model (`#/lab/<model>`): write a strategy in TypeScript and compare it with
 * the built-in ones. Monaco and the lab load lazily, only here.
 */
import { lazy, Suspense } from 'react';
import { labOf, LABS } from '../../editor/lab/labs';
import { ErrorBoundary } from '../../ui/ErrorBoundary';
import { modelInfo } from '../../widget/models';
import '../../editor/editor.css';
import { href } from '../router';

const CodeLab = lazy(() =>
  import('../../editor/lab/CodeLab').then((m) => ({ default: m.CodeLab })),
);

export function LabPage({ model }: { model: string | undefined }) {
  const lab = model ? labOf(model) : undefined;
  const meta = model ? modelInfo(model) : undefined;
  if (!lab || !meta)
    return (
      <div className="page">
        <h1>No code lab here</h1>
        <p>
          Code labs:{' '}
          {LABS.map((l, i) => (
            <span key={l.model}>
              {i > 0 ? ', ' : ''}
              <a href={href('lab', l.model)}>{modelInfo(l.model)?.title ?? l.model}</a>
            </span>
          ))}
          .
        </p>
      </div>
    );
  return (
    <div className="editor-page">
      <header className="page-header">
        <h1>
          Code lab: {meta.title}. {lab.title}
        </h1>
        <p className="lab-intro">{lab.intro}</p>
        <nav className="editor-links" aria-label="Related pages">
          <a href={href('play', meta.id)}>Playground</a>
          <a href={href('editor', meta.id)}>Scenario editor</a>
          <a href={href('experiments', lab.experiment)}>The experiment</a>
        </nav>
      </header>
      <ErrorBoundary label="The code lab">
        <Suspense fallback={<p className="muted">Loading the editor…</p>}>
          <CodeLab key={lab.model} lab={lab} />
        </Suspense>
      </ErrorBoundary>
    </div>
  );
}
