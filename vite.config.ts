import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { catalogPlugin } from './scripts/vite/catalog-plugin';
import { contentPlugin } from './scripts/vite/content-plugin';

export default defineConfig({
  // Relative asset URLs: dist/ works from any sub-path of any static server, no rewrites.
  base: './',
  plugins: [react(), contentPlugin(), catalogPlugin()],
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
