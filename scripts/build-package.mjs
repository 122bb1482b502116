// `npm run build:package`: packages/ds-playground, the package a docs author installs (`npm pack
// packages/ds-playground` makes the tarball). dist/: the registering export and the markdown-it
// plugin (vite.package.config.ts). embed/: the element's script and chunks, copied from the
// embed build (run `npx vite build -c vite.embed.config.ts` first), served as files.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, rmSync } from 'node:fs';

const PKG = 'packages/ds-playground';
if (!existsSync('dist/embed/ds-playground.js')) {
  console.error('build-package: no dist/embed/ds-playground.js (run the embed build first)');
  process.exit(1);
}
const r = spawnSync(
  'npx',
  ['vite', 'build', '-c', 'vite.package.config.ts', '--logLevel', 'warn'],
  {
    stdio: 'inherit',
  },
);
if (r.status !== 0) process.exit(r.status ?? 1);
rmSync(`${PKG}/embed`, { recursive: true, force: true });
cpSync('dist/embed/ds-playground.js', `${PKG}/embed/ds-playground.js`);
cpSync('dist/embed/chunks', `${PKG}/embed/chunks`, { recursive: true });
// The built exports load in Node as a docs build would (no DOM): registering does nothing, a
// fence becomes a tag.
const { defineDsPlayground } = await import(`../${PKG}/dist/register.js`);
if ((await defineDsPlayground({ src: 'https://cdn.invalid/ds-playground.js' })) !== false)
  throw new Error('build-package: defineDsPlayground registered something in Node');
const { fenceToTag } = await import(`../${PKG}/dist/markdown-it.js`);
const tag = fenceToTag({ info: '', body: 'model=raft', file: 'check', line: 1 });
if (tag !== '<ds-playground model="raft"></ds-playground>')
  throw new Error(`build-package: the built fence plugin gave ${tag}`);
await import(`../${PKG}/dist/remark.js`);
console.log(`build-package: ${PKG} (npm pack ${PKG})`);
