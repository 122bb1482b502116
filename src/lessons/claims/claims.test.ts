/**
 * Every lesson's claims hold: each `:claim{#id}` in content/<lesson>.md is replayed by its check
 * in content/<lesson>.claims.ts (the lesson's own widget scenario, seeds and actions, or its
 * experiment). A failure names the lesson, the line and the measured value.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitFrontmatter } from '../../../scripts/vite/markdown';
import type { Claims } from './define';
import { describeFailures, evaluateClaims } from './evaluate';

const CONTENT = join(__dirname, '../../../content');
const sidecars = import.meta.glob<{ default: Claims }>('../../../content/*.claims.ts');
const lessons = readdirSync(CONTENT)
  .filter((f) => f.endsWith('.md'))
  .map((f) => f.slice(0, -3));

describe('lesson claims', () => {
  for (const id of lessons) {
    const md = readFileSync(join(CONTENT, `${id}.md`), 'utf8');
    const load = sidecars[`../../../content/${id}.claims.ts`];
    if (!load) {
      it(`${id} marks no claims without a sidecar`, () => {
        expect(md.includes(':claim['), `${id}.md uses :claim but has no ${id}.claims.ts`).toBe(
          false,
        );
      });
      continue;
    }
    it(`${id}: every claim in the text holds`, async () => {
      const { frontmatter } = splitFrontmatter(md, id);
      const results = await evaluateClaims(id, md, (await load()).default, frontmatter.model);
      expect(describeFailures(id, results)).toEqual([]);
    });
  }
});
