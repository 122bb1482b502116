// The package's main export in Node (no DOM, as in server rendering or a static build):
// importing it and calling it must not touch window, document or HTMLElement.
import { describe, expect, it } from 'vitest';

describe('ds-playground package: the registering export', () => {
  it('imports in Node without a DOM, and registers nothing there', async () => {
    expect(typeof globalThis.HTMLElement).toBe('undefined');
    const m = await import('./register');
    await expect(
      m.defineDsPlayground({ src: 'https://cdn.invalid/ds-playground.js' }),
    ).resolves.toBe(false);
    expect(m.isDsPlayground('ds-playground')).toBe(true);
    expect(m.isDsPlayground('div')).toBe(false);
  });
});
