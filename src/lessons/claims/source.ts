/**
 * What a lesson's markdown says, for its claim checks: its widget and experiment directives
 * (with their attributes, as the page reads them) and every `:claim[text]{#id}` with its line.
 * Node only (build and tests); the page never parses markdown.
 */
import type { Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

export interface DirectiveAt {
  name: string;
  attrs: Record<string, string>;
  /** 1-based line in the .md file (frontmatter included). */
  line: number;
  /** The text between the brackets, for text directives. */
  label: string;
}

/** A `::::predict` question: its attributes, and what its text and its reveal hold. */
export interface QuestionAt extends DirectiveAt {
  /** `:action` buttons in the question before its reveal (they would give the answer away). */
  actionsBeforeReveal: number;
  /** Whether the question has a `:::reveal`. */
  hasReveal: boolean;
  /** Ids of the `:claim`s marked inside its reveal. */
  revealClaims: string[];
}

export interface LessonSource {
  widgets: Map<string, DirectiveAt>;
  experiments: DirectiveAt[];
  claims: DirectiveAt[];
  questions: QuestionAt[];
}

const parser = unified().use(remarkParse).use(remarkDirective);

interface DirectiveLike {
  type: string;
  name?: string;
  attributes?: Record<string, string | null | undefined> | null;
  children?: DirectiveLike[];
  value?: string;
  position?: { start: { line: number } };
}

const isDirective = (d: DirectiveLike, name: string) =>
  /Directive$/.test(d.type) && d.name === name;

/** The directives named `name` anywhere under `node`. */
function directivesIn(node: DirectiveLike, name: string): DirectiveLike[] {
  const out: DirectiveLike[] = [];
  visit(node as never, (n) => {
    if (isDirective(n as DirectiveLike, name)) out.push(n as DirectiveLike);
  });
  return out;
}

/** Parses a whole lesson file (frontmatter and all) and lists its directives. */
export function readLessonSource(source: string): LessonSource {
  // Blank the frontmatter instead of cutting it, so line numbers stay those of the file.
  const m = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(source);
  const body = m ? m[0].replace(/[^\n]/g, '') + source.slice(m[0].length) : source;
  const tree = parser.parse(body) as Root;
  const out: LessonSource = { widgets: new Map(), experiments: [], claims: [], questions: [] };
  visit(tree, (node) => {
    const d = node as DirectiveLike;
    if (!/Directive$/.test(d.type) || !d.name) return;
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries(d.attributes ?? {})) attrs[k] = v ?? '';
    const at: DirectiveAt = {
      name: d.name,
      attrs,
      line: d.position?.start.line ?? 0,
      label: (d.children ?? []).map((c) => c.value ?? '').join(''),
    };
    if (d.name === 'widget' && attrs.id) out.widgets.set(attrs.id, at);
    else if (d.name === 'experiment') out.experiments.push(at);
    else if (d.name === 'claim' && d.type === 'textDirective') out.claims.push(at);
    else if (d.name === 'predict' && d.type === 'containerDirective') {
      const kids = d.children ?? [];
      const revealAt = kids.findIndex((c) => isDirective(c, 'reveal'));
      const before = revealAt < 0 ? kids : kids.slice(0, revealAt);
      const reveal = revealAt < 0 ? undefined : kids[revealAt];
      out.questions.push({
        ...at,
        label: '',
        actionsBeforeReveal: before.reduce((n, c) => n + directivesIn(c, 'action').length, 0),
        hasReveal: reveal !== undefined,
        revealClaims: reveal
          ? directivesIn(reveal, 'claim').map((c) => c.attributes?.id ?? '')
          : [],
      });
    }
  });
  return out;
}
