// Size budgets from the Vite manifest: the JS a page must download before anything lazy
// (the entry and its static imports), and the simulation worker. Gzip level 9, like a CDN.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const budgets = JSON.parse(readFileSync('budgets.json', 'utf8'));
const readManifest = (dir) => JSON.parse(readFileSync(join(dir, '.vite/manifest.json'), 'utf8'));
const manifest = readManifest('dist');
const gz = (file) => gzipSync(readFileSync(join('dist', file)), { level: 9 }).length;

/** Files reachable by static imports from a manifest entry. */
function closure(m, key, seen = new Set()) {
  const chunk = m[key];
  if (!chunk || seen.has(chunk.file)) return seen;
  seen.add(chunk.file);
  for (const imp of chunk.imports ?? []) closure(m, imp, seen);
  return seen;
}
/** The JS an entry downloads before anything lazy (paths under dist/). */
function initialJs(m, suffix) {
  const key = Object.keys(m).find((k) => m[k].isEntry && k.endsWith(suffix));
  if (!key) throw new Error(`no entry ${suffix} in a manifest`);
  return [...closure(m, key)].filter((f) => f.endsWith('.js'));
}
const sum = (files) => files.reduce((s, f) => s + gz(f), 0);

const initial = initialJs(manifest, 'index.html');
const initialBytes = sum(initial);
// The embed script (dist/embed/ds-playground.js) before any model chunk: React, the widget, the
// element; each model's description, views and simulation code are lazy chunks.
const embedManifest = readManifest('dist/embed');
const embed = initialJs(embedManifest, 'src/embed/index.ts');
const embedBytes = sum(embed);
// The iframe page (dist/embed.html) loads the same script plus its bridge: reported, not budgeted.
const framePage = [...new Set([...embed, ...initialJs(embedManifest, 'src/embed/iframe.ts')])];
const framePageBytes = sum(framePage);
// The worker's entry plus what it imports statically (the kernel, zod); model chunks are dynamic
// imports, loaded only for the models a page shows.
function staticImports(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(join('dist/assets', file), 'utf8');
  for (const m of code.matchAll(/(?:from|import)\s*["']\.\/([^"']+\.js)["']/g))
    staticImports(m[1], seen);
  return seen;
}
const workerEntry = readdirSync('dist/assets').find((f) => /^worker-worker-.*\.js$/.test(f));
const workers = workerEntry ? [...staticImports(workerEntry)] : [];
const workerBytes = workers.reduce((s, f) => s + gz(join('assets', f)), 0);
// The editor (Monaco and the code lab) loads lazily. Its page JS: the editor chunks (static
// imports of the editor entries, plus the language modes Monaco loads) minus the initial bundle.
const staticClosure = (keys) => {
  const seen = new Set();
  for (const k of keys) closure(manifest, k, seen);
  return seen;
};
const lazyFiles = (keys) =>
  [...staticClosure(keys)].filter((f) => !initial.includes(f) && /\.(js|css)$/.test(f));
const cssOf = (files) =>
  Object.values(manifest).flatMap((c) => (files.includes(c.file) ? (c.css ?? []) : []));
const monacoMode = (name) => Object.keys(manifest).filter((k) => k.endsWith(name));
function editorPage(entry, modes) {
  const js = lazyFiles([entry, ...modes.flatMap(monacoMode)]);
  return [...new Set([...js, ...cssOf(js)])];
}
const scenarioEditor = editorPage('src/editor/scenario/ScenarioEditor.tsx', [
  'features/json/jsonMode.js',
]);
const codeLab = editorPage('src/editor/lab/CodeLab.tsx', [
  'features/typescript/tsMode.js',
  'definitions/typescript/typescript.js',
]);
const editorWorkerEntries = readdirSync('dist/assets').filter((f) =>
  /^worker-(editor\.worker|json\.worker|labTsWorker)-.*\.js$/.test(f),
);
// The code lab's sandbox loads at the first run: the frame, the runner worker's source (one
// bundled script, src/editor/lab/sandbox.worker.ts) and the page's protocol check.
const labSandbox = lazyFiles(['src/editor/lab/sandbox.ts']).filter((f) => !codeLab.includes(f));
const editorWorkers = [
  ...[...new Set(editorWorkerEntries.flatMap((f) => [...staticImports(f)]))].map((f) =>
    join('assets', f),
  ),
  ...labSandbox,
];

// No Monaco in the initial bundle (JS or CSS). The markers are strings Monaco's own code keeps
// after minification; each must be found in the lazy editor chunks, or this check would pass
// for the wrong reason (a renamed marker), so that is checked too.
const MONACO_MARKERS = ['monaco-editor', 'MonacoEnvironment'];
const initialCss = cssOf(initial);
const text = (f) => readFileSync(join('dist', f), 'utf8');
const monacoInInitial = [...initial, ...initialCss].flatMap((f) =>
  MONACO_MARKERS.filter((m) => text(f).includes(m)).map((m) => `${f} contains "${m}"`),
);
const markersMissing = MONACO_MARKERS.filter(
  (m) => !scenarioEditor.some((f) => f.endsWith('.js') && text(f).includes(m)),
);

const checks = [
  {
    name: 'app initial JS (gzip)',
    bytes: initialBytes,
    budget: budgets.appInitialJs,
    files: initial,
  },
  {
    name: 'embed script initial JS (gzip)',
    bytes: embedBytes,
    budget: budgets.embedInitialJs,
    files: embed,
  },
  {
    name: 'simulation worker (gzip)',
    bytes: workerBytes,
    budget: budgets.workerJs,
    files: workers.map((f) => join('assets', f)),
  },
  {
    name: 'scenario editor, lazy JS + CSS (gzip)',
    bytes: sum(scenarioEditor),
    budget: budgets.editorJs,
    files: scenarioEditor,
  },
  {
    name: 'code lab, lazy JS + CSS (gzip)',
    bytes: sum(codeLab),
    budget: budgets.editorJs,
    files: codeLab,
  },
  {
    name: 'editor workers: Monaco editor, JSON, TypeScript; the lab sandbox at its first run (gzip)',
    bytes: sum(editorWorkers),
    budget: budgets.editorWorkersJs,
    files: editorWorkers,
  },
];
let ok = true;
const lines = [];
for (const c of checks) {
  const pass = c.bytes <= c.budget;
  ok &&= pass;
  lines.push(
    `${pass ? 'ok  ' : 'FAIL'} ${c.name}: ${(c.bytes / 1024).toFixed(1)} kB of ${(c.budget / 1024).toFixed(1)} kB (${c.bytes} of ${c.budget} bytes, ${c.files.length} files)`,
  );
}
lines.push(
  `info iframe page embed.html initial JS (gzip): ${(framePageBytes / 1024).toFixed(1)} kB (${framePage.length} files)`,
);
if (monacoInInitial.length) {
  ok = false;
  lines.push(`FAIL the initial bundle contains Monaco code: ${monacoInInitial.join('; ')}`);
} else if (markersMissing.length) {
  ok = false;
  lines.push(`FAIL Monaco markers not found in the editor chunks: ${markersMissing.join(', ')}`);
} else lines.push(`ok   no Monaco code in the initial bundle (${MONACO_MARKERS.join(', ')})`);
if (process.argv.includes('--files'))
  for (const c of checks)
    for (const f of c.files) lines.push(`     ${c.name}: ${f} ${(gz(f) / 1024).toFixed(1)} kB`);
const report = lines.join('\n');
console.log(report);
mkdirSync('.test-output', { recursive: true });
writeFileSync('.test-output/size.txt', `Size budgets\n${report}\n`);
process.exit(ok ? 0 : 1);
