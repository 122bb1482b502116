/**
 * Practice questions generated from seeded scenarios (issue 15, item 5). A generator runs the
 * real model (or its checker) on a scenario drawn from a seed and reads the answer off the run,
 * so the question, the key and the replay the learner watches afterwards always agree. Same seed,
 * same question, in Node and in the browser. Everything here is structured-clone data: the page
 * gets questions from a worker.
 */
import type { Scenario } from '../core/types';

export interface PracticeChoice {
  id: string;
  label: string;
}

/** `one`: a single choice; `many`: every right choice and no wrong one; `number`: a count. */
export type PracticeAnswerKind = 'one' | 'many' | 'number';

export type PracticeAnswer = readonly string[] | number;

export interface PracticeKey {
  /** `one` and `many`: the ids of the right choices. */
  ids?: string[];
  /** `number`: the measured value, and how far off an answer may be and still count. */
  value?: number;
  tolerance?: number;
}

export interface PracticeQuestion {
  model: string;
  seed: number;
  /** The question, one or two sentences. */
  prompt: string;
  /** What the learner needs to answer, as plain lines (logs, a history, ring positions). */
  facts: string[];
  /** Heading of the facts list ("Logs when S2 crashed"). */
  factsTitle: string;
  kind: PracticeAnswerKind;
  choices: PracticeChoice[];
  /** `number`: what the input is called ("Database queries"). */
  inputLabel?: string;
  key: PracticeKey;
  /** Why the answer is what it is, in the names the learner sees. */
  explanation: string;
  /** The run the answer comes from; the widget replays it to show the answer. */
  scenario: Scenario;
  /** Where the widget shows the question's moment. */
  atMs: number;
  /** Where playing stops when the answer is shown (a tour-step stop: `event:leader`, `t:3000`). */
  revealUntil: string;
  /** Whether the widget is on screen before the answer (false when it would give it away). */
  widgetBefore: boolean;
  /** View state the reveal sets (the hash ring's `findKey`), if any. */
  revealUi?: Record<string, unknown>;
}

/** One model's practice: a question for any seed. */
export interface PracticeGenerator {
  model: string;
  /** "Who can win the next election?" */
  title: string;
  generate(seed: number): PracticeQuestion;
}

export interface PracticeGrade {
  correct: boolean;
  /** The right answer in words ("S2 and S4", "73"). */
  expected: string;
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((x) => b.includes(x));

/** Grades an answer against the question's key (pure: the page runs it too). */
export function gradePractice(q: PracticeQuestion, answer: PracticeAnswer): PracticeGrade {
  if (q.kind === 'number') {
    const value = q.key.value ?? NaN;
    const tolerance = q.key.tolerance ?? 0;
    const expected =
      tolerance > 0
        ? `${value} (anything from ${Math.max(0, value - tolerance)} to ${value + tolerance} counts)`
        : String(value);
    const correct = typeof answer === 'number' && Math.abs(answer - value) <= tolerance;
    return { correct, expected };
  }
  const ids = q.key.ids ?? [];
  const label = (id: string) => q.choices.find((c) => c.id === id)?.label ?? id;
  const expected = ids.length === 0 ? 'none of them' : listWords(ids.map(label));
  const correct = Array.isArray(answer) && sameSet(answer as readonly string[], ids);
  return { correct, expected };
}

/** "a", "a and b", "a, b and c". */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}`;
}
