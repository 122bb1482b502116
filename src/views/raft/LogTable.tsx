/**
 * Every server's log: a row per server, a column per log index, each cell the entry's term (its
 * command on hover). Solid cells are committed on that server; a bar marks its commit index.
 * Beside each name, the last entry the server's snapshot replaces (log compaction); entries
 * inside it show hatched, without their term.
 *
 * Drawn on a canvas (logGrid.ts), from the same frame as the stage, because an HTML table is
 * laid out again on every change and the logs change tens of times a second while a run plays.
 * The same data is an HTML table for screen readers (visually hidden); while playing it follows
 * at most once a second (a table rewritten 20 times a second cannot be read anyway), and at once
 * when paused.
 */
import { memo, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { colorOf } from '../../ui/palette';
import { BASE_THEME, setupCanvas, themeReader } from '../../ui/canvas';
import { useSize } from '../../ui/hooks';
import { cellAt, cellTitle, drawGrid, gridLayout } from './logGrid';
import type { Entry, ServerView } from './types';

/** Columns shown at most: the newest indexes; older ones scroll out. */
export const LOG_COLUMNS = 32;

/** How often the hidden table follows the logs while playing. */
const SR_TABLE_MS = 1000;

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

export const fmt = (n: number): string => n.toLocaleString('en-US');

/** Changes whenever anything the table shows changes: the table re-renders only then. */
export const logKey = (rows: readonly LogRow[]): string => rows.map(rowKey).join('|');

const rowKey = (r: LogRow): string =>
  `${r.role}${r.isLeader ? '*' : ''}:${r.logLength}:${r.log.at(-1)?.id ?? 0}:${r.commitIndex}:${r.snapshotIndex}`;

/**
 * `value` as it was at most `ms` ago while `throttle` holds, and as it is otherwise; `key`
 * changes whenever `value` does.
 */
function useFollowing<T>(value: T, key: string, throttle: boolean, ms: number): T {
  const [shown, setShown] = useState({ value, key });
  const latest = useRef({ value, key });
  const last = useRef(0);
  useLayoutEffect(() => {
    latest.current = { value, key };
  });
  useEffect(() => {
    if (shown.key === key) return;
    const show = () => {
      last.current = performance.now();
      setShown(latest.current);
    };
    const wait = throttle ? last.current + ms - performance.now() : 0;
    if (wait <= 0) return show();
    const id = setTimeout(show, wait);
    return () => clearTimeout(id);
  }, [key, throttle, ms, shown.key]);
  return shown.value;
}

/** One server's row of the hidden table: re-renders when that server's log changes. */
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
            title={cellTitle(r, i)}
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
          title={cellTitle(r, i)}
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
          {r.name}
          {r.isLeader ? ' (leader)' : r.role === 'crashed' ? ' (crashed)' : ''}
          {r.snapshotIndex > 0 ? ` snapshot ≤ ${fmt(r.snapshotIndex)}` : ''}
        </th>
        {cells}
      </tr>
    );
  },
  (a, b) => a.rowKey === b.rowKey && a.first === b.first && a.last === b.last,
);

/** The logs as a table: what a screen reader reads, and what tests inspect. */
const HiddenTable = memo(function HiddenTable({ rows }: { rows: readonly LogRow[] }) {
  const maxLen = Math.max(0, ...rows.map((r) => r.logLength));
  const first = Math.max(1, maxLen - LOG_COLUMNS + 1);
  const indexes = Array.from({ length: Math.max(0, maxLen - first + 1) }, (_, i) => first + i);
  const snapshots = rows.some((r) => r.snapshotIndex > 0);
  return (
    <table className="raft-log-table" data-testid="raft-logs">
      <caption>
        Each server&apos;s log: a column per index, the cell shows the entry&apos;s term; the cell
        says whether it is committed.
        {first > 1 ? ` Entries before ${fmt(first)} are not shown.` : ''}
        {snapshots
          ? ' Beside a server, snapshot ≤ n: its snapshot replaces its log up to entry n, which it discarded.'
          : ''}
      </caption>
      <thead>
        <tr>
          <th scope="col">server</th>
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
  );
});

const readTheme = themeReader(BASE_THEME);

export const LogTable = memo(
  function LogTable({
    rows,
    dataKey,
    playing,
  }: {
    rows: readonly LogRow[];
    dataKey: string;
    playing: boolean;
  }) {
    const captionId = useId();
    const box = useRef<HTMLDivElement>(null);
    const canvas = useRef<HTMLCanvasElement>(null);
    const { width } = useSize(box, { width: 320, height: 0 });
    const layout = useMemo(
      () => gridLayout(rows, width, LOG_COLUMNS),
      // eslint-disable-next-line react-hooks/exhaustive-deps
      [dataKey, width],
    );
    const empty = layout.last === 0;
    const snapshots = rows.some((r) => r.snapshotIndex > 0);
    const font = useRef('');
    useLayoutEffect(() => {
      const c = canvas.current;
      if (!c || empty) return;
      const ctx = setupCanvas(c, layout.width, layout.height);
      if (!ctx) return;
      // Read once: getComputedStyle forces a style pass when anything on the page changed.
      font.current ||= getComputedStyle(c).fontFamily || 'system-ui, sans-serif';
      drawGrid(ctx, layout, rows, readTheme(c, `${layout.width}x${layout.height}`), font.current);
      // eslint-disable-next-line react-hooks/exhaustive-deps
    }, [layout, empty]);
    const readable = useFollowing(rows, dataKey, playing, SR_TABLE_MS);
    const hover = (e: React.PointerEvent<HTMLCanvasElement>) => {
      const rect = e.currentTarget.getBoundingClientRect();
      const at = cellAt(layout, rows, e.clientX - rect.left, e.clientY - rect.top);
      const title = at ? cellTitle(at.row, at.index) : '';
      if (e.currentTarget.title !== title) e.currentTarget.title = title;
    };
    return (
      <div className="raft-logs">
        <div className="panel-title" id={captionId}>
          Logs
        </div>
        <div className="raft-logs-grid" ref={box} role="group" aria-labelledby={captionId}>
          {empty ? (
            <p className="muted raft-logs-empty">Every log is empty.</p>
          ) : (
            <canvas
              ref={canvas}
              aria-hidden="true"
              style={{ width: layout.width, height: layout.height }}
              onPointerMove={hover}
            />
          )}
          <div className="sr-only">
            <HiddenTable rows={readable} />
          </div>
        </div>
        <p className="raft-logs-key muted">
          cell = term · <span className="raft-key-solid">solid</span> committed ·{' '}
          <span className="raft-key-dashed">dashed</span> not yet · ▍ commit index
          {snapshots ? (
            <>
              {' '}
              · <span className="raft-key-snap">hatched</span> in the snapshot (≤ n beside a name)
            </>
          ) : null}
        </p>
      </div>
    );
  },
  (a, b) => a.dataKey === b.dataKey && a.playing === b.playing,
);
