/**
 * Prints what each claim of a lesson measures now, to write or update its text:
 *   npx tsx scripts/claims.ts <lesson-id> [...]
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Claims } from '../src/lessons/claims/define';
import { evaluateClaims } from '../src/lessons/claims/evaluate';
import { splitFrontmatter } from './vite/markdown';

for (const id of process.argv.slice(2)) {
  const md = readFileSync(resolve('content', `${id}.md`), 'utf8');
  const mod = (await import(resolve('content', `${id}.claims.ts`))) as { default: Claims };
  const { frontmatter } = splitFrontmatter(md, id);
  for (const r of await evaluateClaims(id, md, mod.default, frontmatter.model))
    console.log(
      `${r.problem ? '✗' : '✓'} ${id}.md:${r.line} #${r.id} measured ${JSON.stringify(r.measured)}${r.shown !== undefined ? ` shows "${r.shown}"` : ''}${r.problem ? `: ${r.problem}` : ''}`,
    );
}
