/**
 * Beside the stage: each replica's log tail with its replication lag drawn as a bar (entries of
 * the leader's log it has not applied), storage's highest epoch and its last writes, and the
 * anomalies as they were found (a live region).
 */
import { ANOMALY, NODE_STYLE, nodeName, replicaKey } from './style';
import type { AnomalyKind, ReplicationProps } from './types';

const KINDS: AnomalyKind[] = ['ryw', 'monotonic', 'prefix', 'lost', 'split', 'holders'];
const LAG_SCALE = 8;

export function ReplicationSide(p: ReplicationProps) {
  const { view } = p;
  const leader = view.replicas[view.leader];
  return (
    <div className="replication-side">
      <div className="panel-title">Replication lag</div>
      <table className="replication-logs">
        <caption className="sr-only">
          Each replica’s newest log entries and how far it is behind {leader?.name ?? 'the leader'}
        </caption>
        <thead>
          <tr>
            <th scope="col">Replica</th>
            <th scope="col">Log (solid: applied)</th>
            <th scope="col">Behind</th>
          </tr>
        </thead>
        <tbody>
          {view.replicas.map((r) => {
            const k = replicaKey(r);
            return (
              <tr key={r.id} data-replica={r.id} className={`state-${k}`}>
                <th scope="row">
                  {r.name}{' '}
                  <span className="replication-role">
                    {k === 'leader' ? '★ leader' : NODE_STYLE[k].label} e{r.epoch}
                  </span>
                </th>
                <td>
                  <span className="replication-cells">
                    {r.tail.map((c) => (
                      <span
                        key={c.index}
                        className={`replication-cell${c.visible ? ' applied' : ''}${c.doomed ? ' doomed' : ''}`}
                        title={`version ${c.index}: ${c.label}, epoch ${c.epoch}${c.visible ? ', applied' : ', received, not yet applied'}${c.doomed ? '; the leader does not have it' : ''}`}
                      >
                        {c.index}
                      </span>
                    ))}
                  </span>
                </td>
                <td>
                  {r.role === 'leader' && !r.stale ? (
                    '—'
                  ) : (
                    <span className="replication-behind">
                      <span className="replication-lag-n">{r.lag}</span>
                      <span className="replication-lag" data-lag={r.lag} aria-hidden="true">
                        <span
                          className="replication-lag-bar"
                          style={{ width: `${(Math.min(r.lag, LAG_SCALE) / LAG_SCALE) * 100}%` }}
                        />
                      </span>
                    </span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="panel-title">Storage</div>
      <p className="replication-storage" data-testid="replication-storage">
        Highest epoch seen: <strong>{view.storage.maxEpoch}</strong>
        {view.maxToken ? (
          <>
            , highest lock token: <strong>{view.maxToken}</strong>
          </>
        ) : null}
        . Fencing {view.fencing ? 'on: older ones are refused' : 'off: every write is taken'}.{' '}
        {view.storage.accepted} accepted, {view.storage.refused} refused
        {view.storage.staleAccepted ? `, ${view.storage.staleAccepted} from an old epoch` : ''}.
      </p>
      {view.storage.recent.length > 0 && (
        <ol className="replication-storage-log">
          {view.storage.recent.slice(-3).map((w) => (
            <li key={`${w.at}-${w.wid}`} className={w.accepted ? '' : 'refused'}>
              {nodeName(view, w.from)} {w.kind === 'token' ? 'token' : 'epoch'} {w.epoch}:{' '}
              {w.accepted ? 'accepted' : 'refused'}
              {w.accepted && w.epoch < w.maxEpoch ? ` (after ${w.maxEpoch})` : ''}
            </li>
          ))}
        </ol>
      )}
      <div className="panel-title">Anomalies</div>
      <ul className="replication-counts" aria-label="Anomalies so far">
        {KINDS.map((k) => (
          <li key={k} data-kind={k} className={view.counts[k] ? 'some' : ''}>
            <span aria-hidden="true">{ANOMALY[k].mark}</span> {ANOMALY[k].title}:{' '}
            <strong>{view.counts[k]}</strong>
          </li>
        ))}
      </ul>
      <ol className="replication-anomalies" aria-live="polite" data-testid="replication-anomalies">
        {view.anomalies
          .slice(-5)
          .reverse()
          .map((a) => (
            <li key={`${a.at}-${a.kind}-${a.text.length}`} data-kind={a.kind}>
              <span className="replication-at">{(a.at / 1000).toFixed(1)} s</span>{' '}
              <span aria-hidden="true">{ANOMALY[a.kind].mark}</span> {a.text}
            </li>
          ))}
        {view.anomalies.length === 0 && <li className="replication-none">None yet.</li>}
      </ol>
    </div>
  );
}
