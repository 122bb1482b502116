// The remark plugin (Docusaurus / MDX) with remark itself: a ```ds-playground fence becomes a
// `<ds-playground>` JSX element; a bad fence throws naming the file, the line and the field.
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { FenceError } from './fence';
import remarkDsPlayground from './remark';

const run = (md: string, path = 'docs/raft.mdx') => {
  const processor = unified().use(remarkParse).use(remarkDsPlayground);
  return processor.runSync(processor.parse(md), { path } as never) as unknown as {
    children: { type: string; name?: string; attributes?: { name: string; value: string }[] }[];
  };
};

describe('remark plugin: ```ds-playground fences', () => {
  it('turns a fence into a <ds-playground> JSX element with its attributes', () => {
    const tree = run(
      '# Raft\n\n```ds-playground height=300\nmodel=raft\nautoplay\n```\n\n```js\nx\n```\n',
    );
    expect(tree.children.map((c) => c.type)).toEqual(['heading', 'mdxJsxFlowElement', 'code']);
    const el = tree.children[1]!;
    expect(el.name).toBe('ds-playground');
    expect(el.attributes?.map((a) => [a.name, a.value])).toEqual([
      ['height', '300'],
      ['model', 'raft'],
      ['autoplay', ''],
    ]);
  });

  it('fails on a bad fence, naming the file, the line and the field', () => {
    let error: unknown;
    try {
      run('# Raft\n\n```ds-playground\nmodel=raft\nparam-servers=500\n```\n');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FenceError);
    expect((error as Error).message).toBe(
      'docs/raft.mdx:5: ds-playground fence: param-servers: 500 is above the maximum 9',
    );
  });
});
