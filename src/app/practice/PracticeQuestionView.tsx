/**
 * One generated practice question: the facts, the choices (or a number), Check, the grade
 * (announced), "Show me" which replays the question's own run in a widget, and Next.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { gradePractice, type PracticeGrade, type PracticeQuestion } from '../../sim/practice/types';
import { getWidget } from '../../widget/handles';
import { parseUntil } from '../../widget/tour/stepSchema';
import { Widget, type WidgetStatus } from '../../widget/Widget';

const WIDGET_ID = 'practice';

interface Props {
  q: PracticeQuestion;
  /** The first Check of this question (the page scores only that one). */
  onChecked(correct: boolean): void;
  onNext(): void;
}

export function PracticeQuestionView({ q, onChecked, onNext }: Props) {
  const base = useId();
  const [picked, setPicked] = useState<string[]>([]);
  const [number, setNumber] = useState('');
  const [grade, setGrade] = useState<(PracticeGrade & { n: number }) | null>(null);
  const [revealed, setRevealed] = useState(false);
  const [status, setStatus] = useState<WidgetStatus>('booting');
  const played = useRef(false);
  const result = useRef<HTMLParagraphElement>(null);
  const answerRef = useRef<HTMLDivElement>(null);

  const answer = q.kind === 'number' ? (number.trim() === '' ? NaN : Number(number)) : picked;
  const empty = q.kind === 'number' ? !Number.isFinite(answer) : picked.length === 0;

  const check = () => {
    if (empty) return;
    const g = gradePractice(q, answer);
    if (!grade) onChecked(g.correct);
    setGrade({ ...g, n: (grade?.n ?? 0) + 1 });
    // Focus goes to the grade, which is also announced.
    requestAnimationFrame(() => result.current?.focus());
  };

  const reveal = () => {
    setRevealed(true);
    requestAnimationFrame(() => answerRef.current?.focus());
  };

  // Show the answer by playing the question's run, once the widget stands at its start.
  useEffect(() => {
    if (!revealed || played.current || status !== 'paused') return;
    played.current = true;
    const stop = q.revealUntil ? parseUntil(q.revealUntil) : null;
    if (stop && typeof stop !== 'string') getWidget(WIDGET_ID)?.playUntil(stop);
  }, [revealed, status, q.revealUntil]);

  const toggle = (id: string, on: boolean) =>
    setPicked((p) => (q.kind === 'one' ? [id] : on ? [...p, id] : p.filter((x) => x !== id)));

  return (
    <div className="practice-question" data-seed={q.seed}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          check();
        }}
      >
        <fieldset>
          <legend className="practice-prompt">{q.prompt}</legend>
          <h2 className="practice-facts-title">{q.factsTitle}</h2>
          <ul className="practice-facts">
            {q.facts.map((f, i) => (
              <li key={i}>{f}</li>
            ))}
          </ul>
          {q.kind === 'number' ? (
            <label className="practice-number">
              {q.inputLabel ?? 'Your answer'}{' '}
              <input
                type="number"
                min={0}
                step={1}
                inputMode="numeric"
                value={number}
                onChange={(e) => setNumber(e.target.value)}
              />
            </label>
          ) : (
            <div
              className="practice-choices"
              role="group"
              aria-label={q.kind === 'many' ? 'Tick every right answer' : 'Pick one'}
            >
              {q.choices.map((c) => (
                <label key={c.id} className="practice-choice">
                  <input
                    type={q.kind === 'one' ? 'radio' : 'checkbox'}
                    name={`${base}-choice`}
                    value={c.id}
                    checked={picked.includes(c.id)}
                    onChange={(e) => toggle(c.id, e.target.checked)}
                  />{' '}
                  {c.label}
                </label>
              ))}
            </div>
          )}
        </fieldset>
        <p className="practice-buttons">
          <button type="submit" disabled={empty}>
            {grade && !grade.correct ? 'Check again' : 'Check my answer'}
          </button>{' '}
          {!revealed ? (
            <button type="button" onClick={reveal}>
              Show me the answer
            </button>
          ) : null}{' '}
          <button type="button" onClick={onNext}>
            Next question
          </button>
        </p>
      </form>
      <p
        ref={result}
        tabIndex={-1}
        className={`practice-grade ${grade ? (grade.correct ? 'right' : 'wrong') : ''}`}
        role="status"
        data-grade={grade ? (grade.correct ? 'right' : 'wrong') : 'none'}
      >
        {grade
          ? grade.correct
            ? `✓ Right${grade.n > 1 ? ' this time' : ''}: ${grade.expected}.`
            : `✗ Not quite (check ${grade.n}). Change your answer and check again, or press “Show me the answer”.`
          : ''}
      </p>
      {revealed ? (
        <div
          className="practice-answer"
          ref={answerRef}
          tabIndex={-1}
          aria-labelledby={`${base}-ans`}
        >
          <h2 id={`${base}-ans`}>The answer: {gradePractice(q, []).expected}</h2>
          <p>{q.explanation}</p>
          {q.revealUntil ? (
            <p className="muted">The widget below replays the question’s own run to that moment.</p>
          ) : (
            <p className="muted">The ring below shows the key’s walk.</p>
          )}
        </div>
      ) : null}
      {q.widgetBefore || revealed ? (
        <h2 className="practice-run-title">The question’s run</h2>
      ) : null}
      {q.widgetBefore || revealed ? (
        <Widget
          id={WIDGET_ID}
          scenario={q.scenario}
          atMs={q.atMs}
          height={400}
          label="The practice question’s run"
          onStatus={setStatus}
          {...(revealed && q.revealUi ? { uiPatch: q.revealUi } : {})}
        />
      ) : null}
    </div>
  );
}
