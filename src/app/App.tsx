/** The app shell: header, routes, theme, help and keyboard shortcuts. */
import { lazy, Suspense, useCallback, useEffect } from 'react';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { ensureAllExperimentInfo, ensureAllModelInfo } from '../widget/models';
import { HelpDialog } from './HelpDialog';
import { useRoute } from './router';
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

  // How many path segments each section takes: more is a link to nothing, not to its parent.
  const depth: Record<string, number> = {
    lesson: 2,
    play: 2,
    experiments: 2,
    editor: 2,
    lab: 2,
    embed: 1,
    check: 1,
    practice: 2,
  };
  const known = section !== undefined && Object.hasOwn(depth, section);
  let page;
  if (route.malformed !== undefined)
    page = <NotFound path={route.malformed} why="its % escapes are not valid" />;
  else if (!section) page = <Home />;
  else if (!known || route.parts.length > depth[section]!)
    page = <NotFound path={route.parts.join('/')} />;
  else if (section === 'lesson' && arg) page = <LessonPage id={arg} />;
  else if (section === 'play' && arg)
    page = <PlaygroundPage key={arg} model={arg} query={route.query} />;
  else if (section === 'play') page = <PlaygroundIndex />;
  else if (section === 'experiments') page = <ExperimentsPage id={arg} />;
  else if (section === 'editor') page = <EditorPage model={arg} query={route.query} />;
  else if (section === 'lab') page = <LabPage model={arg} />;
  else if (section === 'embed') page = <EmbedPage query={route.query} />;
  else if (section === 'check') page = <CheckPage />;
  else if (section === 'practice') page = <PracticePage model={arg} query={route.query} />;
  else page = <NotFound path={route.parts.join('/')} />;

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
