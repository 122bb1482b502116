/**
 * The embed build: `dist/embed/ds-playground.js`, an ES module defining `<ds-playground>`, with
 * its chunks (views, the simulation worker, model code) beside it. Every URL inside is relative
 * to the importing module (`import.meta.url`), so the folder works from any CDN path. Runs after
 * the app build (`npm run build`), which empties dist/ first.
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { catalogPlugin } from './scripts/vite/catalog-plugin';

export default defineConfig({
  base: './',
  plugins: [react(), catalogPlugin({ split: true })],
  // public/ belongs to the app build.
  publicDir: false,
  build: {
    outDir: 'dist/embed',
    emptyOutDir: true,
    target: 'es2022',
    manifest: true,
    sourcemap: false,
    // No <link rel=modulepreload> injected into the host page's <head>.
    modulePreload: false,
    chunkSizeWarningLimit: 4000,
    rollupOptions: {
      input: { 'ds-playground': 'src/embed/index.ts' },
      output: {
        entryFileNames: '[name].js',
        // Model chunks say so: catalog-<model> (schemas, presets), view-<model> (drawing code).
        chunkFileNames: (chunk) => {
          const id = chunk.facadeModuleId ?? '';
          if (id.includes('virtual:catalog-model/')) return 'chunks/catalog-[name]-[hash].js';
          if (/\/src\/views\/[^/]+\/index\.tsx?$/.test(id)) return 'chunks/view-[name]-[hash].js';
          return 'chunks/[name]-[hash].js';
        },
        assetFileNames: 'chunks/[name]-[hash][extname]',
      },
    },
  },
  worker: {
    format: 'es',
    // Every chunk the simulation worker loads is named worker-*, as in the app build.
    rollupOptions: {
      output: {
        chunkFileNames: 'chunks/worker-[name]-[hash].js',
        entryFileNames: 'chunks/worker-[name]-[hash].js',
      },
    },
  },
});
