/** One lesson: its text with live widgets, prerequisites, and links to the next and previous. */
import type { LessonNode } from '../../lessons/tree';
import { useEffect, useState } from 'react';
import { loaders } from 'virtual:lessons';
import { LessonContext } from '../../lessons/context';
import { LessonBody } from '../../lessons/LessonBody';
import { lessonNeeds } from '../../lessons/needs';
import { markVisited } from '../../lessons/progress';
import { PHASES } from '../../lessons/phases';
import { ErrorBoundary } from '../../ui/ErrorBoundary';
import { ensureExperimentInfo, ensureModelInfo } from '../../widget/models';
import { shareHash } from '../../widget/share';
import { LISTED, lessonById } from '../lessonIndex';
import { href } from '../router';

export function LessonPage({ id }: { id: string }) {
  const meta = lessonById(id);
  // Keyed by lesson id, so a stale lesson never shows while the next one loads.
  const [loaded, setLoaded] = useState<{ id: string; tree?: LessonNode[]; error?: string } | null>(
    null,
  );

  useEffect(() => {
    // Own keys only: `#/lesson/__proto__` is no lesson.
    const load = Object.hasOwn(loaders, id) ? loaders[id] : undefined;
    if (!load) return;
    let live = true;
    // The descriptions of the models and experiments the lesson uses load with its text (its own
    // model at once, beside it), so every directive renders with them at hand.
    const model = lessonById(id)?.model;
    Promise.all([load(), model ? ensureModelInfo(model) : null])
      .then(async ([m]) => {
        const needs = lessonNeeds(m.default.tree, model);
        await Promise.all([
          ...needs.models.map(ensureModelInfo),
          ...needs.experiments.map(ensureExperimentInfo),
        ]);
        return m.default.tree;
      })
      .then(
        (tree) => live && setLoaded({ id, tree }),
        (e: unknown) => live && setLoaded({ id, error: String(e) }),
      );
    markVisited(id);
    return () => {
      live = false;
    };
  }, [id]);
  const tree = loaded?.id === id ? loaded.tree : undefined;
  const error = loaded?.id === id ? loaded.error : undefined;

  // The site header's height, for the sticky widget column and the widgets' height limit.
  useEffect(() => {
    const header = document.querySelector('.app-header');
    if (!header || typeof ResizeObserver === 'undefined') return;
    const root = document.documentElement;
    const ro = new ResizeObserver(() =>
      root.style.setProperty('--app-header-h', `${header.getBoundingClientRect().height}px`),
    );
    ro.observe(header);
    return () => {
      ro.disconnect();
      root.style.removeProperty('--app-header-h');
    };
  }, []);

  useEffect(() => {
    if (meta) document.title = `${meta.title} · DS Playground`;
  }, [meta]);

  if (!meta) {
    return (
      <div className="page">
        <h1>No such lesson</h1>
        <p>
          There is no lesson called <code>{id}</code>. <a href="#/">Back to the course map</a>.
        </p>
      </div>
    );
  }
  const i = LISTED.findIndex((l) => l.id === id);
  const prev = i > 0 ? LISTED[i - 1] : undefined;
  const next = i >= 0 ? LISTED[i + 1] : undefined;
  const phase = PHASES.find((p) => p.id === meta.phase);
  return (
    <article className="lesson" aria-labelledby="lesson-title">
      <header className="lesson-header">
        <p className="crumbs">
          {/* The header's "Course" is the same link: one Tab stop, not two. */}
          <a href="#/" tabIndex={-1}>
            Course
          </a>{' '}
          › Phase {meta.phase}: {phase?.title}
        </p>
        <h1 id="lesson-title">{meta.title}</h1>
        <p className="lesson-summary">{meta.summary}</p>
        <p className="muted">
          About {meta.minutes} minutes.
          {meta.prerequisites.length > 0 && (
            <>
              {' '}
              Before this:{' '}
              {meta.prerequisites.map((p, k) => (
                <span key={p}>
                  {k > 0 ? ', ' : ''}
                  <a href={href('lesson', p)}>{lessonById(p)?.title ?? p}</a>
                </span>
              ))}
              .
            </>
          )}
        </p>
      </header>
      <LessonContext.Provider
        value={{
          lessonId: id,
          model: meta.model,
          onShare: (s, t) => {
            location.hash = shareHash(s, t);
          },
        }}
      >
        <ErrorBoundary label="This lesson">
          <div className="lesson-body">
            {error ? (
              <p role="alert">Could not load the lesson: {error}</p>
            ) : tree ? (
              <LessonBody tree={tree} />
            ) : (
              <p className="muted">Loading…</p>
            )}
          </div>
        </ErrorBoundary>
      </LessonContext.Provider>
      <nav className="lesson-nav" aria-label="Lesson navigation">
        {prev ? <a href={href('lesson', prev.id)}>← {prev.title}</a> : <span />}
        {next ? (
          <a href={href('lesson', next.id)}>{next.title} →</a>
        ) : (
          <a href="#/">Back to the course map</a>
        )}
      </nav>
    </article>
  );
}
