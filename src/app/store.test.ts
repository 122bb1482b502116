import { describe, expect, it } from 'vitest';
import { migrateUiState } from './store';

describe('stored UI state', () => {
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
