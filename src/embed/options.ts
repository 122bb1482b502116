/**
 * The embed's own attributes (the scenario attributes go through `widget/attrs.ts`):
 * `controls`, `autoplay`, `theme`, `height`, `loading`, `label`. The custom element reads them from its
 * attributes, the iframe page from its query string; a bad value is an error naming the attribute.
 */
import type { FieldError } from '../sim/core/errors';
import { ALL_CONTROLS, type Control } from '../widget/controls';

export type Theme = 'light' | 'dark' | 'auto';
export type Loading = 'lazy' | 'eager';

export interface EmbedOptions {
  controls: readonly Control[];
  autoplay: boolean;
  theme: Theme;
  /** Height of the drawing in px. */
  height: number;
  loading: Loading;
  /** Accessible name; default "<model title> simulation". Give one when a model repeats on a page. */
  label?: string;
}

export const HEIGHT_MIN = 200;
export const HEIGHT_MAX = 1200;
export const DEFAULT_OPTIONS: EmbedOptions = {
  controls: ALL_CONTROLS,
  autoplay: false,
  theme: 'auto',
  height: 380,
  loading: 'lazy',
};
const THEMES: readonly Theme[] = ['light', 'dark', 'auto'];
const LOADINGS: readonly Loading[] = ['lazy', 'eager'];

/** `controls="playback log"` (spaces or commas), `controls="all"` or `controls="none"`. */
function parseControls(raw: string): readonly Control[] | FieldError {
  const words = raw.split(/[\s,]+/).filter(Boolean);
  if (words.length === 1 && words[0] === 'all') return ALL_CONTROLS;
  if (words.length === 1 && words[0] === 'none') return [];
  const bad = words.filter((w) => !(ALL_CONTROLS as readonly string[]).includes(w));
  if (bad.length)
    return {
      path: 'controls',
      message: `${bad.map((b) => JSON.stringify(b)).join(', ')} ${bad.length > 1 ? 'are not controls' : 'is not a control'} (${ALL_CONTROLS.join(', ')}, or all, none)`,
    };
  return words as Control[];
}

function parseHeight(raw: string): number | FieldError {
  // Trim first, then a pattern with one way to match: "1" and 60,000 spaces then "x" took
  // seconds with `\s*(px)?\s*$` backtracking over the spaces.
  const m =
    raw.length <= 64 ? /^(\d+(?:\.\d+)?)(px)?$/.exec(raw.trim().replace(/\s+(?=px$)/, '')) : null;
  const n = m ? Math.round(Number(m[1])) : NaN;
  if (!Number.isFinite(n) || n < HEIGHT_MIN || n > HEIGHT_MAX)
    return {
      path: 'height',
      message: `${JSON.stringify(raw)} is not a height in pixels from ${HEIGHT_MIN} to ${HEIGHT_MAX}`,
    };
  return n;
}

function oneOf<T extends string>(name: string, raw: string, allowed: readonly T[]): T | FieldError {
  return (allowed as readonly string[]).includes(raw)
    ? (raw as T)
    : { path: name, message: `${JSON.stringify(raw)} is not ${allowed.join(', ')}` };
}

/** A boolean attribute: present means true, unless written `"false"`. */
const flag = (raw: string | undefined): boolean => raw !== undefined && raw !== 'false';

export function parseEmbedOptions(a: Readonly<Record<string, string | undefined>>): {
  options: EmbedOptions;
  errors: FieldError[];
} {
  const errors: FieldError[] = [];
  const take = <T>(v: T | FieldError, fallback: T): T => {
    if (v && typeof v === 'object' && 'path' in v && 'message' in v) {
      errors.push(v);
      return fallback;
    }
    return v as T;
  };
  const d = DEFAULT_OPTIONS;
  const options: EmbedOptions = {
    controls: a.controls === undefined ? d.controls : take(parseControls(a.controls), d.controls),
    autoplay: flag(a.autoplay),
    theme: a.theme === undefined ? d.theme : take(oneOf('theme', a.theme, THEMES), d.theme),
    height: a.height === undefined ? d.height : take(parseHeight(a.height), d.height),
    loading:
      a.loading === undefined ? d.loading : take(oneOf('loading', a.loading, LOADINGS), d.loading),
    ...(a.label?.trim() ? { label: a.label.trim() } : {}),
  };
  return { options, errors };
}
