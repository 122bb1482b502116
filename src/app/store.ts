/** UI state only (theme, open dialogs); simulation state lives in the host and the widgets. */
import { create } from 'zustand';
import { persist } from 'zustand/middleware';

export type ThemeChoice = 'light' | 'dark' | 'auto';

interface UiState {
  theme: ThemeChoice;
  helpOpen: boolean;
  setTheme(t: ThemeChoice): void;
  setHelpOpen(open: boolean): void;
}

/** Bump when the stored shape changes; `migrateUiState` keeps what it can still read. */
export const UI_STATE_VERSION = 1;
const THEMES: readonly ThemeChoice[] = ['light', 'dark', 'auto'];

/** Stored UI state of any version (or garbage) to today's: drops what it cannot read. */
export function migrateUiState(stored: unknown): Partial<Pick<UiState, 'theme'>> {
  const theme = (stored as { theme?: unknown } | null)?.theme;
  return typeof theme === 'string' && (THEMES as readonly string[]).includes(theme)
    ? { theme: theme as ThemeChoice }
    : {};
}

export const useUi = create<UiState>()(
  persist(
    (set) => ({
      theme: 'auto',
      helpOpen: false,
      setTheme: (theme) => set({ theme }),
      setHelpOpen: (helpOpen) => set({ helpOpen }),
    }),
    {
      name: 'dsp:ui',
      version: UI_STATE_VERSION,
      partialize: (s) => ({ theme: s.theme }),
      migrate: migrateUiState,
    },
  ),
);

export const resolveTheme = (t: ThemeChoice): 'light' | 'dark' =>
  t === 'auto' ? (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light') : t;
