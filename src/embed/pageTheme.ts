/**
 * What `theme="auto"` follows: the host page's own light/dark switch when it has one, else the
 * reader's system setting. Docs engines mark dark mode on <html> or <body>: VitePress
 * `class="dark"`, Docusaurus `data-theme="dark"`, MkDocs Material
 * `data-md-color-scheme="slate"`, others a `color-scheme` on the root. One observer per page
 * tells every widget when any of these change, so a site's toggle switches them live.
 */
export type Scheme = 'light' | 'dark';

/** The scheme one element (html or body) declares, or null when it says nothing. */
function declared(el: Element | null): Scheme | null {
  if (!el) return null;
  if (el.classList.contains('dark')) return 'dark';
  if (el.classList.contains('light')) return 'light';
  const theme = el.getAttribute('data-theme');
  if (theme === 'dark' || theme === 'light') return theme;
  const md = el.getAttribute('data-md-color-scheme');
  if (md === 'slate') return 'dark';
  if (md === 'default') return 'light';
  return null;
}

/** The scheme a `color-scheme` value settles on (`light dark` leaves it to the system). */
export function colorSchemeOf(value: string): Scheme | null {
  const words = value.trim().split(/\s+/);
  const dark = words.includes('dark');
  const light = words.includes('light');
  if (dark === light) return null;
  return dark ? 'dark' : 'light';
}

/** The page's scheme (markers on <body> win over <html>, as they sit closer), or null. */
export function pageScheme(doc: Document = document): Scheme | null {
  const marked = declared(doc.body) ?? declared(doc.documentElement);
  if (marked) return marked;
  const root = doc.documentElement;
  return root ? colorSchemeOf(getComputedStyle(root).colorScheme || '') : null;
}

const systemDark = (): boolean =>
  typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;

/** The scheme an element with `theme` shows: a fixed one, or auto's page-then-system choice. */
export function resolveScheme(theme: 'light' | 'dark' | 'auto'): Scheme {
  if (theme !== 'auto') return theme;
  return pageScheme() ?? (systemDark() ? 'dark' : 'light');
}

const listeners = new Set<() => void>();
let stop: (() => void) | null = null;
const ATTRS = ['class', 'style', 'data-theme', 'data-md-color-scheme'];

function start(): () => void {
  const notify = () => {
    for (const l of [...listeners]) l();
  };
  const observer = new MutationObserver(notify);
  const watch = () => {
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ATTRS });
    if (document.body)
      observer.observe(document.body, { attributes: true, attributeFilter: ATTRS });
  };
  watch();
  // A script in <head> runs before <body> exists: watch it once it does.
  const onReady = () => {
    watch();
    notify();
  };
  if (!document.body) document.addEventListener('DOMContentLoaded', onReady, { once: true });
  const mq = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;
  mq?.addEventListener('change', notify);
  return () => {
    observer.disconnect();
    document.removeEventListener('DOMContentLoaded', onReady);
    mq?.removeEventListener('change', notify);
  };
}

/** Calls `onChange` whenever the page's or the system's scheme may have changed. */
export function watchPageScheme(onChange: () => void): () => void {
  listeners.add(onChange);
  stop ??= start();
  return () => {
    listeners.delete(onChange);
    if (!listeners.size) {
      stop?.();
      stop = null;
    }
  };
}
