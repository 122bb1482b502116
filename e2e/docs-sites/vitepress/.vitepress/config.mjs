// A VitePress site as a docs author writes it from README's VitePress recipe, built by `npm test`
// (scripts/build-docs-fixture.mjs) and checked by e2e/docs-vitepress.spec.ts. It imports the
// package from this repository's build (packages/ds-playground, `npm run build:package`); a site
// would write `ds-playground/markdown-it` and `ds-playground`. The widgets come from another
// origin (the e2e "CDN"): DSP_EMBED_SRC, the URL of embed/ds-playground.js.
import { defineConfig } from 'vitepress';
import dsPlayground from '../../../../packages/ds-playground/dist/markdown-it.js';
import { isDsPlayground } from '../../../../packages/ds-playground/dist/register.js';

const src = process.env.DSP_EMBED_SRC;
if (!src) throw new Error('DSP_EMBED_SRC: the URL of embed/ds-playground.js');

export default defineConfig({
  title: 'Fixture docs',
  description: 'A VitePress site embedding DS Playground widgets',
  head: [['link', { rel: 'icon', href: 'data:,' }]],
  themeConfig: {
    search: { provider: 'local' },
    nav: [
      { text: 'Raft', link: '/' },
      { text: 'CAP', link: '/cap' },
    ],
    sidebar: [
      { text: 'Raft', link: '/' },
      { text: 'CAP', link: '/cap' },
      { text: 'About', link: '/about' },
    ],
  },
  markdown: { config: (md) => md.use(dsPlayground) },
  vue: { template: { compilerOptions: { isCustomElement: isDsPlayground } } },
  vite: { define: { __DSP_EMBED_SRC__: JSON.stringify(src) } },
});
