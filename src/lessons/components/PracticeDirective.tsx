/** `::practice{model=raft}`: a link to the model's generated practice, with what it asks. */
import { ErrorList } from '../../ui/ErrorList';
import { PRACTICE, practiceInfo } from '../../sim/practice/list';
import { useLessonContext } from '../context';
import { attrsOf } from '../directives';

export function PracticeDirective(props: Record<string, unknown>) {
  const lesson = useLessonContext();
  const model = attrsOf(props).model ?? lesson.model ?? '';
  const info = practiceInfo(model);
  if (!info)
    return (
      <ErrorList
        title="The practice link in this lesson has a bad attribute; the rest of the lesson still works."
        errors={[
          `practice.model: "${model}" has no practice questions (${PRACTICE.map((p) => p.model).join(', ')})`,
        ]}
      />
    );
  return (
    <aside className="note note-practice" aria-label="Practice">
      <strong className="note-title">Practice: {info.title}</strong>
      <p>
        Questions generated from seeded runs of this model and graded by it, as many as you like:
        each one is new, and “Show me the answer” replays its run.{' '}
        <a href={`#/practice/${encodeURIComponent(info.model)}`}>Practise now →</a>
      </p>
    </aside>
  );
}
