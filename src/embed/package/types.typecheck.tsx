/**
 * Type test of the package's hand-written types (packages/ds-playground/types), run by `tsc`:
 * the element class satisfies its public interface, and `<ds-playground>` type-checks in
 * `document.createElement`, React JSX and Vue's GlobalComponents. A wrong attribute is an error.
 */
import type MarkdownIt from 'markdown-it';
import type { GlobalComponents } from 'vue';
import type {
  DsPlaygroundElement as PublicElement,
  defineDsPlayground as declaredDefine,
  isDsPlayground as declaredIsDsPlayground,
} from '../../../packages/ds-playground/types/index';
import type {} from '../../../packages/ds-playground/types/react';
import type {} from '../../../packages/ds-playground/types/vue';
import type markdownItDefault from '../../../packages/ds-playground/types/markdown-it';
import type { fenceToTag as declaredFenceToTag } from '../../../packages/ds-playground/types/markdown-it';
import type { DsPlaygroundElement } from '../element';
import type { dsPlaygroundMarkdownIt, fenceToTag } from './markdownIt';
import type { defineDsPlayground, isDsPlayground } from './register';
import type remarkDefault from '../../../packages/ds-playground/types/remark';
import type { remarkDsPlayground } from './remark';

type Assert<T extends true> = T;
type Extends<A, B> = [A] extends [B] ? true : false;

// The real class and functions match what the package declares.
export type ElementOk = Assert<Extends<DsPlaygroundElement, PublicElement>>;
export type DefineOk = Assert<Extends<typeof defineDsPlayground, typeof declaredDefine>>;
export type IsOk = Assert<Extends<typeof isDsPlayground, typeof declaredIsDsPlayground>>;
export type FenceOk = Assert<Extends<typeof fenceToTag, typeof declaredFenceToTag>>;
// A markdown-it instance is what both the plugin and its declaration take.
export type PluginOk = Assert<Extends<MarkdownIt, Parameters<typeof dsPlaygroundMarkdownIt>[0]>>;
export type DeclaredPluginOk = Assert<Extends<MarkdownIt, Parameters<typeof markdownItDefault>[0]>>;
export type RemarkOk = Assert<Extends<typeof remarkDsPlayground, typeof remarkDefault>>;
export type VueOk = Assert<Extends<'ds-playground', keyof GlobalComponents>>;

export const fromDom = (): PublicElement => {
  const el = document.createElement('ds-playground');
  el.seek(1000);
  return el;
};

export const Jsx = () => (
  <>
    <ds-playground model="raft" preset="election" param-servers="5" height={300} theme="dark" />
    {/* @ts-expect-error theme is auto, light or dark */}
    <ds-playground model="raft" theme="sepia" />
  </>
);
