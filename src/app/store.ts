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

export const useUi = create<UiState>()(
  persist(
    (set) => ({
      theme: 'auto',
      helpOpen: false,
      setTheme: (theme) => set({ theme }),
      setHelpOpen: (helpOpen) => set({ helpOpen }),
    }),
    { name: 'dsp:ui', partialize: (s) => ({ theme: s.theme }) },
  ),
);

export const resolveTheme = (t: ThemeChoice): 'light' | 'dark' =>
  t === 'auto' ? (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light') : t;
