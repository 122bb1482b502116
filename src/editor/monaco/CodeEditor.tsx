/**
 * Monaco in a labelled box that follows the app's light or dark theme. Everything Monaco-specific
 * the pages need goes through here and ./setup.ts.
 */
import Editor from '@monaco-editor/react';
import type { editor } from 'monaco-editor/editor/editor.api';
import { useEffect, useState } from 'react';
// Configures the loader with the bundled Monaco before any <Editor> mounts.
import './setup';

export type EditorInstance = editor.IStandaloneCodeEditor;

/** The app's resolved theme (the `data-theme` on <html>), kept up to date. */
function useDocumentTheme(): 'light' | 'dark' {
  const read = (): 'light' | 'dark' =>
    document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light';
  const [theme, setTheme] = useState(read);
  useEffect(() => {
    const obs = new MutationObserver(() => setTheme(read()));
    obs.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => obs.disconnect();
  }, []);
  return theme;
}

export interface CodeEditorProps {
  /** The model's URI; the JSON schema and the TypeScript worker find the text by it. */
  path: string;
  language: 'json' | 'typescript';
  defaultValue: string;
  /** The accessible name of the editing area (screen readers announce it). */
  ariaLabel: string;
  height: number | string;
  onMount?(editor: EditorInstance): void;
  onChange?(text: string): void;
}

export function CodeEditor(p: CodeEditorProps) {
  const theme = useDocumentTheme();
  return (
    <div className="code-editor" style={{ height: p.height }}>
      <Editor
        path={p.path}
        defaultLanguage={p.language}
        defaultValue={p.defaultValue}
        theme={theme === 'dark' ? 'dsp-dark' : 'dsp-light'}
        loading={<p className="muted">Loading the editor…</p>}
        onMount={(editor: EditorInstance) => p.onMount?.(editor)}
        onChange={(v: string | undefined) => p.onChange?.(v ?? '')}
        options={{
          ariaLabel: p.ariaLabel,
          minimap: { enabled: false },
          scrollBeyondLastLine: false,
          fontSize: 13,
          tabSize: 2,
          automaticLayout: true,
          fixedOverflowWidgets: true,
          wordWrap: 'on',
          renderLineHighlight: 'line',
        }}
      />
    </div>
  );
}
