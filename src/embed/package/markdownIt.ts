/**
 * The package's markdown-it plugin (VitePress: `markdown: { config: (md) => md.use(dsPlayground) }`):
 * a ```ds-playground fence becomes a `<ds-playground>` tag (see fence.ts); a bad fence throws,
 * which fails the docs build with the file, the line and the field. Other fences are left to the
 * rule that was there (VitePress's highlighter).
 */
import { FENCE_NAME, fenceToTag } from './fence';

/** The part of markdown-it this plugin uses (no dependency on its types). */
interface FenceToken {
  info: string;
  content: string;
  map: [number, number] | null;
}
/** Checked as a method (bivariantly), so markdown-it's own rule type, with its Token, fits. */
type FenceRule = {
  rule(tokens: FenceToken[], idx: number, options: unknown, env: unknown, self: unknown): string;
}['rule'];
interface FenceRules {
  fence?: FenceRule | undefined;
}
export interface MarkdownItLike {
  renderer: { rules: FenceRules };
}

/** VitePress puts the page in `env.relativePath` (and `env.path`); plain markdown-it has none. */
function fileOf(env: unknown): string {
  const e = (env ?? {}) as { relativePath?: unknown; path?: unknown };
  if (typeof e.relativePath === 'string' && e.relativePath) return e.relativePath;
  if (typeof e.path === 'string' && e.path) return e.path;
  return 'markdown';
}

export function dsPlaygroundMarkdownIt(md: MarkdownItLike): void {
  const rules = md.renderer.rules;
  const previous = rules.fence?.bind(rules);
  rules.fence = (tokens, idx, options, env, self) => {
    const token = tokens[idx]!;
    const [lang = '', ...rest] = token.info.trim().split(/\s+/);
    if (lang !== FENCE_NAME)
      return previous ? previous(tokens, idx, options, env, self) : `<pre>${token.content}</pre>`;
    const tag = fenceToTag({
      info: rest.join(' '),
      body: token.content,
      file: fileOf(env),
      line: (token.map?.[0] ?? 0) + 1,
    });
    return `${tag}\n`;
  };
}

export default dsPlaygroundMarkdownIt;
export { FenceError, fenceToTag } from './fence';
