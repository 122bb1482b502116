/** The experiments of every model, runnable in a worker pool. */
import { lazy, Suspense } from 'react';
import { EXPERIMENT_INFOS, modelInfo } from '../../widget/models';
import { href } from '../router';

const ExperimentRunner = lazy(() =>
  import('../../widget/ExperimentRunner').then((m) => ({ default: m.ExperimentRunner })),
);

export function ExperimentsPage({ id }: { id: string | undefined }) {
  const meta = EXPERIMENT_INFOS.find((e) => e.id === id);
  return (
    <div className="page experiments-page">
      <h1>Experiments</h1>
      <p className="muted">
        Each experiment is the same code that <code>npm run experiment</code> runs in Node; here it
        runs in a pool of web workers. Same params and seed, same numbers.
      </p>
      {meta ? (
        <>
          <nav aria-label="Experiments" className="presets">
            {EXPERIMENT_INFOS.map((e) => (
              <a
                key={e.id}
                href={href('experiments', e.id)}
                aria-current={e.id === id ? 'page' : undefined}
              >
                {e.title}
              </a>
            ))}
          </nav>
          <section aria-labelledby="exp-title">
            <h2 id="exp-title">{meta.title}</h2>
            <Suspense fallback={<p className="muted">Loading…</p>}>
              <ExperimentRunner key={meta.id} id={meta.id} />
            </Suspense>
          </section>
        </>
      ) : (
        <ul className="lesson-cards experiment-cards">
          {EXPERIMENT_INFOS.map((e) => (
            <li key={e.id}>
              <a className="lesson-card" href={href('experiments', e.id)}>
                <span className="lesson-title">{e.title}</span>
                <span className="lesson-summary">{e.description}</span>
                <span className="lesson-meta">
                  {modelInfo(e.model)?.title ?? e.model} · <code>{e.id}</code>
                </span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
