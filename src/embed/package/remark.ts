/**
 * The package's remark plugin (Docusaurus / MDX: `remarkPlugins: [dsPlayground]`): a
 * ```ds-playground fence becomes a `<ds-playground>` JSX element (mdast `mdxJsxFlowElement`,
 * which MDX compiles like a tag written in the page), checked as fence.ts says; a bad fence throws
 * a FenceError naming the file, the line and the field, which fails the docs build.
 */
import { FENCE_NAME, fenceAttrs } from './fence';

/** The parts of mdast and vfile this plugin uses (no dependency on their types). */
interface Node {
  type: string;
  children?: Node[];
}
interface Code extends Node {
  type: 'code';
  lang?: string | null;
  meta?: string | null;
  value: string;
  position?: { start: { line: number } };
}
interface FileLike {
  path?: string;
}

const isCode = (n: Node): n is Code => n.type === 'code';

/** The JSX element MDX compiles: every attribute a string, a bare flag as `""`. */
const element = (attrs: [string, string][]) => ({
  type: 'mdxJsxFlowElement',
  name: 'ds-playground',
  attributes: attrs.map(([name, value]) => ({ type: 'mdxJsxAttribute', name, value })),
  children: [],
});

function replace(node: Node, file: string): void {
  const kids = node.children;
  if (!kids) return;
  kids.forEach((child, i) => {
    if (isCode(child) && child.lang === FENCE_NAME) {
      const attrs = fenceAttrs({
        info: child.meta ?? '',
        body: child.value,
        file,
        line: child.position?.start.line ?? 1,
      });
      kids[i] = element(attrs) as unknown as Node;
    } else replace(child, file);
  });
}

export function remarkDsPlayground() {
  return (tree: Node, file?: FileLike): void => replace(tree, file?.path ?? 'markdown');
}

export default remarkDsPlayground;
export { FenceError, fenceAttrs, fenceToTag } from './fence';
