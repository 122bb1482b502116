/**
 * The snippets the app's Embed page offers: a script tag plus `<ds-playground>`, and an iframe,
 * for a preset or an exact scenario (a share link's). Only attributes that differ from the
 * defaults are written.
 */
import type { ModelInfo } from '../sim/core/info';
import type { Scenario } from '../sim/core/types';
import { encodeScenario } from '../widget/share';
import { ALL_CONTROLS } from '../widget/controls';
import { estimatedHeight } from './estimate';
import { DEFAULT_OPTIONS, type EmbedOptions } from './options';

export type EmbedSource =
  { kind: 'preset'; model: string; preset: string } | { kind: 'scenario'; scenario: Scenario };

export interface SnippetInput {
  /** Where the app is hosted, ending in `/` (the embed lives in `embed/` below it). */
  base: string;
  source: EmbedSource;
  options: EmbedOptions;
  /** The model's title, for the iframe's accessible name. */
  title: string;
  /** The model's description, for a closer height estimate. */
  info?: ModelInfo;
}

/** Attribute (or query) pairs, in the order they are written. */
export function embedAttributes(source: EmbedSource, o: EmbedOptions): [string, string][] {
  const out: [string, string][] =
    source.kind === 'preset'
      ? [
          ['model', source.model],
          ['preset', source.preset],
        ]
      : [['scenario', encodeScenario(source.scenario)]];
  const d = DEFAULT_OPTIONS;
  const all = o.controls.length === ALL_CONTROLS.length;
  if (!all) out.push(['controls', o.controls.length ? o.controls.join(' ') : 'none']);
  if (o.height !== d.height) out.push(['height', String(o.height)]);
  if (o.theme !== d.theme) out.push(['theme', o.theme]);
  if (o.loading !== d.loading) out.push(['loading', o.loading]);
  if (o.label) out.push(['label', o.label]);
  if (o.autoplay) out.push(['autoplay', '']);
  return out;
}

const escapeAttr = (v: string): string =>
  v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export const scriptUrl = (base: string): string => `${base}embed/ds-playground.js`;

export function scriptSnippet(i: SnippetInput): string {
  const attrs = embedAttributes(i.source, i.options)
    .map(([k, v]) => (v === '' ? ` ${k}` : ` ${k}="${escapeAttr(v)}"`))
    .join('');
  return `<script type="module" src="${escapeAttr(scriptUrl(i.base))}"></script>\n<ds-playground${attrs}></ds-playground>`;
}

export function iframeUrl(i: Omit<SnippetInput, 'title'>): string {
  // Inside an iframe the page's own `loading="lazy"` decides when it loads.
  const q = new URLSearchParams(
    embedAttributes(i.source, i.options).filter(([k]) => k !== 'loading'),
  );
  return `${i.base}embed.html?${q.toString().replace(/autoplay=(&|$)/, 'autoplay$1')}`;
}

export function iframeSnippet(i: SnippetInput): string {
  const height = estimatedHeight(i.options, i.info);
  return `<iframe src="${escapeAttr(iframeUrl(i))}" title="${escapeAttr(`DS Playground: ${i.title}`)}" width="100%" height="${height}" style="border: 0" loading="lazy"></iframe>`;
}
