// Builds the VitePress fixture (e2e/docs-sites/vitepress) for e2e/docs-vitepress.spec.ts: the
// docs package first (it needs the embed build), then the site, its widgets loaded from the e2e
// "CDN" origin (the port formula of playwright.config.ts). Part of `npm test`.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

const PORT = Number(process.env.DSP_E2E_PORT ?? 4173);
const EMBED_PORT = Number(process.env.DSP_E2E_EMBED_PORT ?? PORT + 10_000);
const src = `http://127.0.0.1:${EMBED_PORT}/ds-playground/embed/ds-playground.js`;
const SITE = 'e2e/docs-sites/vitepress';

const run = (cmd, args, env = {}) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
run('node', ['scripts/build-package.mjs']);
run('npx', ['vitepress', 'build', SITE], { DSP_EMBED_SRC: src });
// The spec checks the site was built for its ports.
writeFileSync(`${SITE}/.vitepress/dist/fixture.json`, JSON.stringify({ src }));
