// A plain "docs site" on its own origin that embeds DS Playground from a "CDN" origin, for the
// embed e2e tests and the embed benchmark. Pages:
//   /            two <ds-playground> elements (hashring, raft) and one iframe
//   /bad.html    an element with a bad attribute, beside a working one
//   /frames.html iframes that may and may not be driven from this page
//   /no-workers.html  a page whose CSP forbids workers
//   /many.html   ?n=20 widgets (?autoplay, ?loading=eager|lazy) with prose between them
//   /quirks.html what docs engines do to a widget: the script URL with a cache-busting query,
//                a root font size (?root=125%), page-wide key shortcuts that record what they
//                see (window.hostKeys), a 624 px column, a lazy widget below the fold
// Usage: node scripts/embed-host.mjs --port 4475 --cdn http://127.0.0.1:4474/ds-playground/
import { createServer } from 'node:http';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => {
    if (a.startsWith('--')) acc.push([a.slice(2), all[i + 1] ?? '']);
    return acc;
  }, []),
);
const port = Number(args.port ?? 4475);
const cdn = new URL(args.cdn ?? 'http://127.0.0.1:4474/ds-playground/');
const origin = `http://127.0.0.1:${port}`;
const script = new URL('embed/ds-playground.js', cdn).href;
const esc = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

const page = (title, body, { src = script, htmlAttrs = '' } = {}) => `<!doctype html>
<html lang="en"${htmlAttrs}>
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <link rel="icon" href="data:," />
    <title>${esc(title)}</title>
    <style>
      body { font: 17px/1.6 Georgia, serif; max-width: 62rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
      ds-playground, iframe { margin: 1.5rem 0; }
      iframe { width: 100%; border: 0; display: block; }
      /* The host page themes one widget through a custom property. */
      #ring { --accent: #6d28d9; }
      .spacer { height: 150vh; }
    </style>
    <script type="module" src="${esc(src)}"></script>
  </head>
  <body>
    <main>
      <h1>${esc(title)}</h1>
${body}
    </main>
  </body>
</html>
`;

// Auto-height for the iframes on this page: the listener a docs author pastes (see README).
const autoHeight = (frameOrigin) => `    <script>
      addEventListener('message', function (e) {
        if (e.origin !== ${JSON.stringify(frameOrigin)} || !e.data || typeof e.data.type !== 'string') return;
        for (const f of document.querySelectorAll('iframe')) {
          if (f.contentWindow !== e.source) continue;
          if (e.data.type === 'ds-playground:height') f.style.height = e.data.height + 'px';
          f.dataset[e.data.type.slice('ds-playground:'.length)] = JSON.stringify(e.data);
        }
      });
    </script>`;

const iframeSrc = (query) => `${new URL('embed.html', cdn).href}?${query}`;

function home() {
  const frame = iframeSrc(
    `model=hashring&param-nodes=6&seed=3&height=300&controls=playback,metrics&label=${encodeURIComponent('A ring of six nodes (iframe)')}&parent=${encodeURIComponent(origin)}&id=ring-frame`,
  );
  return page(
    'Consistent hashing and Raft, embedded',
    `    <p>A docs page on another origin. The first two widgets come from one script tag; the third is an iframe.</p>
    <button type="button" id="host-button">A host page button</button>
    <ds-playground id="ring" model="hashring" param-nodes="5" seed="7" height="320" label="A ring of five nodes"></ds-playground>
    <p>Raft elects a leader with randomized timeouts.</p>
    <ds-playground id="raft" model="raft" preset="election" height="260" controls="playback metrics invariants log" theme="dark"></ds-playground>
    <p>The same ring, in an iframe (no script needed on the page; this one listens for its height).</p>
    <iframe id="frame" title="DS Playground: consistent hashing" src="${esc(frame)}" style="height: 640px"></iframe>
    <div class="spacer"></div>
    <p id="bottom">The end of the page.</p>
${autoHeight(cdn.origin)}`,
  );
}

function bad() {
  return page(
    'A widget with a bad attribute',
    `    <ds-playground id="bad" model="hashring" param-nodes="500" height="300"></ds-playground>
    <ds-playground id="good" model="hashring" param-nodes="4" height="300" controls="playback"></ds-playground>`,
  );
}

