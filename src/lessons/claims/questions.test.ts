/**
 * Predict questions stay honest: the learner commits before the widget shows the answer, so no
 * action button sits inside a question (before its reveal), where pressing it gives the answer
 * away. Use the question's `then=` to run the action when the learner commits.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const CONTENT = join(__dirname, '../../../content');
const QUESTION = /^::::predict\{([^}]*)\}\n([\s\S]*?)^:::reveal/gm;

/** Ids of the questions in `md` whose text before the reveal holds an :action button. */
export function questionsWithActions(md: string): string[] {
  return [...md.matchAll(QUESTION)]
    .filter((m) => m[2]!.includes(':action['))
    .map((m) => /#([\w-]+)/.exec(m[1]!)?.[1] ?? m[1]!);
}

describe('predict questions', () => {
  it('finds an action button inside a question', () => {
    const md =
      '::::predict{#q answer=1}\nPress :action[this]{widget=w action=crash}.\n\n- a\n\n:::reveal\nx\n:::\n::::\n';
    expect(questionsWithActions(md)).toEqual(['q']);
    expect(
      questionsWithActions(md.replace(':action[this]{widget=w action=crash}', 'play')),
    ).toEqual([]);
  });

  for (const f of readdirSync(CONTENT).filter((n) => n.endsWith('.md')))
    it(`${f}: no action button inside a question gives its answer away`, () => {
      expect(questionsWithActions(readFileSync(join(CONTENT, f), 'utf8'))).toEqual([]);
    });
});
