/** Beside the drawing: the role statechart and every server's log. */
import { useMemo } from 'react';
import type { LogEvent } from '../../sim/core/types';
import { logKey, LogTable, type LogRow } from './LogTable';
import { Statechart, type ChartServer, type Transition } from './Statechart';
import type { RaftProps } from './types';

/** Transitions are lit this long (virtual ms) after they happen. */
const LIT_MS = 400;

function transitionOf(e: LogEvent): Transition | null {
  switch (e.kind) {
    case 'election':
      return 'timeout';
    case 'leader':
      return 'win';
    case 'stepdown':
      return / as leader/.test(e.text) ? 'depose' : 'defer';
    case 'split':
      return 'retry';
    default:
      return null;
  }
}

export function RaftSide(p: RaftProps) {
  const { view } = p;
  const log = p.snapshot.log;
  const now = view.now;
  const recent: Transition[] = [];
  for (let i = log.length - 1; i >= 0 && log[i]!.t >= now - LIT_MS; i--) {
    const tr = transitionOf(log[i]!);
    if (tr && !recent.includes(tr)) recent.push(tr);
  }
  recent.sort();
  const chart: ChartServer[] = view.servers.map((s) => ({
    id: s.id,
    role: s.role,
    pre: s.preCandidate,
  }));
  const chartKey =
    chart.map((c) => `${c.role}${c.pre ? 'p' : ''}`).join(',') + '|' + recent.join(',');
  const rows: LogRow[] = view.servers.map((s) => ({
    id: s.id,
    name: s.name,
    role: s.role,
    isLeader: view.leader === s.id,
    logLength: s.logLength,
    commitIndex: s.commitIndex,
    snapshotIndex: s.snapshotIndex,
    log: s.log,
  }));
  // The table re-renders when a log changes, from the frame the stage draws.
  const key = logKey(rows);
  // Stable inputs for the memoized parts: new arrays only when what they show changed.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const stableChart = useMemo(() => chart, [chartKey]);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const stableRecent = useMemo(() => recent, [chartKey]);
  return (
    <div className="raft-side">
      <Statechart servers={stableChart} recent={stableRecent} />
      <LogTable rows={rows} dataKey={key} playing={p.frame.status.playing} />
    </div>
  );
}
