/**
 * The claim texts the build fills into lessons: loaded once per build by content-plugin.ts
 * through Vite's module runner, so every claim with `show` is measured while its module graph is
 * alive (hence the top-level await). A claim that fails here still shows its measured value; the
 * tests are what fail on it.
 */
import type { Claims } from './define';
import { evaluateClaims } from './evaluate';

const sidecars = import.meta.glob<{ default: Claims }>('../../../content/*.claims.ts', {
  eager: true,
});
const lessons = import.meta.glob<string>('../../../content/*.md', {
  eager: true,
  query: '?raw',
  import: 'default',
});

async function compute(): Promise<Record<string, Record<string, string>>> {
  const out: Record<string, Record<string, string>> = {};
  for (const [path, mod] of Object.entries(sidecars)) {
    const id = path.replace(/^.*\/([^/]+)\.claims\.ts$/, '$1');
    const md = lessons[path.replace(/\.claims\.ts$/, '.md')];
    if (md === undefined) continue;
    const model = /^model:\s*(\S+)/m.exec(md)?.[1];
    const results = await evaluateClaims(id, md, mod.default, model, { onlyShown: true });
    out[id] = Object.fromEntries(
      results.filter((r) => r.shown !== undefined).map((r) => [r.id, r.shown!]),
    );
  }
  return out;
}

export const claimTexts = await compute();
