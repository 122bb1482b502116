/**
 * The UI store's stored state (issue #18 item 5): a version it does not know, or garbage, is
 * migrated to what it can still read, without zustand's "couldn't be migrated" warning.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { migrateUiState } from './store';

/** Loads a fresh store over a localStorage holding `stored` under its key. */
async function storeOver(stored: string | null) {
  const items = new Map<string, string>(stored === null ? [] : [['dsp:ui', stored]]);
  const localStorage = {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
  };
  // zustand's persist reads `window.localStorage` (and skips storage where there is no window).
  vi.stubGlobal('window', { localStorage });
  vi.stubGlobal('localStorage', localStorage);
  vi.resetModules();
  const { useUi } = await import('./store');
  await Promise.resolve();
  return useUi.getState();
}

describe('the stored UI state', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it.each([
    ['an unknown older version', '{"state":{"theme":"dark","panel":3},"version":0}', 'dark'],
    ['a version from the future', '{"state":{"theme":"light"},"version":99}', 'light'],
    ['a theme it does not know', '{"state":{"theme":"sepia"},"version":0}', 'auto'],
    ['a state that is not an object', '{"state":5,"version":0}', 'auto'],
    ['the current version', '{"state":{"theme":"dark"},"version":1}', 'dark'],
  ])('%s keeps what it can read, quietly', async (_, stored, theme) => {
    const warn = vi.spyOn(console, 'warn');
    const error = vi.spyOn(console, 'error');
    expect((await storeOver(stored)).theme).toBe(theme);
    expect(warn).not.toHaveBeenCalled();
    expect(error).not.toHaveBeenCalled();
  });
});

describe('practice scores in the stored UI state', () => {
  it('keeps the theme of version 1 and starts practice empty', () => {
    expect(migrateUiState({ theme: 'dark' })).toEqual({ theme: 'dark', practice: {} });
    expect(migrateUiState(null)).toEqual({ practice: {} });
    expect(migrateUiState('garbage')).toEqual({ practice: {} });
  });

  it('reads practice scores field by field and drops what is not a score', () => {
    const m = migrateUiState({
      theme: 'neon',
      practice: {
        raft: { seed: 4294967295, scored: true, answered: 5, correct: 3, streak: 2, best: 2 },
        cap: { seed: -1, answered: 2, correct: 7, streak: 9 },
        __proto__: { answered: 1 },
        'Bad Name': { answered: 1 },
        stampede: 'x',
      },
    });
    expect(m.theme).toBeUndefined();
    expect(m.practice).toEqual({
      raft: { seed: 4294967295, scored: true, answered: 5, correct: 3, streak: 2, best: 2 },
      // More right than answered, a streak longer than the right answers: clamped.
      cap: { seed: null, scored: false, answered: 7, correct: 7, streak: 7, best: 7 },
    });
    expect(Object.getPrototypeOf(m.practice)).toBe(Object.prototype);
  });
});
