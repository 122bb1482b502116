/**
 * `#/practice` lists the models with generated practice; `#/practice/<model>` asks one question
 * at a time, each from a fresh seed (`?seed=N` opens a given one), graded by the model itself,
 * with the score kept in the persisted UI store.
 */
import { useEffect, useState } from 'react';
import { PRACTICE, practiceInfo, type PracticeInfo } from '../../sim/practice/list';
import { practiceQuestion } from '../../worker/practiceClient';
import type { PracticeResult } from '../../worker/practiceApi';
import { lessonById } from '../lessonIndex';
import { PracticeQuestionView } from '../practice/PracticeQuestionView';
import { href } from '../router';
import { EMPTY_SCORE, useUi, type PracticeScore } from '../store';
import '../practice/practice.css';

const SEED_MAX = 4294967295;

/** A fresh question's seed: the page's own randomness (the simulation stays seeded). */
const freshSeed = (): number => crypto.getRandomValues(new Uint32Array(1))[0]!;

function seedParam(raw: string | null): number | null | string {
  if (raw === null) return null;
  const n = Number(raw);
  return /^\d+$/.test(raw) && n <= SEED_MAX
    ? n
    : `seed: "${raw}" is not a whole number from 0 to ${SEED_MAX}`;
}

const scoreLine = (s: PracticeScore): string =>
  s.answered === 0
    ? 'No questions answered yet.'
    : `${s.correct} of ${s.answered} right at the first try; streak ${s.streak}, best ${s.best}.`;

export function PracticePage({
  model,
  query,
}: {
  model: string | undefined;
  query: URLSearchParams;
}) {
  useEffect(() => {
    document.title = 'Practice · DS Playground';
  }, []);
  if (!model) return <PracticeIndex />;
  const info = practiceInfo(model);
  if (!info)
    return (
      <div className="page" role="alert">
        <h1>No practice for “{model}”</h1>
        <p>
          Practice questions exist for {PRACTICE.map((p) => p.model).join(', ')}.{' '}
          <a href={href('practice')}>See them all</a>.
        </p>
      </div>
    );
  return <PracticeRunner key={model} info={info} seed={seedParam(query.get('seed'))} />;
}

function PracticeIndex() {
  const scores = useUi((s) => s.practice);
  return (
    <div className="page practice-page">
      <h1>Practice</h1>
      <p>
        Questions generated from seeded runs of the models and graded by the models themselves:
        every question is new, and “Show me the answer” plays the question’s own run.
      </p>
      <ul className="lesson-cards">
        {PRACTICE.map((p) => (
          <li key={p.model}>
            <a className="lesson-card" href={href('practice', p.model)}>
              <span className="lesson-title">{p.title}</span>
              <span className="lesson-summary">{scoreLine(scores[p.model] ?? EMPTY_SCORE)}</span>
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

function PracticeRunner({
  info,
  seed: fromUrl,
}: {
  info: PracticeInfo;
  seed: number | null | string;
}) {
  const score = useUi((s) => s.practice[info.model]) ?? EMPTY_SCORE;
  const setSeed = useUi((s) => s.setPracticeSeed);
  const scorePractice = useUi((s) => s.scorePractice);
  const urlSeed = typeof fromUrl === 'number' ? fromUrl : null;
  const seed = urlSeed ?? score.seed;
  // A seed from the link becomes the current question; with none stored, draw one.
  useEffect(() => {
    if (urlSeed !== null && urlSeed !== score.seed) setSeed(info.model, urlSeed);
    else if (urlSeed === null && score.seed === null) setSeed(info.model, freshSeed());
  }, [urlSeed, score.seed, setSeed, info.model]);
  const [result, setResult] = useState<{ seed: number; r: PracticeResult } | null>(null);
  useEffect(() => {
    if (seed === null) return;
    let live = true;
    practiceQuestion(info.model, seed).then(
      (r) => live && setResult({ seed, r }),
      (e: unknown) => live && setResult({ seed, r: { ok: false, error: String(e) } }),
    );
    return () => {
      live = false;
    };
  }, [info.model, seed]);
  const current = result?.seed === seed ? result.r : null;
  const lesson = lessonById(info.lesson);
  const next = () => {
    const fresh = freshSeed();
    // A link's seed would win over the store's: the next question goes in the link too.
    if (urlSeed !== null) location.hash = `${href('practice', info.model)}?seed=${fresh}`;
    else setSeed(info.model, fresh);
  };
  return (
    <div className="page practice-page">
      <p className="crumbs">
        <a href={href('practice')}>Practice</a>
        {lesson ? (
          <>
            {' '}
            · from the lesson <a href={href('lesson', lesson.id)}>{lesson.title}</a>
          </>
        ) : null}
      </p>
      <h1>{info.title}</h1>
      <p className="practice-score" data-testid="practice-score">
        Score: {scoreLine(score)}
      </p>
      {typeof fromUrl === 'string' ? (
        <p className="field-error" role="alert">
          {fromUrl}
        </p>
      ) : null}
      {!current ? (
        <p className="muted">Generating a question…</p>
      ) : current.ok ? (
        <PracticeQuestionView
          key={`${info.model}-${current.question.seed}`}
          q={current.question}
          onChecked={(correct) => scorePractice(info.model, correct)}
          onNext={next}
        />
      ) : (
        <p role="alert">Could not make a question: {current.error}</p>
      )}
    </div>
  );
}
