// The markdown-it plugin with markdown-it itself: a ```ds-playground fence becomes the element,
// checked by the scenario schema; a bad fence throws naming the file, the line and the field.
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { decodeScenario } from '../../widget/share';
import { FenceError } from './fence';
import dsPlayground from './markdownIt';

const md = () => new MarkdownIt({ html: true }).use(dsPlayground);
const page = (...lines: string[]) => lines.join('\n') + '\n';
const errorOf = (src: string, env: object = { relativePath: 'guide/raft.md' }): FenceError => {
  try {
    md().render(src, env);
  } catch (e) {
    if (e instanceof FenceError) return e;
    throw e;
  }
  throw new Error('rendered without an error');
};

describe('markdown-it plugin: ```ds-playground fences', () => {
  it('turns key=value lines (and options on the fence line) into the element', () => {
    const html = md().render(
      page(
        '# Raft',
        '',
        '```ds-playground height=300 controls="playback log"',
        'model=raft',
        '# a comment',
        'preset=election',
        'param-servers=5',
        'autoplay',
        '```',
      ),
    );
    expect(html).toContain(
      '<ds-playground height="300" controls="playback log" model="raft" preset="election" param-servers="5" autoplay></ds-playground>',
    );
  });

  it('turns a scenario JSON body into an encoded scenario, filled in by the schema', () => {
    const html = md().render(page('```ds-playground', '{ "model": "hashring", "seed": 3 }', '```'));
    const encoded = /scenario="([^"]+)"/.exec(html)?.[1];
    const d = decodeScenario(encoded ?? '');
    expect(d.ok && d.value).toMatchObject({ model: 'hashring', seed: 3, inputs: [] });
    expect(d.ok && (d.value as { params: object }).params).toHaveProperty('nodes', 4);
  });

  it('leaves other fences to the rule that was there', () => {
    expect(md().render(page('```js', 'let a = 1 < 2;', '```'))).toContain(
      '<code class="language-js">let a = 1 &lt; 2;',
    );
  });

  it('fails on a value out of range, naming the file, the line and the field', () => {
    const e = errorOf(
      page('# Raft', '', '```ds-playground', 'model=raft', 'param-servers=500', '```'),
    );
    expect(e.message).toBe(
      'guide/raft.md:5: ds-playground fence: param-servers: 500 is above the maximum 9',
    );
    expect([e.line, e.field]).toEqual([5, 'param-servers']);
  });

  it('fails on an unknown parameter, an unknown attribute, a bad preset and a bad option', () => {
    const fence = (...body: string[]) => page('```ds-playground', ...body, '```');
    expect(errorOf(fence('model=raft', 'param-nodez=5')).message).toMatch(
      /^guide\/raft.md:3: .*param-\*: unknown field "nodez"/,
    );
    expect(errorOf(fence('model=raft', 'prest=election')).message).toMatch(
      /^guide\/raft.md:3: .*"prest" is not an attribute/,
    );
    expect(errorOf(fence('model=raft', 'preset=nope')).field).toBe('preset');
    expect(errorOf(fence('model=raft', 'height=5000')).message).toMatch(
      /:3: .*height: "5000" is not a height in pixels from 200 to 1200/,
    );
    expect(errorOf(fence('preset=election')).message).toMatch(/:1: .*model: is required/);
  });

  it('fails on a bad JSON body at the line of the field', () => {
    const e = errorOf(
      page(
        '```ds-playground',
        '{',
        '  "model": "raft",',
        '  "params": { "servers": 500 }',
        '}',
        '```',
      ),
      { path: '/site/docs/raft.md' },
    );
    expect(e.message).toBe(
      '/site/docs/raft.md:4: ds-playground fence: params.servers: 500 is above the maximum 9',
    );
    expect(errorOf(page('```ds-playground', '{ "model": ', '```')).field).toBe('scenario');
  });
});
