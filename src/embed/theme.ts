/**
 * Theme rules for a shadow root. The app themes the page with `[data-theme]` on <html>; an embed
 * themes its own host element instead, with the same colours: the dark block of theme.css is
 * reused for `:host([theme=dark])` and for the custom state `dark`, which the element sets when
 * `theme=auto` (the default) resolves to dark (the host page's switch, else the system: see
 * pageTheme.ts). Browsers without custom states fall back to the system preference. Rules on
 * `:host` lose to the host page's own rules on the element, so a page can override any
 * variable: `ds-playground { --accent: #c00 }`.
 */
const DARK_BLOCK = /\[data-theme=(['"]?)dark\1\]\s*\{([^}]*)\}/;

export function hostThemeCss(themeCss: string): string {
  const dark = DARK_BLOCK.exec(themeCss)?.[2];
  if (!dark) throw new Error('theme.css has no [data-theme=dark] block');
  // Separate rules: a browser that does not know :state() drops only the rule that uses it.
  return `${themeCss}
:host([theme='dark']) {${dark}}
:host(:state(dark)) {${dark}}
@supports not selector(:state(dark)) {
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {${dark}}
  }
}`;
}
