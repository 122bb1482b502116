import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { catalogPlugin } from './scripts/vite/catalog-plugin';
import { contentPlugin } from './scripts/vite/content-plugin';
import { labRunnerPlugin } from './scripts/vite/lab-runner-plugin';

export default defineConfig({
  // Relative asset URLs: dist/ works from any sub-path of any static server, no rewrites.
  base: './',
  plugins: [react(), contentPlugin(), catalogPlugin(), labRunnerPlugin()],
  resolve: {
    alias: [
      // Monaco's TypeScript support starts its worker with `new URL('ts.worker.js', ...)`; point
      // that at the code lab's extension of the same worker, so the build holds one TypeScript
      // compiler (about 7 MB) instead of two. Nothing else imports a bare 'ts.worker.js'.
      {
        find: /^ts\.worker\.js$/,
        replacement: fileURLToPath(new URL('./src/editor/monaco/labTsWorker.ts', import.meta.url)),
      },
    ],
  },
  build: {
    target: 'es2022',
    manifest: true,
    sourcemap: false,
    chunkSizeWarningLimit: 4000,
  },
  worker: {
    format: 'es',
    // Every chunk the simulation worker loads is named worker-*, so budgets can tell them apart.
    rollupOptions: {
      output: {
        chunkFileNames: 'assets/worker-[name]-[hash].js',
        entryFileNames: 'assets/worker-[name]-[hash].js',
      },
    },
  },
  server: { port: 5173 },
  preview: { port: 4173, strictPort: true },
});
