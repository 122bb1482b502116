/**
 * Predict, then reveal: the learner picks an answer and commits to it before the widget shows
 * what happens (`then=` runs an action or `play` on the widget) and the explanation opens.
 *
 * :::predict{#q1 widget=ring answer=2 then=addNode}
 * Question text
 * - option one
 * - option two
 * ::::reveal
 * Explanation
 * ::::
 * :::
 */
import {
  Children,
  isValidElement,
  useEffect,
  useId,
  useRef,
  useState,
  type ReactElement,
  type ReactNode,
} from 'react';
import { whenWidget } from '../../widget/handles';
import { modelInfo } from '../../widget/models';
import { argsOf, attrsOf } from '../directives';
import { useLessonContext } from '../context';
import { answerOf, recordAnswer } from '../progress';

export function Reveal({ children }: { children?: ReactNode }) {
  return <div className="reveal">{children}</div>;
}

export function PredictDirective(props: Record<string, unknown> & { children?: ReactNode }) {
  const a = attrsOf(props);
  const { lessonId, model: lessonModel } = useLessonContext();
  const qid = a.id ?? 'q';
  const groupId = useId();
  const parts = Children.toArray(props.children);
  const list = parts.find(
    (c): c is ReactElement<{ children?: ReactNode }> =>
      isValidElement(c) && (c.type === 'ul' || c.type === 'ol'),
  );
  const reveal = parts.filter((c) => isValidElement(c) && c.type === Reveal);
  const question = parts.filter((c) => c !== list && !reveal.includes(c));
  const options = list
    ? Children.toArray(list.props.children).filter((c) => isValidElement(c))
    : [];
  const correct = a.answer ? Number(a.answer) - 1 : null;
  // A question answered on an earlier visit opens answered.
  const [choice, setChoice] = useState<number | null>(() => answerOf(lessonId, qid) ?? null);
  const [committed, setCommitted] = useState<number | null>(() => answerOf(lessonId, qid) ?? null);
  // After "Commit my answer" the button is gone: focus moves to the reveal, not the page body.
  const after = useRef<HTMLDivElement>(null);
  const [justCommitted, setJustCommitted] = useState(false);
  useEffect(() => {
    if (justCommitted && committed !== null) after.current?.focus();
  }, [justCommitted, committed]);

  const commit = async () => {
    if (choice === null) return;
    setCommitted(choice);
    setJustCommitted(true);
    recordAnswer(lessonId, qid, choice);
    if (!a.then) return;
    const h = await whenWidget(a.widget ?? 'widget');
    if (a.then === 'play') h.play();
    else {
      await h.input({
        action: a.then,
        ...argsOf(a, modelInfo(a.model ?? lessonModel ?? ''), a.then),
      });
      h.play();
    }
  };

  return (
    <section className="predict" aria-labelledby={`${groupId}-q`} data-question={qid}>
      <div id={`${groupId}-q`} className="predict-question">
        <span className="badge">Predict</span>
        {question}
      </div>
      <div role="radiogroup" aria-labelledby={`${groupId}-q`} className="predict-options">
        {options.map((o, i) => {
          const label = isValidElement<{ children?: ReactNode }>(o) ? o.props.children : o;
          const verdict =
            committed !== null && correct !== null
              ? i === correct
                ? 'correct'
                : i === committed
                  ? 'wrong'
                  : ''
              : '';
          return (
            <label key={i} className={`predict-option ${verdict}`}>
              <input
                type="radio"
                name={`${groupId}-opt`}
                checked={choice === i}
                disabled={committed !== null}
                onChange={() => setChoice(i)}
              />
              <span>{label}</span>
              {verdict === 'correct' ? <span className="verdict"> ✓ right answer</span> : null}
              {verdict === 'wrong' ? <span className="verdict"> ✗ your answer</span> : null}
            </label>
          );
        })}
      </div>
      {committed === null ? (
        <button
          type="button"
          className="primary"
          disabled={choice === null}
          onClick={() => void commit()}
        >
          Commit my answer{a.then ? ' and run it' : ''}
        </button>
      ) : (
        <div className="predict-after" aria-live="polite" ref={after} tabIndex={-1}>
          {correct !== null ? (
            <p className="predict-result">
              {committed === correct ? 'You predicted it.' : 'Not this time; see why below.'}
            </p>
          ) : null}
          {reveal}
          <button
            type="button"
            className="link-button"
            onClick={() => {
              setCommitted(null);
              setChoice(null);
            }}
          >
            Answer again
          </button>
        </div>
      )}
    </section>
  );
}
