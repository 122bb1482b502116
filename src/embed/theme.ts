/**
 * Theme rules for a shadow root. The app themes the page with `[data-theme]` on <html>; an embed
 * themes its own host element through its `theme` attribute instead, with the same colours:
 * the dark block of theme.css is reused for `:host([theme=dark])` and, under a dark system
 * preference, for `theme=auto` (the default). Rules on `:host` lose to the host page's own rules
 * on the element, so a page can override any variable: `ds-playground { --accent: #c00 }`.
 */
const DARK_BLOCK = /\[data-theme=(['"]?)dark\1\]\s*\{([^}]*)\}/;

export function hostThemeCss(themeCss: string): string {
  const dark = DARK_BLOCK.exec(themeCss)?.[2];
  if (!dark) throw new Error('theme.css has no [data-theme=dark] block');
  return `${themeCss}
:host([theme='dark']) {${dark}}
@media (prefers-color-scheme: dark) {
  :host(:not([theme='light'])) {${dark}}
}`;
}
