// Size budgets from the Vite manifest: the JS a page must download before anything lazy
// (the entry and its static imports), and the simulation worker. Gzip level 9, like a CDN.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const budgets = JSON.parse(readFileSync('budgets.json', 'utf8'));
const manifest = JSON.parse(readFileSync('dist/.vite/manifest.json', 'utf8'));
const gz = (file) => gzipSync(readFileSync(join('dist', file)), { level: 9 }).length;

/** Files reachable by static imports from a manifest entry. */
function closure(key, seen = new Set()) {
  const chunk = manifest[key];
  if (!chunk || seen.has(chunk.file)) return seen;
  seen.add(chunk.file);
  for (const imp of chunk.imports ?? []) closure(imp, seen);
  return seen;
}

const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry && k.endsWith('index.html'));
const initial = [...closure(entryKey)].filter((f) => f.endsWith('.js'));
const initialBytes = initial.reduce((s, f) => s + gz(f), 0);
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
    `${pass ? 'ok  ' : 'FAIL'} ${c.name}: ${(c.bytes / 1024).toFixed(1)} kB of ${(c.budget / 1024).toFixed(1)} kB (${c.files.length} files)`,
  );
}
if (monacoInInitial) {
  ok = false;
  lines.push('FAIL the initial bundle contains Monaco code');
}
const text = lines.join('\n');
console.log(text);
mkdirSync('.test-output', { recursive: true });
writeFileSync('.test-output/size.txt', `Size budgets\n${text}\n`);
process.exit(ok ? 0 : 1);
