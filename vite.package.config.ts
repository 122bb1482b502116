/**
 * The Node half of the docs package (packages/ds-playground, `npm run build:package`): the
 * SSR-safe registering export and the markdown-it plugin, with the zod model metas the fences
 * are checked against bundled in (the package has no dependencies). The browser half is the
 * embed build's output, copied as files by scripts/build-package.mjs.
 */
import { defineConfig } from 'vite';

export default defineConfig({
  publicDir: false,
  build: {
    ssr: true,
    outDir: 'packages/ds-playground/dist',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: false,
    rollupOptions: {
      input: {
        register: 'src/embed/package/register.ts',
        'markdown-it': 'src/embed/package/markdownIt.ts',
        remark: 'src/embed/package/remark.ts',
      },
      output: {
        format: 'es',
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
      },
    },
  },
  ssr: { noExternal: true, target: 'node' },
});
