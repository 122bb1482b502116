/**
 * A checked history: the verdict, a row per key, and for a violation its explanation with the
 * operations around it drawn. Each violation is a button that draws its own window.
 */
import { useMemo, useState } from 'react';
import type { CheckAnswer, LoadedOp } from '../../../worker/checkApi';
import { verdictLine } from './verdict';
import { Timeline } from './Timeline';
import { failingWindow, longLabel, placeOf } from './window';

type Checked = Extract<CheckAnswer, { ok: true }>;

const FORMAT_NAME: Record<Checked['format'], string> = {
  'jepsen-edn': 'Jepsen EDN',
  'porcupine-etcd': "Porcupine's etcd log",
  'porcupine-kv': "Porcupine's key-value EDN",
  json: "the CAP model's JSON",
};

const RESULT: Record<'ok' | 'violation' | 'unknown', [mark: string, word: string]> = {
  ok: ['✓', 'linearizable'],
  violation: ['✕', 'not linearizable'],
  unknown: ['?', 'undecided (search budget spent)'],
};

const keyName = (k: string): string => (k === '' ? 'the register' : `key ${k}`);

export function CheckResult({ answer, source }: { answer: Checked; source: string }) {
  const { verdict: v, ops } = answer;
  const [chosen, setChosen] = useState(0);
  const byId = useMemo(() => new Map(ops.map((o) => [o.id, o])), [ops]);
  const witness = v.witnesses[Math.min(chosen, v.witnesses.length - 1)];
  const win = useMemo(() => {
    if (!witness) return null;
    const keyOps = ops.filter((o) => o.key === witness.key);
    return failingWindow(keyOps, witness.id, witness.related);
  }, [ops, witness]);
  const kind = v.linearizable ? 'ok' : v.violations > 0 ? 'violation' : 'unknown';
  const line = (id: number): string => {
    const o = byId.get(id);
    return o ? ` (${placeOf(o, answer.format)})` : '';
  };

  return (
    <section className="check-result" aria-labelledby="check-verdict">
      <h2 id="check-verdict" className={`check-verdict verdict-${kind}`} data-verdict={kind}>
        <span aria-hidden="true">{RESULT[kind][0]}</span> {verdictLine(answer)}
      </h2>
      <p className="muted">
        {source}: {ops.length} operations read as {FORMAT_NAME[answer.format]}; checked in{' '}
        {answer.checkMs < 10 ? answer.checkMs.toFixed(1) : Math.round(answer.checkMs)} ms (
        {v.steps.toLocaleString('en')} search steps).
      </p>
      <table className="check-keys">
        <caption>Verdict per key</caption>
        <thead>
          <tr>
            <th scope="col">Key</th>
            <th scope="col">Operations</th>
            <th scope="col">Verdict</th>
          </tr>
        </thead>
        <tbody>
          {v.keys.slice(0, 200).map((k) => (
            <tr key={k.key} data-key={k.key} data-result={k.result}>
              <th scope="row">{keyName(k.key)}</th>
              <td>{k.ops}</td>
              <td className={`result-${k.result}`}>
                <span aria-hidden="true">{RESULT[k.result][0]}</span> {RESULT[k.result][1]}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {v.keys.length > 200 ? (
        <p className="muted">
          The first 200 of {v.keys.length} keys are listed; every key was checked.
        </p>
      ) : null}
      {v.witnesses.length ? (
        <>
          <h3>Why not</h3>
          <ol className="check-witnesses">
            {v.witnesses.map((w, i) => (
              <li key={`${w.key}:${w.id}`}>
                <button
                  type="button"
                  aria-pressed={i === chosen}
                  className="check-witness"
                  data-op={w.id}
                  onClick={() => setChosen(i)}
                >
                  {v.keys.length > 1 ? `${keyName(w.key)}: ` : ''}
                  {w.sentence}
                  {line(w.id)}.
                </button>
              </li>
            ))}
          </ol>
          {v.witnesses.length > 1 ? (
            <p className="muted">
              Each operation listed cannot be placed with the ones before it left out; choose one to
              draw it.
            </p>
          ) : null}
        </>
      ) : null}
      {witness && win ? (
        <>
          <h3>The operations around it</h3>
          <Timeline
            win={win}
            format={answer.format}
            title={`Timeline of ${win.ops.length} operations on ${keyName(witness.key)} around ${opName(byId.get(witness.id), answer.format)}`}
          />
          {win.hidden > 0 ? (
            <p className="muted">
              {win.hidden} other operations on {keyName(witness.key)} lie outside this stretch and
              are not drawn.
            </p>
          ) : null}
          <table className="check-ops">
            <caption>The drawn operations, in the order they were invoked</caption>
            <thead>
              <tr>
                <th scope="col">Operation</th>
                <th scope="col">Role</th>
              </tr>
            </thead>
            <tbody>
              {win.ops.map(({ op, role }) => (
                <tr key={op.id} data-role={role}>
                  <td>{longLabel(op, answer.format)}</td>
                  <td>
                    {role === 'violation'
                      ? 'cannot be placed'
                      : role === 'named'
                        ? 'named by the explanation'
                        : 'drawn for context'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </section>
  );
}

const opName = (o: LoadedOp | undefined, format: Checked['format']): string =>
  o ? longLabel(o, format) : 'the failing operation';
