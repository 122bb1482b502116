/**
 * The remark plugin (Docusaurus / MDX: `remarkPlugins: [dsPlayground]` in the docs preset):
 * ```ds-playground fences become `<ds-playground>` JSX elements, checked at build time; a bad
 * fence throws a FenceError naming the file, the line and the field.
 */
export default function remarkDsPlayground(): (
  tree: { type: string },
  file?: { path?: string },
) => void;
export { remarkDsPlayground };
export { FenceError, fenceToTag } from './markdown-it';
