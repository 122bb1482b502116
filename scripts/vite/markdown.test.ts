import { describe, expect, it } from 'vitest';
import { compileLesson } from './markdown';

const lesson = (body: string) =>
  `---\ntitle: T\nsummary: S\nphase: 1\norder: 1\nminutes: 1\n---\n\n${body}\n`;

describe('lesson tours at build time', () => {
  it('fails the build naming a step whose unquoted value held >= (it would vanish silently)', async () => {
    const bad = lesson(
      ':::tour{widget=w}\n::step[A.]{until=t:5}\n::step[B.]{until=metric:term>=2}\n:::',
    );
    await expect(compileLesson(bad, 'content/x.md')).rejects.toThrow(
      /content\/x\.md: a tour line was not read as a ::step \("::step\[B\.\]/,
    );
    const good = lesson(
      ':::tour{widget=w}\n::step[A.]{until=t:5}\n::step[B.]{until="metric:term>=2"}\n:::',
    );
    const { tree } = await compileLesson(good, 'content/x.md');
    expect(JSON.stringify(tree).match(/ds-step/g)).toHaveLength(2);
  });

  it('reads the practice directive', async () => {
    const { tree } = await compileLesson(lesson('::practice{model=raft}'), 'content/x.md');
    expect(tree[0]).toEqual(['ds-practice', { 'data-model': 'raft' }]);
  });
});