// Iframes that may (parent= this page) and may not (another origin, or none) be driven from here,
// and one with a bad param.
function frames() {
  const q = 'model=hashring&param-nodes=4&height=240&controls=playback';
  const f = (id, extra) =>
    `    <iframe id="${id}" title="DS Playground ${id}" src="${esc(iframeSrc(`${q}&id=${id}${extra}`))}" style="height: 420px"></iframe>`;
  return page(
    'Iframes and who may drive them',
    [
      f('allowed', `&parent=${encodeURIComponent(origin)}`),
      f('other-origin', '&parent=https://docs.example'),
      f('no-parent', ''),
      f('bad-param', `&param-nodes=500&parent=${encodeURIComponent(origin)}`),
      autoHeight(cdn.origin),
    ].join('\n'),
  );
}

// Served with a CSP that forbids workers: the simulation must fall back to the main thread.
function noWorkers() {
  return page(
    'A page that allows no workers',
    `    <ds-playground id="ring" model="hashring" param-nodes="4" height="260" controls="playback metrics"></ds-playground>`,
  );
}

function many(query) {
  const n = Math.min(100, Math.max(1, Number(query.get('n') ?? 20)));
  const extra = `${query.has('autoplay') ? ' autoplay' : ''} loading="${query.get('loading') === 'eager' ? 'eager' : 'lazy'}"`;
  const items = [];
  for (let i = 0; i < n; i++)
    items.push(
      `    <h2>Widget ${i + 1}</h2>\n    <p>Prose between widgets.</p>\n    <ds-playground id="w${i}" model="hashring" seed="${i + 1}" param-nodes="${4 + (i % 6)}" height="300"${extra}></ds-playground>`,
    );
  return page(
    `${n} widgets`,
    `${items.join('\n')}\n    <div class="spacer"></div>\n    <p id="bottom">The end.</p>`,
  );
}

// A docs engine's habits: VitePress opens its search on "/", Material goes to the next page on
// "." and searches on "f"; they listen on window and check only the event's (retargeted) target.
function quirks(query) {
  const root = query.get('root');
  const htmlAttrs = root && /^\d+%$/.test(root) ? ` style="font-size: ${root}"` : '';
  return page(
    'A docs engine page',
    `    <script>
      window.hostKeys = [];
      for (const type of ['keydown', 'keypress', 'keyup'])
        addEventListener(type, (e) => {
          const t = e.target;
          const editing = t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement || (t && t.isContentEditable);
          if (!editing) window.hostKeys.push(type + ':' + e.key);
        });
    </script>
    <div id="column" style="width: 624px">
      <ds-playground id="ring" model="hashring" param-nodes="5" seed="7" height="300" loading="eager"></ds-playground>
      <ds-playground id="raft" model="raft" preset="leader-crash" controls="playback log" height="300" loading="eager"></ds-playground>
      <div class="spacer"></div>
      <ds-playground id="lazy" model="raft" preset="election" height="300"></ds-playground>
      <div class="spacer"></div>
    </div>`,
    { src: `${script}?v=1.0`, htmlAttrs },
  );
}

createServer((req, res) => {
  const url = new URL(req.url ?? '/', origin);
  const body =
    url.pathname === '/'
      ? home()
      : url.pathname === '/bad.html'
        ? bad()
        : url.pathname === '/no-workers.html'
          ? noWorkers()
          : url.pathname === '/frames.html'
            ? frames()
            : url.pathname === '/many.html'
              ? many(url.searchParams)
              : url.pathname === '/quirks.html'
                ? quirks(url.searchParams)
                : null;
  if (!body) {
    res.writeHead(404).end('not found');
    return;
  }
  res.writeHead(200, {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-cache',
    ...(url.pathname === '/no-workers.html' && { 'Content-Security-Policy': "worker-src 'none'" }),
  });
  res.end(body);
}).listen(port, '127.0.0.1', () => console.log(`embed host page at ${origin}/ (CDN ${cdn.href})`));
