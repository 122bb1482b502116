/** Lesson progress in localStorage: which lessons were opened and which questions answered. */

const KEY = 'dsp:progress';

export interface Progress {
  visited: Record<string, number>;
  /** `${lessonId}/${questionId}` -> the chosen option index. */
  answered: Record<string, number>;
}

const empty = (): Progress => ({ visited: {}, answered: {} });

export function loadProgress(): Progress {
  try {
    const raw = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<Progress> | null;
    if (!raw || typeof raw !== 'object') return empty();
    return { visited: { ...(raw.visited ?? {}) }, answered: { ...(raw.answered ?? {}) } };
  } catch {
    return empty();
  }
}

function save(p: Progress): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(p));
  } catch {
    // Private mode or a full quota: progress is a convenience, never a reason to fail.
  }
}

export function markVisited(lessonId: string, at = Date.now()): void {
  const p = loadProgress();
  p.visited[lessonId] ??= at;
  save(p);
}

export function recordAnswer(lessonId: string, questionId: string, choice: number): void {
  const p = loadProgress();
  p.answered[`${lessonId}/${questionId}`] = choice;
  save(p);
}

export const answerOf = (lessonId: string, questionId: string): number | undefined =>
  loadProgress().answered[`${lessonId}/${questionId}`];

export const answeredCount = (p: Progress, lessonId: string): number =>
  Object.keys(p.answered).filter((k) => k.startsWith(`${lessonId}/`)).length;
