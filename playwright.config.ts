import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './scripts/browser.mjs';

const executablePath = (await findChromium()) ?? undefined;
/** The app is served from a sub-path by a plain static server: no rewrites, relative assets. */
export const BASE_PATH = '/ds-playground/';
// Several checkouts can run their browser tests at once on different ports.
const PORT = Number(process.env.DSP_E2E_PORT ?? 4173);
// The embed tests (e2e/embed.spec.ts) use two more origins: dist/ served with CORS as a "CDN",
// and a plain docs page that embeds from it, on DSP_E2E_EMBED_PORT and the port after it
// (default: 10000 above PORT, clear of other checkouts' app and dev-server ports).
const EMBED_PORT = Number(process.env.DSP_E2E_EMBED_PORT ?? PORT + 10_000);
export const EMBED_CDN = `http://127.0.0.1:${EMBED_PORT}${BASE_PATH}`;
export const EMBED_HOST = `http://127.0.0.1:${EMBED_PORT + 1}/`;
// The VitePress fixture (e2e/docs-vitepress.spec.ts), built by scripts/build-docs-fixture.mjs.
const DOCS_SITE_PORT = EMBED_PORT + 2;

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}${BASE_PATH}`,
    launchOptions: { ...(executablePath ? { executablePath } : {}), args: CHROMIUM_ARGS },
    trace: 'off',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'main', testIgnore: /perf\.spec\.ts/ },
    // Timing budgets run alone after everything else, so parallel pages do not disturb them.
    // One worker: several *perf.spec.ts files must not run side by side either. A long task is a
    // measurement on a shared machine, so a perf test gets one retry: a real regression fails
    // twice, and scripts/test-all.mjs names every test that needed the retry.
    {
      name: 'perf',
      testMatch: /perf\.spec\.ts/,
      dependencies: ['main'],
      fullyParallel: false,
      workers: 1,
      retries: 1,
    },
  ],
  webServer: [
    {
      command: `node scripts/serve-static.mjs --dir dist --prefix ${BASE_PATH} --port ${PORT}`,
      url: `http://127.0.0.1:${PORT}${BASE_PATH}`,
      reuseExistingServer: !process.env.CI,
      stdout: 'ignore',
    },
    {
      command: `node scripts/serve-static.mjs --dir dist --prefix ${BASE_PATH} --port ${EMBED_PORT} --cors`,
      url: EMBED_CDN,
      reuseExistingServer: !process.env.CI,
      stdout: 'ignore',
    },
    {
      command: `node scripts/embed-host.mjs --port ${EMBED_PORT + 1} --cdn ${EMBED_CDN}`,
      url: EMBED_HOST,
      reuseExistingServer: !process.env.CI,
      stdout: 'ignore',
    },
    {
      // Waits for the port, not a page: an unbuilt site fails its own spec, not every run.
      command: `node scripts/serve-static.mjs --dir e2e/docs-sites/vitepress/.vitepress/dist --prefix / --port ${DOCS_SITE_PORT}`,
      port: DOCS_SITE_PORT,
      reuseExistingServer: !process.env.CI,
      stdout: 'ignore',
    },
  ],
});
