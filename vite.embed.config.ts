/**
 * The embed build, written into dist/ after the app build (`npm run build`):
 *   dist/embed/ds-playground.js  an ES module defining `<ds-playground>`; its chunks (React, the
 *                                widget, each model's description, views and simulation worker)
 *                                sit in dist/embed/chunks/ and load relative to `import.meta.url`,
 *                                so the folder works from any CDN path.
 *   dist/embed.html              the iframe page: the same ds-playground.js plus embed/iframe.js,
 *                                the bridge to the parent page (no code shared, so
 *                                ds-playground.js stays one file).
 * Kept apart from the app build so the app's own chunks stay as they were.
 */
import { readFileSync, rmSync } from 'node:fs';
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
      .replace('src="/src/embed/index.ts"', 'src="./embed/ds-playground.js"')
      .replace('src="/src/embed/iframe.ts"', 'src="./embed/iframe.js"')
      .replace(/\s*<!-- The build .*-->/, '');
    if (html.includes('/src/')) throw new Error('embed.html: a script the build does not map');
    this.emitFile({ type: 'asset', fileName: 'embed.html', source: html });
  },
});

export default defineConfig({
  base: './',
  plugins: [react(), catalogPlugin(), embedPage()],
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
