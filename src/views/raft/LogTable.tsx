/**
 * Every server's log as a table: a row per server, a column per log index, each cell the
 * entry's term (its command on hover). Solid cells are committed on that server; a bar marks
 * its commit index. Beside each name, the last entry the server's snapshot replaces (log
 * compaction); entries inside it show hatched, without their term.
 */
import { memo, useId } from 'react';
import { colorOf } from '../../ui/palette';
import { ROLE_STYLE } from './style';
import type { Entry, ServerView } from './types';

/** Columns shown: the newest indexes; older ones scroll out. */
export const LOG_COLUMNS = 32;

export interface LogRow {
  id: number;
  name: string;
  role: ServerView['role'];
  isLeader: boolean;
  logLength: number;
  commitIndex: number;
  /** The last entry its snapshot replaces (0: none). */
  snapshotIndex: number;
  log: readonly Entry[];
}

const fmt = (n: number): string => n.toLocaleString('en-US');

/** Changes whenever anything the table shows changes: the table re-renders only then. */
export const logKey = (rows: readonly LogRow[]): string => rows.map(rowKey).join('|');

const rowKey = (r: LogRow): string =>
  `${r.role}${r.isLeader ? '*' : ''}:${r.logLength}:${r.log.at(-1)?.id ?? 0}:${r.commitIndex}:${r.snapshotIndex}`;

/** One server's row: re-renders when that server's log, commit index or role changes. */
const LogTableRow = memo(
  function LogTableRow({
    row: r,
    first,
    last,
  }: {
    row: LogRow;
    first: number;
    last: number;
    rowKey: string;
  }) {
    const base = r.logLength - r.log.length + 1;
    const cells = [];
    for (let i = first; i <= last; i++) {
      const e = i >= base && i <= r.logLength ? r.log[i - base] : undefined;
      if (!e && i <= r.snapshotIndex) {
        cells.push(
          <td
            key={i}
            className={`in-snapshot${i === r.commitIndex ? ' commit-edge' : ''}`}
            title={`${r.name} entry ${fmt(i)}: in its snapshot (discarded from the log)`}
          />,
        );
        continue;
      }
      if (!e) {
        cells.push(<td key={i} className={i === r.commitIndex ? 'commit-edge' : ''} />);
        continue;
      }
      const committed = i <= r.commitIndex;
      cells.push(
        <td
          key={i}
          className={`entry${committed ? ' committed' : ''}${i === r.commitIndex ? ' commit-edge' : ''}`}
          style={{ ['--term' as string]: colorOf(e.term) }}
          title={`${r.name} entry ${i}, term ${e.term}: ${e.command}${committed ? ', committed' : ', not committed'}`}
        >
          {e.term}
        </td>,
      );
    }
    return (
      <tr
        className={`role-${r.role}`}
        data-server={r.id}
        data-log-length={r.logLength}
        data-commit={r.commitIndex}
        data-snapshot={r.snapshotIndex}
        data-log={r.log.map((e) => `${e.term}:${e.id}`).join(',')}
      >
        <th scope="row">
          <span
            className="raft-log-dot"
            style={{ background: ROLE_STYLE[r.role].color }}
            aria-hidden="true"
          />
          {r.name}
          {r.isLeader ? ' ★' : r.role === 'crashed' ? ' ✕' : ''}
          {r.snapshotIndex > 0 ? (
            <span className="raft-log-snap"> snapshot ≤ {fmt(r.snapshotIndex)}</span>
          ) : null}
        </th>
        {cells}
      </tr>
    );
  },
  (a, b) => a.rowKey === b.rowKey && a.first === b.first && a.last === b.last,
);

export const LogTable = memo(
  function LogTable({ rows }: { rows: readonly LogRow[]; dataKey: string }) {
    const captionId = useId();
    const maxLen = Math.max(0, ...rows.map((r) => r.logLength));
    const first = Math.max(1, maxLen - LOG_COLUMNS + 1);
    const indexes = Array.from({ length: Math.max(0, maxLen - first + 1) }, (_, i) => first + i);
    const snapshots = rows.some((r) => r.snapshotIndex > 0);
    return (
      <div className="raft-logs">
        <div className="panel-title" id={captionId}>
          Logs
        </div>
        <div className="raft-logs-scroll" tabIndex={0} role="group" aria-labelledby={captionId}>
          {maxLen === 0 ? (
            <p className="muted raft-logs-empty">Every log is empty.</p>
          ) : (
            <table className="raft-log-table" data-testid="raft-logs">
              <caption className="sr-only">
                Each server&apos;s log: a column per index, the cell shows the entry&apos;s term;
                committed entries are solid, a bar follows the commit index.
                {first > 1 ? ` Entries before ${fmt(first)} are not shown.` : ''}
                {snapshots
                  ? ' Beside a server, snapshot ≤ n: its snapshot replaces its log up to entry n, which it discarded.'
                  : ''}
              </caption>
              <thead>
                <tr>
                  <th scope="col">
                    <span className="sr-only">server</span>
                  </th>
                  {indexes.map((i) => (
                    <th scope="col" key={i}>
                      {i}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <LogTableRow key={r.id} row={r} first={first} last={maxLen} rowKey={rowKey(r)} />
                ))}
              </tbody>
            </table>
          )}
        </div>
        <p className="raft-logs-key muted">
          cell = term · <span className="raft-key-solid">solid</span> committed ·{' '}
          <span className="raft-key-dashed">dashed</span> not yet · ▍ commit index
          {snapshots ? (
            <>
              {' '}
              · <span className="raft-key-snap">hatched</span> in the snapshot
            </>
          ) : null}
        </p>
      </div>
    );
  },
  (a, b) => a.dataKey === b.dataKey,
);
