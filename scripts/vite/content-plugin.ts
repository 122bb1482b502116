/**
 * Vite plugin for lessons: `virtual:lessons` lists every lesson's frontmatter (small, for the
 * course map) with a lazy loader per lesson; importing a `content/*.md` file yields its compiled
 * hast tree. A bad frontmatter fails the build naming the file and field.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { runnerImport, type Plugin } from 'vite';
import { compileLesson, splitFrontmatter } from './markdown';

type ClaimTexts = Record<string, Record<string, string>>;

/** Measures every lesson claim with `show` once (src/lessons/claims/buildTexts.ts). */
const loadClaimTexts = (root: string): Promise<ClaimTexts> =>
  runnerImport<{ claimTexts: ClaimTexts }>(resolve(root, 'src/lessons/claims/buildTexts.ts'), {
    root,
    logLevel: 'warn',
  }).then((r) => r.module.claimTexts);

const VIRTUAL = 'virtual:lessons';
const RESOLVED = `\0${VIRTUAL}`;

export function contentPlugin(contentDir = 'content'): Plugin {
  let root = process.cwd();
  let claimTexts: Promise<ClaimTexts> | null = null;
  const dir = (): string => resolve(root, contentDir);
  const files = (): string[] =>
    readdirSync(dir())
      .filter((f) => f.endsWith('.md'))
      .sort();

  return {
    name: 'ds-playground-content',
    configResolved(config) {
      root = config.root;
    },
    resolveId(id) {
      return id === VIRTUAL ? RESOLVED : null;
    },
    load(id) {
      if (id !== RESOLVED) return null;
      const metas = [];
      const loaders: string[] = [];
      const seen = new Set<string>();
      for (const f of files()) {
        const path = join(dir(), f);
        this.addWatchFile(path);
        const id = basename(f, '.md');
        if (seen.has(id)) throw new Error(`duplicate lesson id ${id}`);
        seen.add(id);
        const { frontmatter } = splitFrontmatter(readFileSync(path, 'utf8'), path);
        metas.push({ id, ...frontmatter });
        loaders.push(`${JSON.stringify(id)}: () => import(${JSON.stringify(path)})`);
      }
      return [
        `export const lessons = ${JSON.stringify(metas)};`,
        `export const loaders = {${loaders.join(',\n')}};`,
      ].join('\n');
    },
    async transform(code, id) {
      if (!id.endsWith('.md') || !id.startsWith(dir())) return null;
      const texts = await (claimTexts ??= loadClaimTexts(root));
      const lesson = await compileLesson(code, id, texts[basename(id, '.md')]);
      return { code: `export default ${JSON.stringify(lesson)};`, map: null };
    },
    handleHotUpdate(ctx) {
      if (ctx.file.startsWith(dir()) && ctx.file.endsWith('.claims.ts')) claimTexts = null;
      if (ctx.file.startsWith(dir()) && ctx.file.endsWith('.md')) {
        const mod = ctx.server.moduleGraph.getModuleById(RESOLVED);
        if (mod) ctx.server.moduleGraph.invalidateModule(mod);
      }
    },
  };
}
