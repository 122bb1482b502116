/**
 * The comparison of the two events picked (the verdict, what each clock says, the chain), in a
 * live region, and each process's clocks now.
 */
import { useStore } from 'zustand';
import { eventTitle, formatHlc, formatVector, processName } from './style';
import type { ClockEvent, ClocksProps, Comparison, RegisterView, Relation, Write } from './types';

const held = (w: Write | null, stamp: (w: Write) => string) =>
  w ? `w${w.n} (P${w.writer}, ${stamp(w)})` : 'not written';

/** Each process's copy of x under both rules, and the writes lost to an earlier write. */
function Register({ r }: { r: RegisterView }) {
  return (
    <>
      <div className="panel-title">Shared key x (last writer wins)</div>
      <p className="clocks-lww-counts" aria-live="polite">
        Later writes lost by wall clock: <strong>{r.lostWall}</strong>; by HLC:{' '}
        <strong>{r.lostHlc}</strong> (of {r.writes} writes)
      </p>
      <table className="clocks-now clocks-register">
        <thead>
          <tr>
            <th scope="col">Copy on</th>
            <th scope="col">x by wall clock</th>
            <th scope="col">x by HLC</th>
          </tr>
        </thead>
        <tbody>
          {r.copies.map((c, i) => (
            <tr key={i}>
              <th scope="row">{processName(i)}</th>
              <td>{held(c.wall, (w) => `${w.wall} ms`)}</td>
              <td>{held(c.hlc, (w) => formatHlc(w.hlc))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

const VECTOR_SAYS: Record<Relation, string> = {
  before: 'V(A) < V(B): A happened before B',
  after: 'V(A) > V(B): B happened before A',
  concurrent: 'neither is below the other: concurrent',
  same: 'the same event',
};

function lamportSays(c: Comparison, a: ClockEvent, b: ClockEvent): string {
  const stamps = `L(A) = ${a.lamport}, L(B) = ${b.lamport}`;
  if (c.relation === 'concurrent')
    return `${stamps}: ${c.lamport === '=' ? 'equal' : 'ordered anyway'}, yet neither caused the other`;
  return `${stamps}: consistent with the order, as the clock condition promises`;
}

function Verdict({
  c,
  a,
  b,
}: {
  c: Comparison;
  a: ClockEvent | undefined;
  b: ClockEvent | undefined;
}) {
  return (
    <>
      <p className={`clocks-verdict clocks-${c.relation}`}>{c.sentence}</p>
      {a && b && (
        <dl className="clocks-says">
          <dt>A</dt>
          <dd>{eventTitle(a)}</dd>
          <dt>B</dt>
          <dd>{eventTitle(b)}</dd>
          <dt>Lamport</dt>
          <dd>{lamportSays(c, a, b)}</dd>
          <dt>Vector</dt>
          <dd>
            {formatVector(a.vector)} vs {formatVector(b.vector)}: {VECTOR_SAYS[c.vector]}
          </dd>
          <dt>HLC</dt>
          <dd>
            {formatHlc(a.hlc)} {c.hlc} {formatHlc(b.hlc)}
          </dd>
        </dl>
      )}
      {c.steps.length > 0 && (
        <>
          <p className="clocks-chain-title">The chain (drawn thick on the diagram):</p>
          <ol className="clocks-steps">
            {c.steps.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ol>
        </>
      )}
    </>
  );
}

export function ClocksSide(p: ClocksProps) {
  const { view, ui } = p;
  const first = useStore(ui, (s) => s.first);
  const byId = new Map(view.events.map((e) => [e.id, e]));
  const c = view.comparison;
  const pending = first === null ? undefined : byId.get(first);
  return (
    <div className="clocks-side">
      <div className="panel-title">Compare two events</div>
      <div aria-live="polite" className="clocks-compare">
        {pending ? (
          <p>A is {eventTitle(pending)}. Now pick B (Escape to start again).</p>
        ) : c ? (
          <Verdict c={c} a={byId.get(c.a)} b={byId.get(c.b)} />
        ) : (
          <p>
            Click an event on the diagram, then a second one (or move with the arrow keys and press
            Enter on each).
          </p>
        )}
      </div>
      {view.register && <Register r={view.register} />}
      <div className="panel-title">Clocks now</div>
      <table className="clocks-now">
        <thead>
          <tr>
            <th scope="col">Process</th>
            <th scope="col">Lamport</th>
            <th scope="col">Vector</th>
            <th scope="col">HLC</th>
            <th scope="col" title="Physical clock, ms">
              Physical
            </th>
          </tr>
        </thead>
        <tbody>
          {view.now.map((x, i) => (
            <tr key={i}>
              <th scope="row">{processName(i)}</th>
              <td>{x.lamport}</td>
              <td>{formatVector(x.vector)}</td>
              <td>{formatHlc(x.hlc)}</td>
              <td>{x.ptMs}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
