/**
 * The embed build, written into dist/ after the app build (`npm run build`):
 *   dist/embed/ds-playground.js  an ES module defining `<ds-playground>`; its chunks (React, the
 *                                widget, each model's description, views and simulation worker)
 *                                sit in dist/embed/chunks/ and load relative to `import.meta.url`,
 *                                so the folder works from any CDN path.
 *   dist/embed.html              the iframe page: embed/iframe.js, the element plus the bridge to
 *                                the parent page.
 * Both entries import the element, so it lives in a shared chunk (embed/chunks/element-*.js) and
 * each entry is a few lines: no chunk imports an entry, so `ds-playground.js?v=1.0` (a cache
 * buster) loads one copy of everything, not a second one through `../ds-playground.js`.
 * Kept apart from the app build so the app's own chunks stay as they were.
 */
import { readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { catalogPlugin } from './scripts/vite/catalog-plugin';

/**
 * dist/ is shared with the app build: clear only what this build writes. Then write
 * dist/embed.html from ./embed.html (which the dev server serves as it is), its scripts pointed
 * at the built entries.
 */
const embedPage = (): Plugin => ({
  name: 'ds-playground-embed-page',
  apply: 'build',
  buildStart() {
    rmSync('dist/embed', { recursive: true, force: true });
    rmSync('dist/embed.html', { force: true });
  },
  generateBundle() {
    const html = readFileSync('embed.html', 'utf8')
      .replace('src="/src/embed/iframe.ts"', 'src="./embed/iframe.js"')
      .replace(/\s*<!-- The build .*-->/, '');
    if (html.includes('/src/')) throw new Error('embed.html: a script the build does not map');
    this.emitFile({ type: 'asset', fileName: 'embed.html', source: html });
  },
});

/**
 * Fails the build if a chunk imports an entry: a page loading `ds-playground.js?v=1` would then
 * load the entry twice (with and without the query), and with it two Reacts.
 */
const noEntryImports = (): Plugin => ({
  name: 'ds-playground-no-entry-imports',
  apply: 'build',
  generateBundle(_options, bundle) {
    const entries = new Set(
      Object.values(bundle).flatMap((c) => (c.type === 'chunk' && c.isEntry ? [c.fileName] : [])),
    );
    for (const c of Object.values(bundle)) {
      if (c.type !== 'chunk') continue;
      const bad = [...c.imports, ...c.dynamicImports].filter((f) => entries.has(f));
      if (bad.length) this.error(`${c.fileName} imports the entry ${bad.join(', ')}`);
    }
  },
});

/**
 * The element chunk: every module define.ts reaches by static imports (React, the widget, the
 * element). Without this group the bundler splits the modules the lazy view chunks also use
 * (React's JSX runtime, formatting) into small chunks of their own, which gzip worse.
 */
const ELEMENT_ENTRY = resolve('src/embed/define.ts');
let elementModules: Set<string> | null = null;
type ModuleGraph = { getModuleInfo(id: string): { importedIds: readonly string[] } | null };
function elementChunk(id: string, graph: ModuleGraph): string | null {
  if (!elementModules) {
    const seen = new Set<string>();
    const walk = (m: string) => {
      if (seen.has(m)) return;
      seen.add(m);
      for (const dep of graph.getModuleInfo(m)?.importedIds ?? []) walk(dep);
    };
    walk(ELEMENT_ENTRY);
    elementModules = seen;
  }
  return elementModules.has(id) ? 'element' : null;
}

export default defineConfig({
  base: './',
  plugins: [react(), catalogPlugin(), embedPage(), noEntryImports()],
  // public/ belongs to the app build.
  publicDir: false,
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2022',
    manifest: 'embed/.vite/manifest.json',
    sourcemap: false,
    // No <link rel=modulepreload> injected into the host page's <head>.
    modulePreload: false,
    chunkSizeWarningLimit: 4000,
    rollupOptions: {
      input: { 'ds-playground': 'src/embed/index.ts', iframe: 'src/embed/iframe.ts' },
      output: {
        entryFileNames: 'embed/[name].js',
        // Model chunks say so: catalog-<model> (schemas, presets), view-<model> (drawing code).
        chunkFileNames: (chunk) => {
          const id = chunk.facadeModuleId ?? '';
          if (id.includes('virtual:catalog-model/')) return 'embed/chunks/catalog-[name]-[hash].js';
          if (/\/src\/views\/[^/]+\/index\.tsx?$/.test(id))
            return 'embed/chunks/view-[name]-[hash].js';
          return 'embed/chunks/[name]-[hash].js';
        },
        assetFileNames: 'embed/chunks/[name]-[hash][extname]',
        codeSplitting: { groups: [{ name: elementChunk }] },
      },
    },
  },
  worker: {
    format: 'es',
    // Every chunk the simulation worker loads is named worker-*, as in the app build.
    rollupOptions: {
      output: {
        chunkFileNames: 'embed/chunks/worker-[name]-[hash].js',
        entryFileNames: 'embed/chunks/worker-[name]-[hash].js',
      },
    },
  },
});
