/**
 * Beside the stage: each participant's state for its newest transaction and its lock, how long
 * it has been in doubt; TC's log as it writes it (presumed abort writes far less); and each
 * transaction's outcome everywhere (a live region), flagged if it ever split.
 */
import { NODE_STYLE, participantKey } from './style';
import type { CommitProps, OutcomeView } from './types';

const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function outcomeText(o: OutcomeView): string {
  const where = (xs: string[]) => (xs.length ? xs.join(', ') : '');
  const parts = [
    o.decision ? `TC ${o.decision}` : 'TC undecided',
    o.commits.length ? `committed at ${where(o.commits)}` : '',
    o.aborts.length ? `aborted at ${where(o.aborts)}` : '',
  ].filter(Boolean);
  return `T${o.tx}: ${parts.join('; ')}`;
}

export function CommitSide(p: CommitProps) {
  const { view } = p;
  const tc = view.tc;
  return (
    <div className="commit-side">
      <div className="panel-title">Participants</div>
      <table className="commit-table">
        <caption className="sr-only">
          Each participant’s newest transaction, its state and its lock
        </caption>
        <thead>
          <tr>
            <th scope="col">Node</th>
            <th scope="col">State</th>
            <th scope="col">Lock</th>
            <th scope="col">In doubt</th>
          </tr>
        </thead>
        <tbody>
          {view.participants.map((q) => {
            const k = participantKey(q);
            return (
              <tr key={q.id} className={`state-${k}`} data-participant={q.id} data-state={q.state}>
                <th scope="row">{q.name}</th>
                <td>
                  {q.tx ? `T${q.tx} ` : ''}
                  {NODE_STYLE[q.state].label}
                  {q.up ? '' : ' (crashed)'}
                </td>
                <td>{q.lock >= 0 ? `held by T${q.lock}` : 'free'}</td>
                <td>{q.state === 'prepared' ? secs(q.inDoubtMs) : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="panel-title">TC’s log</div>
      <p>
        {tc.up ? 'TC is up' : `TC is down (${secs(tc.downMs)})`}
        {tc.armed ? `; it ${tc.armed} in its next transaction` : ''}.{' '}
        {view.presumedAbort
          ? 'Presumed abort: it writes only commit records and ends.'
          : 'It writes begin, commit, abort and end records.'}{' '}
        {tc.logWrites} writes so far.
      </p>
      <ol className="commit-log" data-testid="commit-log" aria-label="TC's last log writes">
        {tc.written.slice(-6).map((r) => (
          <li key={`${r.at}-${r.tx}-${r.kind}`} className={`kind-${r.kind}`}>
            <span className="commit-at">{secs(r.at)}</span> {r.kind} T{r.tx}
          </li>
        ))}
        {tc.written.length === 0 && <li className="commit-none">Nothing written yet.</li>}
      </ol>
      <div className="panel-title">Outcomes</div>
      <ol className="commit-outcomes" aria-live="polite" data-testid="commit-outcomes">
        {view.outcomes
          .slice(-5)
          .reverse()
          .map((o) => {
            const split =
              (o.commits.length > 0 || o.decision === 'commit') &&
              (o.aborts.length > 0 || o.decision === 'abort');
            return (
              <li key={o.tx} className={split ? 'broken' : o.decision}>
                {split ? '⚠ not atomic: ' : ''}
                {outcomeText(o)}
              </li>
            );
          })}
        {view.outcomes.length === 0 && <li className="commit-none">No transaction yet.</li>}
      </ol>
    </div>
  );
}
