/**
 * The UI store's stored state (issue #18 item 5): a version it does not know, or garbage, is
 * migrated to what it can still read, without zustand's "couldn't be migrated" warning.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

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
