import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hostThemeCss } from './theme';

const theme = readFileSync(new URL('../ui/theme.css', import.meta.url), 'utf8');

describe('hostThemeCss', () => {
  it('reuses the dark colours for theme=dark, the dark state, and the system fallback', () => {
    const css = hostThemeCss(theme);
    const dark = /\[data-theme='dark'\]\s*\{([^}]*)\}/.exec(theme)![1]!;
    expect(dark).toContain('--bg:');
    expect(css).toContain(`:host([theme='dark']) {${dark}}`);
    expect(css).toContain(`:host(:state(dark)) {${dark}}`);
    expect(css).toMatch(
      /@supports not selector\(:state\(dark\)\) \{\s*@media \(prefers-color-scheme: dark\) \{\s*:host\(:not\(\[theme='light'\]\)\)/,
    );
  });

  it('reads minified CSS too', () => {
    const css = hostThemeCss(':host{--bg:#fff}[data-theme=dark]{--bg:#000}');
    expect(css).toContain(":host([theme='dark']) {--bg:#000}");
  });

  it('fails loudly if theme.css loses its dark block', () => {
    expect(() => hostThemeCss(':root{--bg:#fff}')).toThrow(/dark/);
  });
});
