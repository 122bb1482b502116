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
const framePage = [...embed, ...initialJs(embedManifest, 'src/embed/iframe.ts')];
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
const monacoInInitial = initial.some((f) =>
  readFileSync(join('dist', f), 'utf8').includes('monaco-editor'),
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
    files: workers,
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
if (monacoInInitial) {
  ok = false;
  lines.push('FAIL the initial bundle contains Monaco code');
}
const text = lines.join('\n');
console.log(text);
mkdirSync('.test-output', { recursive: true });
writeFileSync('.test-output/size.txt', `Size budgets\n${text}\n`);
process.exit(ok ? 0 : 1);
