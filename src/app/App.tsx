/** The app shell: header, routes, theme, help and keyboard shortcuts. */
import { lazy, Suspense, useCallback, useEffect } from 'react';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { ensureAllExperimentInfo, ensureAllModelInfo } from '../widget/models';
import { HelpDialog } from './HelpDialog';
import { pageOf, useRoute, type Page } from './router';
import { useShortcuts } from './shortcuts';
import { resolveTheme, useUi, type ThemeChoice } from './store';

// Each page is its own chunk: a lesson page does not download the experiments page, and so on.
// Model and experiment descriptions are small chunks of their own (src/widget/models.ts): a lesson
// page loads the ones it uses; the other pages list or edit any model, so they wait for all of them
// (and the experiments page and the code lab for every experiment's too).
const withInfo = <M,>(page: Promise<M>, experiments = false): Promise<M> =>
  Promise.all([page, ensureAllModelInfo(), experiments ? ensureAllExperimentInfo() : null]).then(
    ([m]) => m,
  );
const Home = lazy(() => withInfo(import('./pages/Home')).then((m) => ({ default: m.Home })));
const LessonPage = lazy(() =>
  import('./pages/LessonPage').then((m) => ({ default: m.LessonPage })),
);
const PlaygroundPage = lazy(() =>
  withInfo(import('./pages/PlaygroundPage')).then((m) => ({ default: m.PlaygroundPage })),
);
const PlaygroundIndex = lazy(() =>
  withInfo(import('./pages/PlaygroundIndex')).then((m) => ({ default: m.PlaygroundIndex })),
);
const ExperimentsPage = lazy(() =>
  withInfo(import('./pages/ExperimentsPage'), true).then((m) => ({ default: m.ExperimentsPage })),
);
// The editor pages load Monaco (lazily again, inside): nothing of it is in the initial bundle.
const EditorPage = lazy(() =>
  withInfo(import('./pages/EditorPage')).then((m) => ({ default: m.EditorPage })),
);
const LabPage = lazy(() =>
  withInfo(import('./pages/LabPage'), true).then((m) => ({ default: m.LabPage })),
);
const EmbedPage = lazy(() =>
  withInfo(import('./pages/EmbedPage')).then((m) => ({ default: m.EmbedPage })),
);
const PracticePage = lazy(() =>
  withInfo(import('./pages/PracticePage')).then((m) => ({ default: m.PracticePage })),
);
const CheckPage = lazy(() => import('./pages/CheckPage').then((m) => ({ default: m.CheckPage })));

const NEXT_THEME: Record<ThemeChoice, ThemeChoice> = { auto: 'light', light: 'dark', dark: 'auto' };

export function App() {
  const route = useRoute();
  const theme = useUi((s) => s.theme);
  const setTheme = useUi((s) => s.setTheme);
  const helpOpen = useUi((s) => s.helpOpen);
  const setHelpOpen = useUi((s) => s.setHelpOpen);
  const toggleHelp = useCallback(() => setHelpOpen(!useUi.getState().helpOpen), [setHelpOpen]);
  useShortcuts(toggleHelp);

  useEffect(() => {
    const apply = () => (document.documentElement.dataset.theme = resolveTheme(theme));
    apply();
    const mq = matchMedia('(prefers-color-scheme: dark)');
    mq.addEventListener('change', apply);
    return () => mq.removeEventListener('change', apply);
  }, [theme]);

  const [section, arg] = route.parts;
  useEffect(() => {
    if (section !== 'lesson') document.title = 'DS Playground';
    window.scrollTo(0, 0);
  }, [section, arg]);

  const page = pageElement(pageOf(route), route.query);

  return (
    <>
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => (e.preventDefault(), document.getElementById('main')?.focus())}
      >
        Skip to content
      </a>
      <header className="app-header">
        {/* Out of the Tab order: "Course" in the nav is the same link, one stop later. */}
        <a className="brand" href="#/" aria-label="DS Playground home" tabIndex={-1}>
          <img src="./favicon.svg" alt="" width="24" height="24" /> DS Playground
        </a>
        <nav aria-label="Main">
          <a href="#/" aria-current={!section ? 'page' : undefined}>
            Course
          </a>
          <a href="#/play" aria-current={section === 'play' ? 'page' : undefined}>
            Playground
          </a>
          <a href="#/experiments" aria-current={section === 'experiments' ? 'page' : undefined}>
            Experiments
          </a>
          <a
            href="#/editor"
            aria-current={section === 'editor' || section === 'lab' ? 'page' : undefined}
          >
            Editor
          </a>
          <a href="#/embed" aria-current={section === 'embed' ? 'page' : undefined}>
            Embed
          </a>
          <a href="#/check" aria-current={section === 'check' ? 'page' : undefined}>
            Checker
          </a>
        </nav>
        <div className="header-tools">
          <button
            type="button"
            onClick={() => setTheme(NEXT_THEME[theme])}
            aria-label={`Theme: ${theme}. Change theme`}
            title="Theme: light, dark or follow the system"
          >
            {theme === 'dark' ? '☾ Dark' : theme === 'light' ? '☀ Light' : '◐ Auto'}
          </button>
          <button
            type="button"
            onClick={toggleHelp}
            aria-keyshortcuts="?"
            title="Keyboard shortcuts (?)"
          >
            ? Help
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <ErrorBoundary label="This page">
          <Suspense fallback={<p className="muted">Loading…</p>}>{page}</Suspense>
        </ErrorBoundary>
      </main>
      <footer className="app-footer">
        <p>
          DS Playground runs entirely in your browser: no server, no tracking. Simulations are
          seeded and replay bit for bit.
        </p>
      </footer>
      <HelpDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
    </>
  );
}

function pageElement(p: Page, query: URLSearchParams) {
  switch (p.kind) {
    case 'home':
      return <Home />;
    case 'not-found':
      return <NotFound path={p.path} {...(p.why ? { why: p.why } : {})} />;
    case 'lesson':
      return <LessonPage id={p.id} />;
    case 'play':
      return <PlaygroundPage key={p.model} model={p.model} query={query} />;
    case 'play-index':
      return <PlaygroundIndex />;
    case 'experiments':
      return <ExperimentsPage id={p.id} />;
    case 'editor':
      return <EditorPage model={p.model} query={query} />;
    case 'lab':
      return <LabPage model={p.model} />;
    case 'embed':
      return <EmbedPage query={query} />;
    case 'check':
      return <CheckPage />;
    case 'practice':
      return <PracticePage model={p.model} query={query} />;
  }
}

function NotFound({ path, why }: { path: string; why?: string }) {
  return (
    <div className="page" role="alert">
      <h1>Page not found</h1>
      <p>
        Nothing lives at <code>#/{path}</code>
        {why ? ` (${why})` : ''}. <a href="#/">Go to the course map</a> or{' '}
        <a href="#/play">the playground</a>.
      </p>
    </div>
  );
}
