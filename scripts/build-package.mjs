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
console.log(`build-package: ${PKG} (npm pack ${PKG})`);
