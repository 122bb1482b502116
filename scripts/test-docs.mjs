// `npm run test:docs`: builds the Docusaurus and MkDocs fixtures (e2e/docs-sites/) as README's
// recipes say, with the package's remark plugin and pymdownx superfence, then checks them in
// Chromium (e2e/docs-engines.docs.ts, playwright.docs.config.ts). Not part of `npm test`: the
// Docusaurus install is ~1,300 packages (about 3 minutes here) and its build about 2 minutes.
// Needs the app and embed builds (it runs them) and, for MkDocs, Debian's mkdocs,
// mkdocs-material and python3-pymdownx (installed with apt-get when missing and run as root).
// A bad fence must fail each engine's build naming the file, the line and the field: checked on
// MkDocs here (fast); the remark plugin's error is unit-tested (src/embed/package/remark.test.ts).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const PORT = Number(process.env.DSP_DOCS_PORT ?? 4600);
const CDN = `http://127.0.0.1:${PORT}/ds-playground`;
const SRC = `${CDN}/embed/ds-playground.js`;
const DOCU = 'e2e/docs-sites/docusaurus';
const MK = 'e2e/docs-sites/mkdocs';
const PYPATH = resolve('packages/ds-playground/mkdocs');

function run(cmd, args, opts = {}) {
  console.log(`test-docs: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, {
    stdio: 'inherit',
    ...opts,
    env: { ...process.env, ...opts.env },
  });
  if (r.status !== 0) {
    console.error(`test-docs: ${cmd} exited ${r.status}`);
    process.exit(r.status ?? 1);
  }
}
const has = (cmd, args) => spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;

// The app, the embed and the package.
if (!process.env.DSP_SKIP_BUILD) {
  run('npx', ['vite', 'build', '--logLevel', 'warn']);
  run('npx', ['vite', 'build', '-c', 'vite.embed.config.ts', '--logLevel', 'warn']);
}
run('node', ['scripts/build-package.mjs']);

// Docusaurus: install once (its own lock file), then build.
if (!existsSync(`${DOCU}/node_modules/.bin/docusaurus`))
  run('npm', ['ci', '--no-audit', '--no-fund'], { cwd: DOCU });
writeFileSync(
  `${DOCU}/docs/cap.mdx`,
  readFileSync(`${DOCU}/cap.mdx.template`, 'utf8').replaceAll('BASE', CDN),
);
run('npx', ['docusaurus', 'build'], { cwd: DOCU, env: { DSP_EMBED_SRC: SRC } });

// MkDocs 1.4 with Material, as Debian 12 ships them.
if (!has('mkdocs', ['--version'])) {
  if (process.getuid?.() === 0 && has('apt-get', ['--version']))
    run('apt-get', ['install', '-y', 'mkdocs', 'mkdocs-material', 'python3-pymdownx']);
  else {
    console.error(
      'test-docs: mkdocs is missing: apt-get install mkdocs mkdocs-material python3-pymdownx',
    );
    process.exit(1);
  }
}
const mkEnv = {
  DSP_EMBED_SRC: SRC,
  DSP_SITE_URL: `http://127.0.0.1:${PORT + 2}/`,
  PYTHONPATH: PYPATH,
};
run('mkdocs', ['build', '--quiet', '-f', `${MK}/mkdocs.yml`, '-d', 'site'], { env: mkEnv });

// A bad fence fails the MkDocs build, naming the file, the line and the field.
const bad = mkdtempSync(join(tmpdir(), 'dsp-mkdocs-bad-'));
try {
  cpSync(MK, bad, { recursive: true, filter: (p) => !p.includes('/site') });
  const yml = readFileSync(`${bad}/mkdocs.yml`, 'utf8').replace(
    '../../../packages/ds-playground/mkdocs/ds_playground.py',
    `${PYPATH}/ds_playground.py`,
  );
  writeFileSync(`${bad}/mkdocs.yml`, yml);
  writeFileSync(
    `${bad}/docs/about.md`,
    '# Bad\n\nA fence with a value out of range:\n\n```ds-playground\nmodel=raft\nparam-servers=500\n```\n',
  );
  const r = spawnSync('mkdocs', ['build', '--quiet', '-f', `${bad}/mkdocs.yml`, '-d', 'site'], {
    encoding: 'utf8',
    env: { ...process.env, ...mkEnv },
  });
  const said = `${r.stdout}${r.stderr}`;
  const want = 'about.md:7: ds-playground fence: param-servers: 500 is above the maximum 9';
  if (r.status === 0 || !said.includes(want)) {
    console.error(`test-docs: a bad fence should fail the MkDocs build with "${want}"; got:`);
    console.error(said);
    process.exit(1);
  }
  console.log(`test-docs: a bad fence fails the MkDocs build: ${want}`);
} finally {
  rmSync(bad, { recursive: true, force: true });
}

// The sites in Chromium.
run('npx', ['playwright', 'test', '-c', 'playwright.docs.config.ts'], {
  env: { DSP_DOCS_PORT: String(PORT) },
});
