/**
 * Types of `<ds-playground>` (the element is defined by `embed/ds-playground.js`, loaded by
 * `defineDsPlayground`). React JSX: `import type {} from 'ds-playground/react'`; Vue templates:
 * `import type {} from 'ds-playground/vue'`.
 */

export interface DsPlaygroundElement extends HTMLElement {
  /** Where the widget stands (see `ds-ready`, `ds-error`). */
  readonly status: string;
  /** The messages of the last error, each naming its field (`param-nodes: 500 is above the maximum 64`). */
  readonly errors: readonly string[];
  play(): void;
  pause(): void;
  reset(): void;
  seek(ms: number): void;
}

/** The element's attributes, all strings, as written in HTML. */
export interface DsPlaygroundAttributes {
  model?: string;
  preset?: string;
  seed?: string | number;
  /** An encoded scenario, the `s=` of a share link (instead of model and preset). */
  scenario?: string;
  /** `none`: keep a preset's params, drop its scripted inputs. */
  inputs?: 'none';
  /** `playback params actions log metrics invariants share` (spaces or commas), `all` or `none`. */
  controls?: string;
  autoplay?: boolean | 'true' | 'false' | '';
  theme?: 'auto' | 'light' | 'dark';
  /** The drawing's height in px, 200 to 1200. */
  height?: string | number;
  loading?: 'lazy' | 'eager';
  label?: string;
  /** `param-<name>`: one parameter, e.g. `param-nodes="5"`. */
  [param: `param-${string}`]: string | number | undefined;
}

export interface DsReadyDetail {
  model: string;
  scenario: { model: string; params: Record<string, unknown>; seed: number; inputs: object[] };
}
export interface DsErrorDetail {
  kind: 'attribute' | 'scenario' | 'crash' | 'network';
  errors: string[];
}
export interface DsLogEventDetail {
  t: number;
  text: string;
  level: string;
  kind?: string;
  nodes?: number[];
}

export interface DefineOptions {
  /** URL of `ds-playground.js` (this package's `embed/` folder served as files, or a CDN copy). */
  src: string;
}

/** Loads and registers the element; resolves false, doing nothing, outside a browser. */
export function defineDsPlayground(options: DefineOptions): Promise<boolean>;
/** For Vue's `compilerOptions.isCustomElement`. */
export function isDsPlayground(tag: string): boolean;

declare global {
  interface HTMLElementTagNameMap {
    'ds-playground': DsPlaygroundElement;
  }
  interface HTMLElementEventMap {
    'ds-ready': CustomEvent<DsReadyDetail>;
    'ds-error': CustomEvent<DsErrorDetail>;
    'ds-event': CustomEvent<DsLogEventDetail>;
  }
}
