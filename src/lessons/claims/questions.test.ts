/**
 * Predict questions stay honest. Each one belongs to a widget (`widget=`) or an experiment
 * (`experiment=`) of its own lesson, which shows the answer once played or run; the learner
 * commits before it does, so no action button sits inside a question before its reveal (use the
 * question's `then=` to run the action on commit); and its reveal marks the answer with a claim
 * named after the question (`:claim[...]{#q-id}`), whose check in the lesson's sidecar replays
 * the widget and asserts that answer.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLessonSource } from './source';

const CONTENT = join(__dirname, '../../../content');

/** What is wrong with the questions of one lesson, one line per problem (none when honest). */
export function questionProblems(md: string): string[] {
  const src = readLessonSource(md);
  const experiments = new Set(src.experiments.map((e) => e.attrs.id));
  const out: string[] = [];
  for (const q of src.questions) {
    const id = q.attrs.id ?? '?';
    const at = `line ${q.line} #${id}`;
    const { widget, experiment } = q.attrs;
    if (widget === undefined && experiment === undefined)
      out.push(`${at}: belongs to no widget or experiment (add widget= or experiment=)`);
    if (widget !== undefined && !src.widgets.has(widget))
      out.push(`${at}: widget=${widget} is not a widget of this lesson`);
    if (experiment !== undefined && !experiments.has(experiment))
      out.push(`${at}: experiment=${experiment} is not an experiment of this lesson`);
    if (q.actionsBeforeReveal > 0)
      out.push(`${at}: an action button inside the question gives its answer away`);
    if (!q.hasReveal) out.push(`${at}: has no reveal`);
    else if (!q.revealClaims.includes(id))
      out.push(`${at}: its reveal marks no answer claim :claim[...]{#${id}}`);
  }
  return out;
}

const question = (attrs: string, body = 'Press play.', reveal = 'It :claim[moves]{#q}.') =>
  `::widget{#w preset=p}\n\n::::predict{${attrs}}\n${body}\n\n- a\n- b\n\n:::reveal\n${reveal}\n:::\n::::\n`;

describe('predict questions', () => {
  it('passes an honest question', () => {
    expect(questionProblems(question('#q widget=w answer=1 then=play'))).toEqual([]);
  });

  it('finds a question that belongs to no widget, or to one the lesson lacks', () => {
    expect(questionProblems(question('#q answer=1'))).toEqual([
      'line 3 #q: belongs to no widget or experiment (add widget= or experiment=)',
    ]);
    expect(questionProblems(question('#q widget=x answer=1'))).toEqual([
      'line 3 #q: widget=x is not a widget of this lesson',
    ]);
    expect(questionProblems(question('#q experiment=e answer=1'))).toEqual([
      'line 3 #q: experiment=e is not an experiment of this lesson',
    ]);
    expect(
      questionProblems(`::experiment{id=e}\n\n${question('#q experiment=e answer=1')}`),
    ).toEqual([]);
  });

  it('finds an action button inside a question, even after a then= holding braces', () => {
    const body = 'Press :action[this]{widget=w action=crash}.';
    expect(questionProblems(question('#q widget=w answer=1', body))).toEqual([
      'line 3 #q: an action button inside the question gives its answer away',
    ]);
    expect(
      questionProblems(question(`#q widget=w answer=1 then=set arg-params='{"a":1}'`, body)),
    ).toEqual(['line 3 #q: an action button inside the question gives its answer away']);
  });

  it('finds a reveal that marks no answer claim', () => {
    expect(
      questionProblems(question('#q widget=w answer=1', 'x', 'It :claim[moves]{#other}.')),
    ).toEqual(['line 3 #q: its reveal marks no answer claim :claim[...]{#q}']);
  });

  for (const f of readdirSync(CONTENT).filter((n) => n.endsWith('.md')))
    it(`${f}: every question belongs to a widget that answers it, checked by a claim`, () => {
      expect(questionProblems(readFileSync(join(CONTENT, f), 'utf8'))).toEqual([]);
    });
});
