/**
 * The package's main export: registers `<ds-playground>` in the browser, and is safe to import
 * anywhere (server rendering, a static build, Node): nothing touches `window` or `document`
 * until `defineDsPlayground` runs, and then only in a browser.
 *
 * The element loads its chunks and starts its simulation workers relative to its own script, so
 * the script is served as files (the package's `embed/` folder, or the hosted `dist/embed/`),
 * never re-bundled: `src` says where it is, and is imported as it is (bundlers leave it alone).
 */
export interface DefineOptions {
  /** URL of `ds-playground.js`: e.g. `https://example.org/ds/embed/ds-playground.js`. */
  src: string;
}

/**
 * Loads and registers the element once per page. Resolves true once `<ds-playground>` is
 * defined; false where there is no browser (server rendering), without doing anything.
 */
export async function defineDsPlayground(options: DefineOptions): Promise<boolean> {
  if (typeof window === 'undefined' || typeof customElements === 'undefined') return false;
  if (!customElements.get('ds-playground')) await import(/* @vite-ignore */ options.src);
  return customElements.get('ds-playground') !== undefined;
}

/** VitePress / Vue: `isCustomElement` for the template compiler. */
export const isDsPlayground = (tag: string): boolean => tag === 'ds-playground';
