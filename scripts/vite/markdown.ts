/**
 * Markdown lessons to hast at build time: remark (GFM + directives) -> rehype tree, serialized
 * as JSON. The page turns the tree into React with hast-util-to-jsx-runtime, so no markdown
 * parser ships to the browser.
 */
import type { Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { parse as parseYaml } from 'yaml';
import { frontmatterSchema, type Frontmatter } from '../../src/lessons/schema';
import { fieldErrors, formatError } from '../../src/sim/core/errors';

/** Directives lessons may use, mapped to the custom elements the renderer knows. */
const DIRECTIVES: Record<string, { kinds: string[]; element: string }> = {
  widget: { kinds: ['leafDirective'], element: 'ds-widget' },
  action: { kinds: ['textDirective', 'leafDirective'], element: 'ds-action' },
  predict: { kinds: ['containerDirective'], element: 'ds-predict' },
  reveal: { kinds: ['containerDirective'], element: 'ds-reveal' },
  note: { kinds: ['containerDirective'], element: 'ds-note' },
  experiment: { kinds: ['leafDirective'], element: 'ds-experiment' },
};

interface DirectiveNode {
  type: 'textDirective' | 'leafDirective' | 'containerDirective';
  name: string;
  attributes?: Record<string, string | null | undefined> | null;
  children: { type: string; value?: string }[];
  data?: { hName?: string; hProperties?: Record<string, unknown> };
}

function remarkDsDirectives() {
  return (tree: MdastRoot) => {
    visit(tree, (node) => {
      if (
        node.type !== 'textDirective' &&
        node.type !== 'leafDirective' &&
        node.type !== 'containerDirective'
      )
        return;
      const d = node as unknown as DirectiveNode;
      const known = DIRECTIVES[d.name];
      const data = (d.data ??= {});
      if (!known || !known.kinds.includes(d.type)) {
        if (d.type === 'textDirective' && !known) {
          // Prose like "ratio:1" is not a directive: put the text back.
          const label = d.children.map((c) => c.value ?? '').join('');
          Object.assign(node, { type: 'text', value: `:${d.name}${label ? `[${label}]` : ''}` });
          return;
        }
        data.hName = 'ds-bad-directive';
        data.hProperties = { name: d.name, kind: d.type };
        return;
      }
      data.hName = known.element;
      const props: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(d.attributes ?? {})) props[`data-${k}`] = v ?? '';
      data.hProperties = props;
    });
  };
}

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkDirective)
  .use(remarkDsDirectives)
  .use(remarkRehype);

const stripPositions = (key: string, value: unknown): unknown =>
  key === 'position' ? undefined : value;

export interface CompiledLesson {
  frontmatter: Frontmatter;
  hast: HastRoot;
}

/** Splits `---` frontmatter from the body and validates it; throws with the file path. */
export function splitFrontmatter(
  source: string,
  path: string,
): { frontmatter: Frontmatter; body: string } {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(source);
  if (!m) throw new Error(`${path}: missing --- frontmatter ---`);
  const parsed = frontmatterSchema.safeParse(parseYaml(m[1]!), { reportInput: true });
  if (!parsed.success) {
    throw new Error(
      `${path}: ${fieldErrors(parsed.error, 'frontmatter').map(formatError).join('; ')}`,
    );
  }
  return { frontmatter: parsed.data, body: m[2]! };
}

export async function compileLesson(source: string, path: string): Promise<CompiledLesson> {
  const { frontmatter, body } = splitFrontmatter(source, path);
  const mdast = processor.parse(body);
  const hast = (await processor.run(mdast)) as HastRoot;
  return { frontmatter, hast: JSON.parse(JSON.stringify(hast, stripPositions)) as HastRoot };
}
