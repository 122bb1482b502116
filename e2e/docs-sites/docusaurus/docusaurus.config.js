// A Docusaurus 3 site as a docs author writes it from README's Docusaurus recipe, built by
// `npm run test:docs` (scripts/test-docs.mjs) and checked by e2e/docs-engines.docs.ts. The
// package is installed from this repository's build (packages/ds-playground, a file:
// dependency) and imported by its public name. The widgets come from another origin:
// DSP_EMBED_SRC, the URL of embed/ds-playground.js.
import dsPlayground from 'ds-playground/remark';

const src = process.env.DSP_EMBED_SRC;
if (!src) throw new Error('DSP_EMBED_SRC: the URL of embed/ds-playground.js');

export default {
  title: 'Fixture docs',
  url: 'http://127.0.0.1',
  baseUrl: '/',
  trailingSlash: true,
  onBrokenLinks: 'throw',
  // No favicon file: an empty icon, so the browser asks for no /favicon.ico.
  headTags: [{ tagName: 'link', attributes: { rel: 'icon', href: 'data:,' } }],
  scripts: [{ src, type: 'module', async: true }],
  clientModules: ['./src/dsPlaygroundFrames.js'],
  presets: [
    [
      'classic',
      {
        docs: { routeBasePath: '/', sidebarPath: './sidebars.js', remarkPlugins: [dsPlayground] },
        blog: false,
        pages: false,
      },
    ],
  ],
  themeConfig: {
    colorMode: { respectPrefersColorScheme: false },
    navbar: {
      title: 'Fixture docs',
      items: [
        { to: '/', label: 'Raft', position: 'left' },
        { to: '/cap/', label: 'CAP', position: 'left' },
        { to: '/about/', label: 'About', position: 'left' },
      ],
    },
  },
};
