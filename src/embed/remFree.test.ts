// Styles that reach a <ds-playground> shadow root size from --rem (16 px in the embed, 1rem in the
// app), never from a bare rem, which is the host page's root font size (issue 13 bug 4: Material's
// 125% root enlarged embedded widgets). A CSS file written or merged with `0.8rem` fails here.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const EMBEDDED_STYLE_DIRS = ['src/ui', 'src/views', 'src/widget', 'src/embed'];

function cssFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return cssFiles(path);
    return e.name.endsWith('.css') ? [path] : [];
  });
}

/** `0.8rem` and the like, outside the `var(--rem, 1rem)` fallback itself. */
function bareRems(css: string): string[] {
  const withoutFallback = css.replaceAll('var(--rem, 1rem)', '').replace(/\/\*[\s\S]*?\*\//g, '');
  return [...withoutFallback.matchAll(/(?<![\w.-])\d*\.?\d+rem\b/g)].map((m) => m[0]);
}

describe('embedded styles size from --rem', () => {
  const files = EMBEDDED_STYLE_DIRS.flatMap(cssFiles);
  it('finds the style files', () => {
    expect(files.length).toBeGreaterThan(4);
    expect(bareRems('a { top: 0.4rem; width: calc(2 * var(--rem, 1rem)); }')).toEqual(['0.4rem']);
  });
  it.each(files)('%s has no bare rem', (file) => {
    expect(bareRems(readFileSync(file, 'utf8'))).toEqual([]);
  });
});
