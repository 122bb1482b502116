/**
 * The code lab: the learner writes one function against a documented interface (typings loaded
 * into Monaco), and runs the model's experiment with it beside the built-in strategies. Compiling
 * happens in Monaco's TypeScript worker; the learner's code runs only in the sandbox worker, never
 * on this thread; the built-ins run in the experiment pool.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { formatError } from '../../sim/core/errors';
import type { ExperimentInfo } from '../../sim/core/info';
import { ErrorList } from '../../ui/ErrorList';
import { ParamsPanel } from '../../ui/ParamsPanel';
import { checkValues, fieldsOf } from '../../ui/schemaFields';
import { experimentInfo } from '../../widget/models';
import { ExperimentPool } from '../../worker/pool';
import { CodeEditor, type EditorInstance } from '../monaco/CodeEditor';
import { monaco } from '../monaco/setup';
import '../editor.css';
import { addTypings, compileLab, configureTypeScript } from './compile';
import type { LabDef } from './labs';
import { LabResults, type LabRow } from './LabResults';
import type { SandboxRun } from './sandbox';

// The sandbox (its frame, the runner's bundled source, the protocol check) loads at the first
// run, while the code compiles: the lab page downloads none of it before.
const loadSandbox = () => import('./sandbox');

const OWNER = 'dsp-lab';

configureTypeScript();

interface Message {
  text: string;
  /** The learner's line, when known. */
  line: number | null;
  list?: string[];
}

const storageKey = (model: string) => `dsp:lab:${model}`;

function loadCode(lab: LabDef): string {
  try {
    return localStorage.getItem(storageKey(lab.model)) ?? lab.starter;
  } catch {
    return lab.starter;
  }
}

const defaultsOf = (info: ExperimentInfo): Record<string, unknown> =>
  Object.fromEntries(
    fieldsOf(info.params).flatMap((f) => (f.default !== undefined ? [[f.key, f.default]] : [])),
  );

