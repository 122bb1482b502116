/**
 * `npm run test:docs` (scripts/test-docs.mjs): the Docusaurus and MkDocs fixtures, built from
 * README's recipes, checked in Chromium. Not part of `npm test` (Docusaurus's install is about
 * 1,300 packages); the VitePress fixture is (playwright.config.ts).
 */
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './scripts/browser.mjs';

const executablePath = (await findChromium()) ?? undefined;
const PORT = Number(process.env.DSP_DOCS_PORT ?? 4600);

export default defineConfig({
  testDir: 'e2e',
  testMatch: /docs-engines\.docs\.ts/,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  use: {
    launchOptions: { ...(executablePath ? { executablePath } : {}), args: CHROMIUM_ARGS },
    trace: 'off',
    screenshot: 'only-on-failure',
  },
  webServer: [
    {
      // The widgets' origin (the "CDN"): dist/ with CORS.
      command: `node scripts/serve-static.mjs --dir dist --prefix /ds-playground/ --port ${PORT} --cors`,
      url: `http://127.0.0.1:${PORT}/ds-playground/`,
      reuseExistingServer: false,
      stdout: 'ignore',
    },
    {
      command: `node scripts/serve-static.mjs --dir e2e/docs-sites/docusaurus/build --prefix / --port ${PORT + 1}`,
      port: PORT + 1,
      reuseExistingServer: false,
      stdout: 'ignore',
    },
    {
      command: `node scripts/serve-static.mjs --dir e2e/docs-sites/mkdocs/site --prefix / --port ${PORT + 2}`,
      port: PORT + 2,
      reuseExistingServer: false,
      stdout: 'ignore',
    },
  ],
});
