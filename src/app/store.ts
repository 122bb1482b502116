/** UI state only (theme, open dialogs, practice scores); simulation state lives in the host and the widgets. */
import { create } from 'zustand';
import { persist } from 'zustand/middleware';

export type ThemeChoice = 'light' | 'dark' | 'auto';

/** One model's practice: the question on screen (its seed) and the score so far. */
export interface PracticeScore {
  /** The seed of the question being answered, so a reload shows the same one. */
  seed: number | null;
  /** Whether that question has been scored (its first Check counts, later ones do not). */
  scored: boolean;
  answered: number;
  /** Right at the first Check. */
  correct: number;
  streak: number;
  best: number;
}

export const EMPTY_SCORE: PracticeScore = {
  seed: null,
  scored: false,
  answered: 0,
  correct: 0,
  streak: 0,
  best: 0,
};

interface UiState {
  theme: ThemeChoice;
  helpOpen: boolean;
  practice: Record<string, PracticeScore>;
  setTheme(t: ThemeChoice): void;
  setHelpOpen(open: boolean): void;
  /** A new question for `model` (its score stays). */
  setPracticeSeed(model: string, seed: number): void;
  /** The first Check of the current question; later calls for the same question do nothing. */
  scorePractice(model: string, correct: boolean): void;
}

/** Bump when the stored shape changes; `migrateUiState` keeps what it can still read. */
export const UI_STATE_VERSION = 2;
const THEMES: readonly ThemeChoice[] = ['light', 'dark', 'auto'];

const count = (v: unknown): number =>
  typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 1e9 ? v : 0;

/** A stored score of any shape to a valid one (a model id must be a plain short name). */
function readScores(raw: unknown): Record<string, PracticeScore> {
  const out: Record<string, PracticeScore> = {};
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return out;
  for (const [model, v] of Object.entries(raw as Record<string, unknown>)) {
    if (!/^[a-z][a-z0-9-]{0,31}$/.test(model) || !v || typeof v !== 'object') continue;
    const s = v as Record<string, unknown>;
    const correct = count(s.correct);
    const answered = Math.max(count(s.answered), correct);
    const seed =
      typeof s.seed === 'number' && Number.isInteger(s.seed) && s.seed >= 0 && s.seed <= 4294967295
        ? s.seed
        : null;
    out[model] = {
      seed,
      scored: s.scored === true,
      answered,
      correct,
      streak: Math.min(count(s.streak), correct),
      best: Math.max(count(s.best), Math.min(count(s.streak), correct)),
    };
  }
  return out;
}

/** Stored UI state of any version (or garbage) to today's: drops what it cannot read. */
export function migrateUiState(stored: unknown): Partial<Pick<UiState, 'theme' | 'practice'>> {
  const s = stored as { theme?: unknown; practice?: unknown } | null;
  const theme = s?.theme;
  return {
    ...(typeof theme === 'string' && (THEMES as readonly string[]).includes(theme)
      ? { theme: theme as ThemeChoice }
      : {}),
    // Version 1 had no practice; a later version's scores are read field by field.
    practice: readScores(s?.practice),
  };
}

export const useUi = create<UiState>()(
  persist(
    (set) => ({
      theme: 'auto',
      helpOpen: false,
      practice: {},
      setTheme: (theme) => set({ theme }),
      setHelpOpen: (helpOpen) => set({ helpOpen }),
      setPracticeSeed: (model, seed) =>
        set((s) => ({
          practice: {
            ...s.practice,
            [model]: { ...(s.practice[model] ?? EMPTY_SCORE), seed, scored: false },
          },
        })),
      scorePractice: (model, correct) =>
        set((s) => {
          const was = s.practice[model] ?? EMPTY_SCORE;
          if (was.scored) return {};
          const streak = correct ? was.streak + 1 : 0;
          return {
            practice: {
              ...s.practice,
              [model]: {
                ...was,
                scored: true,
                answered: was.answered + 1,
                correct: was.correct + (correct ? 1 : 0),
                streak,
                best: Math.max(was.best, streak),
              },
            },
          };
        }),
    }),
    {
      name: 'dsp:ui',
      version: UI_STATE_VERSION,
      partialize: (s) => ({ theme: s.theme, practice: s.practice }),
      migrate: migrateUiState,
      // Stored state of this version is read by the same rules as an older one.
      merge: (stored, current) => ({ ...current, ...migrateUiState(stored) }),
    },
  ),
);

export const resolveTheme = (t: ThemeChoice): 'light' | 'dark' =>
  t === 'auto' ? (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light') : t;