export function CodeLab({ lab }: { lab: LabDef }) {
  const info = experimentInfo(lab.experiment)!;
  const editorRef = useRef<EditorInstance | null>(null);
  const [params, setParams] = useState(() => ({ ...defaultsOf(info), ...lab.defaults }));
  const [rows, setRows] = useState<LabRow[]>([]);
  const [phase, setPhase] = useState<'idle' | 'compiling' | 'running'>('idle');
  const [message, setMessage] = useState<Message | null>(null);
  const active = useRef<{ pool: ExperimentPool; sandbox: SandboxRun | null } | null>(null);
  // Bumped by each run and by Cancel: late answers of an older run are ignored.
  const runId = useRef(0);
  const [initialCode] = useState(() => loadCode(lab));

  useEffect(() => addTypings(lab.model, lab.typings), [lab]);
  useEffect(() => () => stop(active.current), []);

  const schema = {
    ...info.params,
    properties: Object.fromEntries(
      Object.entries(info.params.properties).filter(([k]) => !lab.fixed.includes(k)),
    ),
  };
  const validate = (patch: Record<string, unknown>) => {
    const errors = checkValues(info.params, patch, 'params', true);
    return errors.length ? errors.map(formatError).join('; ') : null;
  };

  const markLines = (marks: { line: number; message: string }[]) => {
    const model = editorRef.current?.getModel();
    if (!model) return;
    // Monaco throws on a line the model does not have ("Illegal value for lineNumber").
    const lines = model.getLineCount();
    monaco.editor.setModelMarkers(
      model,
      OWNER,
      marks
        .filter(({ line }) => Number.isInteger(line) && line >= 1 && line <= lines)
        .map(({ line, message }) => ({
          severity: monaco.MarkerSeverity.Error,
          message,
          startLineNumber: line,
          startColumn: model.getLineFirstNonWhitespaceColumn(line) || 1,
          endLineNumber: line,
          endColumn: model.getLineMaxColumn(line),
        })),
    );
  };

  const run = async () => {
    const model = editorRef.current?.getModel();
    if (!model || phase !== 'idle') return;
    const id = ++runId.current;
    const current = () => id === runId.current;
    const update = (i: number, patch: Partial<LabRow>) => {
      if (current()) setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
    };
    setMessage(null);
    markLines([]);
    setPhase('compiling');
    const sandboxModule = loadSandbox();
    let out;
    let runInSandbox;
    try {
      [out, { runInSandbox }] = await Promise.all([
        compileLab(model.uri, lab.exportName),
        sandboxModule,
      ]);
      if (!current()) return;
    } catch (e) {
      setMessage({ text: `Could not compile: ${String(e)}`, line: null });
      setPhase('idle');
      return;
    }
    if (out.problems.length) {
      markLines(out.problems);
      setMessage({
        text: 'Not run: fix these first (they are marked in the code).',
        line: out.problems[0]!.line,
        list: out.problems.map((p) => `line ${p.line}: ${p.message}`),
      });
      setPhase('idle');
      return;
    }
    if (out.exportLine === null) {
      setMessage({
        text: `Not run: export a function named ${lab.exportName} (export function ${lab.exportName}(…) { … }).`,
        line: null,
      });
      setPhase('idle');
      return;
    }
    setPhase('running');
    const base = { ...params };
    const yours = lab.builtins.length;
    setRows([
      ...lab.builtins.map((b) => ({ label: b.label, yours: false, done: 0, total: 1 })),
      { label: lab.yours, yours: true, done: 0, total: 1 },
    ]);
    const pool = new ExperimentPool();
    const sandbox = runInSandbox({
      model: lab.model,
      js: out.js,
      map: out.map,
      exportName: lab.exportName,
      exportLine: out.exportLine,
      lines: model.getLineCount(),
      params: base,
      onProgress: (done, total) => update(yours, { done, total }),
    });
    active.current = { pool, sandbox };
    const builtins = lab.builtins.map(async (b, i) => {
      try {
        const r = await pool.run({
          id: lab.experiment,
          params: b.params(base),
          onProgress: (done, total) => update(i, { done, total }),
        });
        if (r.ok) update(i, { result: r.value.result as Record<string, unknown> });
        else update(i, { error: r.errors.map(formatError).join('; ') });
      } catch (e) {
        update(i, { error: e instanceof Error ? e.message : String(e) });
      }
    });
    const o = await sandbox.outcome;
    if (!current()) return;
    if (o.ok) update(yours, { result: o.result as Record<string, unknown> });
    else {
      const who = lab.yours[0]!.toUpperCase() + lab.yours.slice(1);
      const where = o.line !== null ? ` (line ${o.line})` : '';
      const text =
        o.kind === 'timeout' || o.kind === 'watchdog'
          ? `${who} was stopped: ${o.message}`
          : o.kind === 'params'
            ? `Not run: ${o.message}`
            : o.kind === 'protocol'
              ? o.message
              : `${who} failed: ${o.message}${where}`;
      update(yours, { error: o.kind === 'cancelled' ? 'cancelled' : text });
      if (o.kind !== 'cancelled') setMessage({ text, line: o.line });
      if (o.line !== null) markLines([{ line: o.line, message: text }]);
    }
    await Promise.all(builtins);
    if (!current()) return;
    pool.dispose();
    active.current = null;
    setPhase('idle');
  };

  const cancel = () => {
    runId.current++;
    stop(active.current);
    active.current = null;
    setRows((rs) => rs.map((r) => (r.result || r.error ? r : { ...r, error: 'cancelled' })));
    setPhase('idle');
  };

  const goToLine = (line: number) => {
    const ed = editorRef.current;
    if (!ed) return;
    ed.revealLineInCenter(line);
    ed.setPosition({ lineNumber: line, column: 1 });
    ed.focus();
  };

  const reset = () => {
    const ed = editorRef.current;
    const model = ed?.getModel();
    if (!ed || !model) return;
    ed.pushUndoStop();
    ed.executeEdits('dsp-lab', [{ range: model.getFullModelRange(), text: lab.starter }]);
    ed.pushUndoStop();
  };

  const runRef = useRef(run);
  useLayoutEffect(() => {
    runRef.current = run;
  });

  return (
    <div className="editor-split">
      <section aria-labelledby="lab-code-title">
        <h2 id="lab-code-title">Your code</h2>
        <div className="editor-toolbar" role="toolbar" aria-label="Code lab">
          {phase === 'running' ? (
            <button type="button" onClick={cancel}>
              Cancel
            </button>
          ) : (
            <button
              type="button"
              className="primary"
              onClick={() => void run()}
              disabled={phase !== 'idle'}
              aria-keyshortcuts="Control+Enter"
            >
              {phase === 'compiling' ? 'Compiling…' : 'Run the comparison'}
            </button>
          )}
          <button type="button" onClick={reset} disabled={phase !== 'idle'}>
            Start over from the example
          </button>
          <span className="muted editor-hint">
            Ctrl+Enter runs · Ctrl+M: Tab leaves the editor · saved in this browser
          </span>
        </div>
        <CodeEditor
          path={`file:///lab/${lab.model}.ts`}
          language="typescript"
          defaultValue={initialCode}
          ariaLabel={`TypeScript code of ${lab.yours}: export function ${lab.exportName}. Ctrl+Enter runs the comparison.`}
          height="min(60vh, 520px)"
          onMount={(ed) => {
            editorRef.current = ed;
            ed.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => {
              void runRef.current();
            });
          }}
          onChange={(text) => {
            markLines([]);
            try {
              localStorage.setItem(storageKey(lab.model), text);
            } catch {
              // Private mode: the code just is not kept.
            }
          }}
        />
        {message && (
          <div className="lab-message" role="alert">
            <p>
              {message.text}{' '}
              {message.line !== null && (
                <button
                  type="button"
                  className="link-button"
                  onClick={() => goToLine(message.line!)}
                >
                  Go to line {message.line}
                </button>
              )}
            </p>
            {message.list && <ErrorList title="Problems" errors={message.list} />}
          </div>
        )}
        <details className="lab-docs">
          <summary>The interface you implement</summary>
          <pre>{lab.typings}</pre>
        </details>
      </section>
      <section className="lab-side" aria-labelledby="lab-run-title">
        <h2 id="lab-run-title">The comparison</h2>
        <p className="muted">{info.description}</p>
        <ParamsPanel
          schema={schema}
          values={params}
          validate={validate}
          onApply={(patch) => setParams((s) => ({ ...s, ...patch }))}
          disabled={phase !== 'idle'}
        />
        <LabResults lab={lab} info={info} rows={rows} />
      </section>
    </div>
  );
}

function stop(a: { pool: ExperimentPool; sandbox: SandboxRun | null } | null): void {
  if (!a) return;
  a.sandbox?.cancel();
  a.pool.cancelAll();
}
