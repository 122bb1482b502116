/**
 * The scenario as JSON in Monaco: completion, hover and live validation come from the scenario's
 * JSON Schema (built from the same catalog the page validates with); Apply checks the text with
 * checkScenario and either loads it into the widget or shows each problem as a marker at its
 * place in the text and in a list. Scenario files come in the same way: Open file (or a file
 * dropped on the editor) puts the file's text in the editor and applies it if it checks; Save
 * file downloads the checked scenario, which `npm run -s experiment -- --scenario <file>` replays.
 */
import { useLayoutEffect, useRef, useState } from 'react';
import type { Scenario } from '../../sim/core/types';
import { download } from '../../ui/download';
import { ErrorList } from '../../ui/ErrorList';
import { readTextFile } from '../../ui/readTextFile';
import { MODEL_INFOS } from '../../widget/models';
import { CodeEditor, type EditorInstance } from '../monaco/CodeEditor';
import { jsonDefaults, monaco } from '../monaco/setup';
import '../editor.css';
import { checkText, type TextProblem } from './checkText';
import { formatScenario } from './format';
import { scenarioSchema } from './schema';

const PATH = 'inmemory://dsp/scenario.json';
const OWNER = 'dsp-scenario';

jsonDefaults.setDiagnosticsOptions({
  validate: true,
  allowComments: false,
  trailingCommas: 'error',
  enableSchemaRequest: false,
  schemaValidation: 'error',
  schemas: [
    {
      uri: 'inmemory://dsp/scenario.schema.json',
      fileMatch: [PATH],
      schema: scenarioSchema(MODEL_INFOS),
    },
  ],
});

export interface ScenarioEditorProps {
  /** The scenario the editor opens with. */
  initial: Scenario;
  /** Loads a checked scenario into the widget. */
  onApply(s: Scenario): void;
  /** The scenario the widget runs now, the learner's actions included (null while loading). */
  current(): Scenario | null;
  /** Shares a checked scenario (the link format of the playground). */
  onShare(s: Scenario): void;
}

export function ScenarioEditor(p: ScenarioEditorProps) {
  const editorRef = useRef<EditorInstance | null>(null);
  const [problems, setProblems] = useState<TextProblem[]>([]);
  const [status, setStatus] = useState('');
  /** Where the text with problems came from, for the error list's title. */
  const [source, setSource] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement | null>(null);
  // Monaco's key binding is registered once; it calls the latest props through this.
  const props = useRef(p);
  useLayoutEffect(() => {
    props.current = p;
  });

  const showProblems = (found: TextProblem[]) => {
    setProblems(found);
    const model = editorRef.current?.getModel();
    if (!model) return;
    monaco.editor.setModelMarkers(
      model,
      OWNER,
      found.flatMap((prob) =>
        prob.spans.map((s) => {
          const a = model.getPositionAt(s.start);
          const b = model.getPositionAt(Math.max(s.end, s.start + 1));
          return {
            severity: monaco.MarkerSeverity.Error,
            message: prob.message,
            startLineNumber: a.lineNumber,
            startColumn: a.column,
            endLineNumber: b.lineNumber,
            endColumn: b.column,
          };
        }),
      ),
    );
  };

  /** Checks the text; returns the scenario when it can run, else shows why not. */
  const check = (): Scenario | null => {
    const r = checkText(editorRef.current?.getValue() ?? '');
    showProblems(r.ok ? [] : r.problems);
    return r.ok ? r.scenario : null;
  };

  const apply = () => {
    setSource(null);
    const s = check();
    setStatus(s ? 'Applied: the widget restarted from this scenario.' : '');
    if (s) props.current.onApply(s);
  };
  const applyRef = useRef(apply);
  useLayoutEffect(() => {
    applyRef.current = apply;
  });

  const replaceText = (text: string) => {
    const ed = editorRef.current;
    const model = ed?.getModel();
    if (!ed || !model) return;
    // An edit (not setValue) so Ctrl+Z brings the previous text back.
    ed.pushUndoStop();
    ed.executeEdits('dsp-scenario', [{ range: model.getFullModelRange(), text }]);
    ed.pushUndoStop();
  };

  const fromWidget = () => {
    const s = p.current();
    if (!s) return;
    replaceText(formatScenario(s));
    showProblems([]);
    setStatus('Copied the scenario the widget is running, with the actions you took there.');
  };

  const share = () => {
    setSource(null);
    const s = check();
    setStatus('');
    if (s) p.onShare(s);
  };

  const save = () => {
    setSource(null);
    const s = check();
    if (!s) return setStatus('');
    const name = `${s.model}-seed${s.seed}.json`;
    download(name, formatScenario(s), 'application/json');
    setStatus(
      `Saved ${name}. Open it here again, or replay it with npm run -s experiment -- --scenario ${name}`,
    );
  };

  /** Puts a file's text in the editor (undoable) and applies it when it checks. */
  const open = async (file: File) => {
    const read = await readTextFile(file, 'a scenario file');
    if (!read.ok) {
      setSource(null);
      setProblems([{ message: read.message, spans: [] }]);
      return;
    }
    const { text } = read;
    replaceText(text);
    const s = check();
    setSource(s ? null : file.name);
    setStatus(s ? `Opened ${file.name} and applied it.` : '');
    if (s) props.current.onApply(s);
  };

  return (
    <section
      className="scenario-editor"
      aria-labelledby="scenario-editor-title"
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes('Files')) e.preventDefault();
      }}
      onDropCapture={(e) => {
        const file = e.dataTransfer.files[0];
        if (!file) return;
        // Before Monaco, which would paste the file's path.
        e.preventDefault();
        e.stopPropagation();
        void open(file);
      }}
    >
      <h2 id="scenario-editor-title" className="sr-only">
        Scenario JSON
      </h2>
      <div className="editor-toolbar" role="toolbar" aria-label="Scenario editor">
        <button type="button" className="primary" onClick={apply} aria-keyshortcuts="Control+Enter">
          Apply
        </button>
        <button type="button" onClick={fromWidget}>
          Copy from the widget
        </button>
        <button type="button" onClick={share}>
          Share this scenario
        </button>
        <button type="button" onClick={() => fileInput.current?.click()}>
          Open file…
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          hidden
          data-testid="scenario-file"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (file) void open(file);
          }}
        />
        <button type="button" onClick={save}>
          Save file
        </button>
        <span className="muted editor-hint">
          Ctrl+Enter applies · Ctrl+Space completes · Ctrl+M: Tab leaves the editor
        </span>
      </div>
      {/* Above the text, where the eye is after pressing a toolbar button. */}
      {problems.length > 0 ? (
        <ErrorList
          title={
            source
              ? `Not applied: ${source} has problems (marked in the text; Ctrl+Z brings your text back).`
              : 'Not applied: fix these first (they are marked in the text).'
          }
          errors={problems.map((x) => x.message)}
        />
      ) : (
        <p className="muted editor-status" role="status">
          {status}
        </p>
      )}
      <CodeEditor
        path={PATH}
        language="json"
        defaultValue={formatScenario(p.initial)}
        ariaLabel="Scenario JSON: model, params, seed and timed inputs. Ctrl+Enter applies."
        height="min(62vh, 560px)"
        onMount={(ed) => {
          editorRef.current = ed;
          ed.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => applyRef.current());
        }}
        onChange={() => {
          // Apply's markers describe the text they checked; an edit makes them stale.
          const model = editorRef.current?.getModel();
          if (model) monaco.editor.setModelMarkers(model, OWNER, []);
        }}
      />
    </section>
  );
}
