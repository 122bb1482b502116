/**
 * Monaco, from the installed monaco-editor package and bundled by Vite: never from a CDN. Only the
 * editor API and the JSON and TypeScript languages are imported (not the 80 other languages), and
 * this module is only reached through React.lazy, so none of it is in the initial bundle.
 *
 * Workers: the editor worker and the JSON worker are Monaco's own; the TypeScript worker is
 * Monaco's TypeScript worker extended with the code lab's compile step (./labTsWorker.ts), so the
 * page ships one copy of the TypeScript compiler.
 */
import { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor/editor/editor.api';
// The editor's contributions (completion, hover, markers, find, folding...). Monaco's language
// modes import them too, but only once a language loads, which is after our editors exist.
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/definitions/typescript/register';
import { jsonDefaults } from 'monaco-editor/languages/features/json/register';
import {
  getTypeScriptWorker,
  typescriptDefaults,
} from 'monaco-editor/languages/features/typescript/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/language/json/json.worker?worker';
import LabTsWorker from './labTsWorker?worker';

declare global {
  interface Window {
    /** The editor API, for browser tests and curious learners (Monaco's AMD build does the same). */
    monaco?: typeof monaco;
  }
}

globalThis.MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    if (label === 'json') return new JsonWorker({ name: 'monaco-json' });
    if (label === 'typescript' || label === 'javascript')
      return new LabTsWorker({ name: 'monaco-typescript' });
    return new EditorWorker({ name: 'monaco-editor' });
  },
};

// Monaco's themes with line numbers that meet WCAG AA contrast (the final line's number is
// "dimmed" below 4.5:1 in the stock themes).
monaco.editor.defineTheme('dsp-light', {
  base: 'vs',
  inherit: true,
  rules: [],
  colors: { 'editorLineNumber.dimmedForeground': '#237893' },
});
monaco.editor.defineTheme('dsp-dark', {
  base: 'vs-dark',
  inherit: true,
  rules: [],
  colors: { 'editorLineNumber.dimmedForeground': '#a9abb6' },
});

// @monaco-editor/react would otherwise inject a <script> from a CDN: hand it this instance.
loader.config({ monaco });
window.monaco = monaco;

export { getTypeScriptWorker, jsonDefaults, monaco, typescriptDefaults };
export type Monaco = typeof monaco;
