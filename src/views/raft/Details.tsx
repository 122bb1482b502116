/** The details of the server or message the learner clicked, with what they can do to it. */
import type { ModelInfo } from '../../sim/core/info';
import type { InFlight } from '../../sim/core/types';
import { ActionButton } from '../../ui/ActionForm';
import { formatTime } from '../../ui/format';
import type { LearnerInput } from '../types';
import type { Focus } from '../network/live';
import { Popover } from '../network/nodes';
import { fateOf, type MessageLinks } from '../network/records';
import { messageStyle, roleWord, serverName } from './style';
import type { RaftView, ServerView } from './types';

export interface DetailsProps {
  view: RaftView;
  inFlight: readonly InFlight[];
  links: MessageLinks;
  selected: NonNullable<Focus>;
  info: ModelInfo;
  send(input: LearnerInput): void;
  onClose(): void;
}

export function Details(p: DetailsProps) {
  const which = p.selected.kind === 'node' ? p.selected.id : p.selected.record;
  return (
    <Popover openKey={`${p.selected.kind}${which}`} onClose={p.onClose} className="raft-details">
      {p.selected.kind === 'node' ? (
        <ServerDetails {...p} server={p.view.servers[p.selected.id]} />
      ) : (
        <MessageDetails {...p} record={p.selected.record} flight={p.selected.flight} />
      )}
    </Popover>
  );
}

function ServerDetails(p: DetailsProps & { server: ServerView | undefined }) {
  const s = p.server;
  if (!s) return <p>This server is no longer in the cluster.</p>;
  const crashed = s.role === 'crashed';
  const last = s.log.at(-1);
  const others = p.view.servers.filter((x) => x.id !== s.id).map((x) => x.id);
  const isolated = p.view.partition?.some((g) => g.length === 1 && g[0] === s.id) ?? false;
  const act = { info: p.info, send: p.send };
  return (
    <>
      <h3 className="raft-details-title">
        {s.name} · {roleWord(s)}
      </h3>
      <dl className="raft-dl">
        <dt>Term</dt>
        <dd data-testid="detail-term">{s.term}</dd>
        <dt>Voted for</dt>
        <dd>{s.votedFor >= 0 ? serverName(s.votedFor) : 'nobody this term'}</dd>
        <dt>Leader known</dt>
        <dd>{s.leaderId >= 0 ? serverName(s.leaderId) : 'none'}</dd>
        <dt>Log</dt>
        <dd>
          {s.logLength.toLocaleString('en-US')} {s.logLength === 1 ? 'entry' : 'entries'}
          {last ? `, last of term ${last.term}` : ''}
        </dd>
        {s.snapshotIndex > 0 ? (
          <>
            <dt>Snapshot</dt>
            <dd data-testid="detail-snapshot">
              entries 1 to {s.snapshotIndex.toLocaleString('en-US')} (last of term {s.snapshotTerm}
              ), discarded from the log
            </dd>
          </>
        ) : null}
        <dt>Commit index</dt>
        <dd data-testid="detail-commit">{s.commitIndex}</dd>
        <dt>Applied</dt>
        <dd>{s.lastApplied}</dd>
        {s.electionDeadline >= 0 ? (
          <>
            <dt>Election timer</dt>
            <dd>
              fires at {formatTime(s.electionDeadline)} ({s.electionTimeoutMs} ms timeout)
            </dd>
          </>
        ) : null}
        {s.role === 'candidate' || s.preCandidate ? (
          <>
            <dt>{s.preCandidate ? 'Pre-votes' : 'Votes'}</dt>
            <dd>
              {s.votesGranted.map(serverName).join(', ')} ({s.votesGranted.length} of{' '}
              {p.view.servers.length}, needs {p.view.majority})
            </dd>
          </>
        ) : null}
        {Object.keys(s.kv).length ? (
          <>
            <dt>State machine</dt>
            <dd className="raft-kv">
              {Object.entries(s.kv)
                .map(([k, v]) => `${k}=${v}`)
                .join(' ')}
            </dd>
          </>
        ) : null}
      </dl>
      {s.nextIndex && s.matchIndex ? (
        <table className="raft-peers">
          <caption>Replication state (leader)</caption>
          <thead>
            <tr>
              <th scope="col">peer</th>
              <th scope="col">nextIndex</th>
              <th scope="col">matchIndex</th>
            </tr>
          </thead>
          <tbody>
            {others.map((id) => (
              <tr key={id}>
                <th scope="row">{serverName(id)}</th>
                <td>{s.nextIndex![id]}</td>
                <td>{s.matchIndex![id]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <div className="raft-details-actions">
        <ActionButton
          {...act}
          action={crashed ? 'restart' : 'crash'}
          args={{ server: s.id }}
          label={`${crashed ? 'Restart' : 'Crash'} ${s.name}`}
        />
        <ActionButton
          {...act}
          action="timeout"
          args={{ server: s.id }}
          disabled={crashed || s.role === 'leader'}
          {...(s.role === 'leader' ? { title: 'A leader has no election timer' } : {})}
        />
        <ActionButton
          {...act}
          action="request"
          args={{ server: s.id }}
          disabled={crashed}
          label={`Client request to ${s.name}`}
        />
        {isolated ? (
          <ActionButton {...act} action="heal" label="Heal the network" />
        ) : (
          <ActionButton
            {...act}
            action="partition"
            args={{ groups: [others, [s.id]] }}
            label={`Isolate ${s.name}`}
          />
        )}
      </div>
    </>
  );
}

function MessageDetails(p: DetailsProps & { record: number; flight: number }) {
  const rec = p.record >= 0 ? p.view.messages.find((m) => m.id === p.record) : undefined;
  const flightId = rec ? (p.links.flightOf.get(rec.id) ?? -1) : p.flight;
  const flight = flightId >= 0 ? p.inFlight.find((f) => f.id === flightId) : undefined;
  const m = rec ?? flight;
  if (!m)
    return (
      <p>
        That message has arrived and left the recent history. Click a line in the diagram to see
        another.
      </p>
    );
  const st = messageStyle(m.type, m.label);
  const fate = rec ? fateOf(rec, p.links) : 'in flight';
  return (
    <>
      <h3 className="raft-details-title">
        {st.name}: {serverName(m.from)} → {serverName(m.to)}
      </h3>
      <dl className="raft-dl">
        <dt>Label</dt>
        <dd>{m.label}</dd>
        {rec ? (
          <>
            <dt>Term</dt>
            <dd>{rec.term}</dd>
          </>
        ) : null}
        <dt>Sent</dt>
        <dd>{formatTime(m.sentAt)}</dd>
        <dt>Status</dt>
        <dd data-testid="message-fate">
          {fate === 'delivered' && rec
            ? `arrived at ${formatTime(rec.deliverAt)}`
            : fate === 'in flight' && flight
              ? `in flight, arrives at ${formatTime(flight.deliverAt)}`
              : fate === 'discarded'
                ? 'discarded by a crashed server'
                : fate}
        </dd>
      </dl>
      {flight ? (
        <div className="raft-details-actions">
          <ActionButton
            info={p.info}
            send={p.send}
            action="drop"
            args={{ id: flight.id }}
            label="Drop this message"
          />
        </div>
      ) : null}
    </>
  );
}
