import { describe, expect, it } from 'vitest';
import type { Scenario } from '../sim/core/types';
import { decodeScenario } from '../widget/share';
import { parseEmbedOptions } from './options';
import { iframeSnippet, iframeUrl, scriptSnippet } from './snippet';

const base = 'https://example.org/ds-playground/';
const options = (a: Record<string, string>) => parseEmbedOptions(a).options;

describe('embed snippets', () => {
  it('a preset with default options is a model and a preset, nothing else', () => {
    const s = scriptSnippet({
      base,
      source: { kind: 'preset', model: 'hashring', preset: 'basic' },
      options: options({}),
      title: 'Consistent hashing',
    });
    expect(s).toBe(
      '<script type="module" src="https://example.org/ds-playground/embed/ds-playground.js"></script>\n' +
        '<ds-playground model="hashring" preset="basic"></ds-playground>',
    );
  });

  it('writes only options that differ from the defaults, as the element reads them', () => {
    const o = options({ controls: 'playback log', height: '300', theme: 'dark', autoplay: '' });
    const s = scriptSnippet({
      base,
      source: { kind: 'preset', model: 'raft', preset: 'election' },
      options: o,
      title: 'Raft',
    });
    expect(s).toContain(
      '<ds-playground model="raft" preset="election" controls="playback log" height="300" theme="dark" autoplay></ds-playground>',
    );
    // What the snippet says is what the element will parse.
    const attrs = Object.fromEntries(
      [...s.matchAll(/ ([a-z-]+)(?:="([^"]*)")?/g)].map((m) => [m[1]!, m[2] ?? '']),
    );
    expect(parseEmbedOptions(attrs)).toEqual({ options: o, errors: [] });
  });

  it('an exact scenario travels encoded, and the iframe carries the same names in its query', () => {
    const scenario: Scenario = {
      model: 'hashring',
      params: { nodes: 5 },
      seed: 9,
      inputs: [{ at: 1000, action: 'addNode' }],
    };
    const input = {
      base,
      source: { kind: 'scenario', scenario } as const,
      options: options({ controls: 'none', loading: 'eager' }),
      title: 'Consistent hashing <&>',
    };
    const url = new URL(iframeUrl(input));
    expect(url.pathname).toBe('/ds-playground/embed.html');
    const decoded = decodeScenario(url.searchParams.get('scenario')!);
    expect(decoded).toEqual({ ok: true, value: scenario });
    expect(url.searchParams.get('controls')).toBe('none');
    // The iframe's own loading="lazy" replaces the element's option.
    expect(url.searchParams.has('loading')).toBe(false);
    const html = iframeSnippet(input);
    expect(html).toContain('title="DS Playground: Consistent hashing &lt;&amp;>"');
    expect(html).toMatch(/height="\d+"/);
    expect(html).toContain('loading="lazy"');
  });

  it('writes a bare autoplay in the iframe query too', () => {
    const url = iframeUrl({
      base,
      source: { kind: 'preset', model: 'hashring', preset: 'basic' },
      options: options({ autoplay: '' }),
    });
    expect(url).toBe(`${base}embed.html?model=hashring&preset=basic&autoplay`);
  });
});

describe('parseEmbedOptions', () => {
  it('names the attribute and the allowed values', () => {
    const { errors } = parseEmbedOptions({
      controls: 'playback sliders',
      theme: 'blue',
      height: '20',
      loading: 'soon',
    });
    expect(errors.map((e) => `${e.path}: ${e.message}`)).toEqual([
      'controls: "sliders" is not a control (playback, params, actions, log, metrics, invariants, share, or all, none)',
      'theme: "blue" is not light, dark, auto',
      'height: "20" is not a height in pixels from 200 to 1200',
      'loading: "soon" is not lazy, eager',
    ]);
  });

  it('reads booleans, px heights, all and none', () => {
    expect(parseEmbedOptions({ autoplay: '' }).options.autoplay).toBe(true);
    expect(parseEmbedOptions({ autoplay: 'false' }).options.autoplay).toBe(false);
    expect(parseEmbedOptions({ height: '450px' }).options.height).toBe(450);
    expect(parseEmbedOptions({ controls: 'none' }).options.controls).toEqual([]);
    expect(parseEmbedOptions({ controls: 'all' }).options.controls).toHaveLength(7);
    expect(parseEmbedOptions({ controls: 'log,playback' }).options.controls).toEqual([
      'log',
      'playback',
    ]);
  });
});
