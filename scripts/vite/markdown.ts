/**
 * Markdown lessons to hast at build time: remark (GFM + directives) -> rehype tree, serialized
 * as JSON. The page turns the tree into React with hast-util-to-jsx-runtime, so no markdown
 * parser ships to the browser.
 */
import type { Element, ElementContent, Root as HastRoot, RootContent } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { parse as parseYaml } from 'yaml';
import { frontmatterSchema, type Frontmatter } from '../../src/lessons/schema';
import type { LessonNode } from '../../src/lessons/tree';
import { fieldErrors, formatError } from '../../src/sim/core/errors';

/** Directives lessons may use, mapped to the custom elements the renderer knows. */
const DIRECTIVES: Record<string, { kinds: string[]; element: string }> = {
  widget: { kinds: ['leafDirective'], element: 'ds-widget' },
  action: { kinds: ['textDirective', 'leafDirective'], element: 'ds-action' },
  predict: { kinds: ['containerDirective'], element: 'ds-predict' },
  reveal: { kinds: ['containerDirective'], element: 'ds-reveal' },
  note: { kinds: ['containerDirective'], element: 'ds-note' },
  experiment: { kinds: ['leafDirective'], element: 'ds-experiment' },
  // A guided tour of a widget: `:::tour{widget=id}` holding `::step[Caption]{until=...}` lines.
  tour: { kinds: ['containerDirective'], element: 'ds-tour' },
  step: { kinds: ['leafDirective'], element: 'ds-step' },
  // A link to the model's generated practice questions: `::practice{model=raft}`.
  practice: { kinds: ['leafDirective'], element: 'ds-practice' },
  // A checked claim (src/lessons/claims): plain text on the page, its value filled at build time.
  claim: { kinds: ['textDirective'], element: 'span' },
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
      if (d.name === 'claim') {
        props['data-claim'] = d.attributes?.id ?? '';
        delete props['data-id'];
        props.className = 'claim';
      }
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

export interface CompiledLesson {
  frontmatter: Frontmatter;
  tree: LessonNode[];
}

/** hast property names to React prop names. */
function reactProps(el: Element): Record<string, unknown> | null {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(el.properties ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    let name = key;
    if (/^data[A-Z]/.test(key))
      name = `data-${key.slice(4).replace(/[A-Z]/g, (c, i: number) => (i ? '-' : '') + c.toLowerCase())}`;
    else if (/^aria[A-Z]/.test(key)) name = `aria-${key.slice(4).toLowerCase()}`;
    let v: unknown = Array.isArray(value) ? value.join(key === 'className' ? ' ' : ', ') : value;
    if (key === 'align' && (el.tagName === 'td' || el.tagName === 'th')) {
      out.style = { textAlign: v };
      continue;
    }
    // GFM task-list checkboxes are read-only in a lesson.
    if (key === 'checked') {
      name = 'defaultChecked';
      v = true;
    }
    out[name] = v;
  }
  return Object.keys(out).length ? out : null;
}

/** Elements whose whitespace-only text children are not content (React rejects them in tables). */
const STRUCTURAL = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr', 'ul', 'ol']);

function toNode(n: RootContent | ElementContent): LessonNode | null {
  if (n.type === 'text') return n.value;
  if (n.type !== 'element') return null;
  const children = n.children
    .map(toNode)
    .filter(
      (c): c is LessonNode =>
        c !== null && !(STRUCTURAL.has(n.tagName) && typeof c === 'string' && c.trim() === ''),
    );
  return [n.tagName, reactProps(n), ...children];
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

/**
 * Compiles a lesson. `claimTexts` (claim id -> text) replaces the labels of `:claim[...]{#id}`
 * with the values the claim checks measured (see content-plugin.ts).
 */
export async function compileLesson(
  source: string,
  path: string,
  claimTexts: Record<string, string> = {},
): Promise<CompiledLesson> {
  const { frontmatter, body } = splitFrontmatter(source, path);
  const mdast = processor.parse(body);
  visit(mdast, 'textDirective', (node) => {
    const d = node as unknown as DirectiveNode;
    const text = d.name === 'claim' ? claimTexts[d.attributes?.id ?? ''] : undefined;
    if (text !== undefined) d.children = [{ type: 'text', value: text }];
  });
  const hast = (await processor.run(mdast)) as HastRoot;
  // Whitespace-only text between block elements carries no meaning in the rendered page.
  const tree = hast.children
    .map(toNode)
    .filter((c): c is LessonNode => c !== null && !(typeof c === 'string' && c.trim() === ''));
  const stray = findStrayFence(tree);
  if (stray) {
    throw new Error(
      `${path}: a directive fence was left as text ("${stray.slice(0, 40)}"): the outer of two nested containers needs more colons (::::predict around :::reveal)`,
    );
  }
  const lost = findLostStep(tree);
  if (lost) {
    throw new Error(
      `${path}: a tour line was not read as a ::step ("${lost.slice(0, 50)}"): quote an attribute value holding = or > (until="metric:term>=2")`,
    );
  }
  return { frontmatter, tree };
}

/** Text inside a tour that starts with `::step`: a step remark-directive could not parse. */
function findLostStep(nodes: readonly LessonNode[], inTour = false): string | null {
  for (const n of nodes) {
    if (typeof n === 'string') {
      if (inTour && /^\s*::step/.test(n)) return n.trim();
    } else {
      const [tag, , ...children] = n;
      const hit = findLostStep(children, inTour || tag === 'ds-tour');
      if (hit) return hit;
    }
  }
  return null;
}

/** A text node that starts with ::: means a container directive was closed by the wrong fence. */
function findStrayFence(nodes: readonly LessonNode[]): string | null {
  for (const n of nodes) {
    if (typeof n === 'string') {
      if (/^\s*:{3,}/.test(n)) return n;
    } else {
      const [, , ...children] = n;
      const hit = findStrayFence(children);
      if (hit) return hit;
    }
  }
  return null;
}
