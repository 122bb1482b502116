/**
 * `embed.html`: one widget filling an iframe, for sites that allow no scripts. The query string
 * carries the same names as the element's attributes (`model`, `scenario`, `param-<name>`,
 * `seed`, `controls`, `autoplay`, `theme`, `height`), rendered by the same `<ds-playground>`.
 * It reports its height to the parent page (auto-height) and obeys play, pause, reset and seek
 * messages from allowed origins (the rule is in messages.ts).
 */
// The page's one script: it defines the element (the same shared chunk ds-playground.js loads,
// so neither entry holds code a chunk must import) and bridges it to the parent page.
import { defineDsPlayground } from './define';
import type { DsErrorDetail, DsPlaygroundElement, DsReadyDetail } from './element';
import { allowedSender, parentOrigins, readCommand, type Report } from './messages';

/** Query keys that configure the iframe page itself, not the widget. */
const PAGE_KEYS = new Set(['parent', 'id']);

defineDsPlayground(new URL(/* @vite-ignore */ '../index.html', import.meta.url).href);

const params = new URLSearchParams(location.search);
const parents = parentOrigins(params);
const frameId = params.get('id') ?? undefined;
const el = document.createElement('ds-playground') as DsPlaygroundElement;
for (const [name, value] of params) {
  if (PAGE_KEYS.has(name)) continue;
  try {
    el.setAttribute(name, value);
  } catch {
    // Not an attribute name (`1x`, `a b`): nothing the widget reads.
  }
}
// Inside an iframe the page decides when to load (`<iframe loading="lazy">`).
if (!params.has('loading')) el.setAttribute('loading', 'eager');

function report(r: Report): void {
  if (window.parent === window) return;
  const message = frameId ? { ...r, id: frameId } : r;
  for (const origin of parents ?? ['*']) window.parent.postMessage(message, origin);
}

el.addEventListener('ds-ready', (e) =>
  report({ type: 'ds-playground:ready', model: (e as CustomEvent<DsReadyDetail>).detail.model }),
);
el.addEventListener('ds-error', (e) =>
  report({ type: 'ds-playground:error', errors: (e as CustomEvent<DsErrorDetail>).detail.errors }),
);

// Listening first: a bad attribute fires ds-error as soon as the element is in the document.
document.getElementById('root')?.append(el);

let lastHeight = 0;
new ResizeObserver(() => {
  const height = Math.ceil(el.getBoundingClientRect().height);
  if (height === lastHeight || height === 0) return;
  lastHeight = height;
  report({ type: 'ds-playground:height', height });
}).observe(el);

addEventListener('message', (e: MessageEvent) => {
  if (e.source !== window.parent || window.parent === window) return;
  if (!allowedSender(e.origin, parents, location.origin)) return;
  const c = readCommand(e.data);
  if (!c) return;
  if (c.type === 'ds-playground:play') el.play();
  else if (c.type === 'ds-playground:pause') el.pause();
  else if (c.type === 'ds-playground:reset') el.reset();
  else el.seek(c.ms);
});
