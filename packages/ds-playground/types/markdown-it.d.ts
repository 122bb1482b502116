/**
 * The markdown-it plugin: ```ds-playground fences become `<ds-playground>` tags, checked at build
 * time; a bad fence throws a FenceError (`guide/raft.md:12: ds-playground fence: param-servers:
 * 500 is above the maximum 9`). VitePress: `markdown: { config: (md) => md.use(dsPlayground) }`.
 */
export interface MarkdownItLike {
  renderer: {
    rules: {
      fence?:
        | { rule(tokens: { info: string; content: string }[], ...rest: unknown[]): string }['rule']
        | undefined;
    };
  };
}
export default function dsPlayground(md: MarkdownItLike): void;
export { dsPlayground as dsPlaygroundMarkdownIt };

export class FenceError extends Error {
  readonly file: string;
  /** 1-based line in the markdown file. */
  readonly line: number;
  /** The attribute (`param-servers`) or scenario path (`params.servers`). */
  readonly field: string;
}
export interface FenceInput {
  info: string;
  body: string;
  file: string;
  line: number;
}
export function fenceToTag(fence: FenceInput): string;
