/**
 * `#/check`: open a history file (paste, drop or pick it) in any format the checker reads, check
 * it for linearizability in a worker (with progress and Cancel), and read the verdict per key,
 * each violation's explanation and a drawing of the operations it involves. Nothing leaves the
 * browser. Files are held to the scenario's size limits.
 */
import { useEffect, useRef, useState } from 'react';
import appendOk from '../../sim/models/cap/history/testdata/append-ok.edn?raw';
import etcdOk from '../../sim/models/cap/history/testdata/etcd-ok.log?raw';
import registerBad from '../../sim/models/cap/history/testdata/register-bad.edn?raw';
import { ProgressBar } from '../../ui/ProgressBar';
import { readTextFile } from '../../ui/readTextFile';
import type { CheckAnswer, Format } from '../../worker/checkApi';
import { CheckCancelled, startCheck, type RunningCheck } from '../../worker/checkClient';
import { CheckResult } from './check/CheckResult';
import { verdictLine } from './check/verdict';
import './check/check.css';

const FORMATS: [Format | '', string][] = [
  ['', 'Detect from the text'],
  ['jepsen-edn', 'Jepsen EDN ({:type :invoke, :f :write, :value 3, :process 0})'],
  ['porcupine-etcd', "Porcupine's Jepsen etcd log"],
  ['porcupine-kv', "Porcupine's key-value EDN (:get, :put, :append)"],
  ['json', "JSON in the CAP model's history format"],
];

const EXAMPLES: [string, string][] = [
  ['A register with a stale read (EDN)', registerBad],
  ['An etcd log with cas (linearizable)', etcdOk],
  ['Appends to a list (EDN, linearizable)', appendOk],
];

type State =
  | { kind: 'idle' }
  | { kind: 'running'; done: number; total: number }
  | { kind: 'cancelled' }
  | { kind: 'done'; answer: CheckAnswer; source: string };

export function CheckPage() {
  const [text, setText] = useState('');
  const [format, setFormat] = useState<Format | ''>('');
  const [source, setSource] = useState('the pasted text');
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [fileError, setFileError] = useState<string | null>(null);
  const running = useRef<RunningCheck | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  useEffect(() => () => running.current?.cancel(), []);
  useEffect(() => {
    document.title = 'Check a history · DS Playground';
  }, []);

  const check = (t = text, from = source, as: Format | '' = format) => {
    running.current?.cancel();
    setFileError(null);
    setState({ kind: 'running', done: 0, total: 1 });
    const run = startCheck(t, as || undefined, (done, total) =>
      setState((s) => (s.kind === 'running' ? { kind: 'running', done, total } : s)),
    );
    running.current = run;
    run.answer.then(
      (answer) => {
        if (running.current !== run) return;
        running.current = null;
        setState({ kind: 'done', answer, source: from });
      },
      (e: unknown) => {
        if (running.current !== run) return;
        running.current = null;
        if (e instanceof CheckCancelled) setState({ kind: 'cancelled' });
        else
          setState({
            kind: 'done',
            answer: { ok: false, error: `the check stopped: ${(e as Error).message}` },
            source: from,
          });
      },
    );
  };

  const cancel = () => running.current?.cancel();

  const open = async (file: File) => {
    const read = await readTextFile(file, 'a history file');
    if (!read.ok) {
      setFileError(read.message);
      return;
    }
    const t = read.text;
    setText(t);
    setSource(file.name);
    check(t, file.name);
  };

  return (
    <div
      className="page check-page"
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes('Files')) e.preventDefault();
      }}
      onDrop={(e) => {
        const file = e.dataTransfer.files[0];
        if (!file) return;
        e.preventDefault();
        void open(file);
      }}
    >
      <h1>Check a history for linearizability</h1>
      <p className="muted">
        Paste, drop or open a history: Jepsen&apos;s EDN operations, Porcupine&apos;s etcd log or
        key-value EDN, or JSON in the CAP model&apos;s history format. Registers with read, write,
        cas and append; each key is checked on its own. The check runs in this browser: nothing
        leaves it.
      </p>
      <form
        className="check-form"
        onSubmit={(e) => {
          e.preventDefault();
          check();
        }}
      >
        <label htmlFor="check-text">History</label>
        <textarea
          id="check-text"
          value={text}
          spellCheck={false}
          rows={10}
          placeholder="{:type :invoke, :f :write, :value 1, :process 0}"
          onChange={(e) => {
            setText(e.target.value);
            setSource('the pasted text');
          }}
        />
        <div className="check-toolbar">
          <label>
            Format{' '}
            <select value={format} onChange={(e) => setFormat(e.target.value as Format | '')}>
              {FORMATS.map(([v, label]) => (
                <option key={v} value={v}>
                  {label}
                </option>
              ))}
            </select>
          </label>
          <button type="button" onClick={() => fileInput.current?.click()}>
            Open file…
          </button>
          <input
            ref={fileInput}
            type="file"
            className="sr-only"
            tabIndex={-1}
            aria-label="History file"
            accept=".edn,.log,.txt,.json,text/plain,application/json"
            onChange={(e) => {
              const f = e.target.files?.[0];
              e.target.value = '';
              if (f) void open(f);
            }}
          />
          <button type="submit" className="primary" disabled={!text.trim()}>
            Check
          </button>
        </div>
        <p className="check-examples">
          Or try an example:{' '}
          {EXAMPLES.map(([label, t]) => (
            <button
              key={label}
              type="button"
              className="link-button"
              onClick={() => {
                // The examples are in several formats: detect each one's.
                setText(t);
                setSource(label);
                setFormat('');
                check(t, label, '');
              }}
            >
              {label}
            </button>
          ))}
        </p>
      </form>
      <div role="status" aria-live="polite" className="sr-only">
        {state.kind === 'running'
          ? 'Checking…'
          : state.kind === 'cancelled'
            ? 'Check cancelled.'
            : state.kind === 'done' && state.answer.ok
              ? verdictLine(state.answer)
              : ''}
      </div>
      {state.kind === 'running' ? (
        <div className="check-progress">
          <ProgressBar
            label={`Checking key ${Math.min(state.done + 1, state.total)} of ${state.total}`}
            done={state.done}
            total={state.total}
          />
          <button type="button" onClick={cancel}>
            Cancel
          </button>
        </div>
      ) : null}
      {fileError ? (
        <p role="alert" className="inline-error">
          {fileError}
        </p>
      ) : null}
      {state.kind === 'done' && !state.answer.ok ? (
        <p role="alert" className="inline-error check-error">
          {state.source}: {state.answer.error}
        </p>
      ) : null}
      {state.kind === 'done' && state.answer.ok ? (
        <CheckResult answer={state.answer} source={state.source} />
      ) : null}
    </div>
  );
}
