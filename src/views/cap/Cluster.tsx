/**
 * The cluster drawing's parts (SVG): the partition's sides and cut, the links from each client to
 * its home replica, the replicas with the selected key's value and version, the clients with
 * their pending or last operation: the nodes CAP puts on the network stage (which draws the
 * messages in flight). Each part re-renders only when what it shows changes.
 */
import { memo } from 'react';
import type { ClusterLayout } from '../network/groups';
import { activateProps, type How } from '../network/nodes';
import type { Cell } from './cells';
import { patternId } from './Patterns';
import { OUTCOME } from './style';

export type { How };

export interface ClusterHooks {
  onReplica(id: number, how: How): void;
  onClient(id: number, how: How): void;
}

/** The regions start below the legend strip. */
const TOP = 18;
const SIDE = 'AB'.split('');
export const sideName = (g: number): string => SIDE[g] ?? String.fromCharCode(65 + g);

/** The partition's shaded sides, the cut between them, and the client links. */
export const Backdrop = memo(function Backdrop({
  l,
  prefix,
  sideLabels,
  links,
}: {
  l: ClusterLayout;
  prefix: string;
  /** One label per region, e.g. "side A · 2 of 5 replicas". */
  sideLabels: string[];
  links: { client: number; home: number; cut: boolean }[];
}) {
  const cutY = ((l.replicas[0]?.y ?? 0) + l.boxH / 2 + (l.clients[0]?.y ?? l.height)) / 2;
  return (
    <g aria-hidden="true">
      {l.regions.map((r, i) => (
        <g key={r.group}>
          <rect
            x={r.x0}
            y={TOP}
            width={r.x1 - r.x0}
            height={l.height - TOP - 18}
            rx={8}
            className={`cap-region cap-region-${i}`}
            fill={i % 2 === 1 ? `url(#${patternId(prefix, 'sideB')})` : undefined}
          />
          <text x={r.x0 + 8} y={TOP + 13} className="cap-region-label">
            {sideLabels[i]}
          </text>
        </g>
      ))}
      {l.cuts.map((x) => (
        <g key={x} className="cap-cut">
          <line x1={x} x2={x} y1={TOP} y2={l.height - 18} />
          <circle cx={x} cy={cutY} r={9} className="cap-cut-knob" />
          <text x={x} y={cutY} dy="0.35em" textAnchor="middle" className="cap-cut-label">
            ✂
          </text>
        </g>
      ))}
      {links.map(({ client, home, cut }) => {
        const a = l.clients[client];
        const b = l.replicas[home];
        if (!a || !b) return null;
        const y2 = b.y + l.boxH / 2;
        const mx = (a.x + b.x) / 2;
        const my = (a.y - l.clientR + y2) / 2;
        return (
          <g key={client} className={`cap-link${cut ? ' cut' : ''}`}>
            <line x1={a.x} y1={a.y - l.clientR} x2={b.x} y2={y2} />
            {cut ? (
              <path
                d={`M${mx - 5},${my - 5}L${mx + 5},${my + 5}M${mx + 5},${my - 5}L${mx - 5},${my + 5}`}
              />
            ) : null}
          </g>
        );
      })}
    </g>
  );
});

const TAGS: Partial<Record<Cell['state'], string>> = {
  behind: '◂ behind',
  concurrent: '≠ concurrent',
  siblings: 'siblings',
};

export interface ReplicaProps {
  id: number;
  x: number;
  y: number;
  w: number;
  h: number;
  cell: Cell;
  /** Partition side letter, or "" when whole. */
  side: string;
  /** e.g. "waits 2/3" while coordinating an op. */
  busy: string;
  draftB: boolean | null;
  lit: boolean;
  prefix: string;
  hooks: ClusterHooks;
}

export const ReplicaNode = memo(function ReplicaNode(p: ReplicaProps) {
  const name = `S${p.id}`;
  const label = `${p.cell.label}${p.side ? `, partition side ${p.side}` : ''}${p.busy ? `, ${p.busy}` : ''}${
    p.draftB === null
      ? ''
      : `. Drawing a partition: on side ${p.draftB ? 'B' : 'A'}, press Enter to move it`
  }`;
  return (
    <g
      transform={`translate(${p.x.toFixed(1)},${p.y.toFixed(1)})`}
      className={`cap-replica state-${p.cell.state}${p.lit ? ' lit' : ''}${p.draftB ? ' draft-b' : ''}`}
      data-replica={p.id}
      data-side={p.side}
      data-value={p.cell.value}
      data-version={p.cell.version}
      data-state={p.cell.state}
      tabIndex={0}
      role="button"
      aria-label={label}
      {...activateProps(p.id, p.hooks.onReplica)}
    >
      <rect x={-p.w / 2} y={-p.h / 2} width={p.w} height={p.h} rx={7} className="cap-box" />
      {p.draftB ? (
        <rect
          x={-p.w / 2}
          y={-p.h / 2}
          width={p.w}
          height={p.h}
          rx={7}
          fill={`url(#${patternId(p.prefix, 'draftB')})`}
          className="cap-draft-fill"
        />
      ) : null}
      <text x={-p.w / 2 + 6} y={-p.h / 2 + 12} className="cap-name">
        {name}
      </text>
      {p.side || p.draftB !== null ? (
        <text x={p.w / 2 - 6} y={-p.h / 2 + 12} textAnchor="end" className="cap-side-badge">
          {p.draftB !== null ? (p.draftB ? '→B' : 'A') : p.side}
        </text>
      ) : null}
      <text y={p.h * 0.12} textAnchor="middle" className="cap-value">
        {p.cell.value}
      </text>
      <text y={p.h / 2 - 5} textAnchor="middle" className="cap-version">
        {p.cell.version}
      </text>
      {p.cell.state in TAGS ? (
        <text y={p.h / 2 + 11} textAnchor="middle" className={`cap-state-tag tag-${p.cell.state}`}>
          {TAGS[p.cell.state]}
        </text>
      ) : null}
      {p.busy ? (
        <text y={-p.h / 2 - 5} textAnchor="middle" className="cap-busy">
          {p.busy}
        </text>
      ) : null}
    </g>
  );
});

export interface ClientProps {
  id: number;
  x: number;
  y: number;
  r: number;
  home: number;
  side: string;
  reach: boolean;
  status: string;
  /** The outcome drawn on the client: its last op's, or null while one is pending. */
  last: 'ok' | 'fail' | 'info' | null;
  /** Its last completed op's outcome, pending or not ('' before any). */
  lastDone: string;
  pending: boolean;
  stale: boolean;
  selected: boolean;
  draftB: boolean | null;
  lit: boolean;
  prefix: string;
  hooks: ClusterHooks;
}

export const ClientNode = memo(function ClientNode(p: ClientProps) {
  const name = `C${p.id}`;
  const label = `${name}, home S${p.home}${p.reach ? '' : ', cut off from its home'}${p.side ? `, partition side ${p.side}` : ''}: ${p.status}${
    p.draftB === null
      ? `; press Enter to ${p.selected ? 'keep' : 'make'} it the client for manual reads and writes`
      : `; drawing a partition: on side ${p.draftB ? 'B' : 'A'}, press Enter to move it across`
  }`;
  const o = p.last ? OUTCOME[p.last] : null;
  return (
    <g
      transform={`translate(${p.x.toFixed(1)},${p.y.toFixed(1)})`}
      className={`cap-client${p.selected ? ' selected' : ''}${p.lit ? ' lit' : ''}${p.reach ? '' : ' cut-off'}${p.draftB ? ' draft-b' : ''}`}
      data-client={p.id}
      data-side={p.side}
      data-reach={String(p.reach)}
      data-last={p.lastDone}
      data-pending={String(p.pending)}
      data-stale={String(p.stale)}
      tabIndex={0}
      role="button"
      aria-label={label}
      aria-pressed={p.draftB === null ? p.selected : p.draftB}
      {...activateProps(p.id, p.hooks.onClient)}
    >
      {p.selected ? <circle r={p.r + 4} className="cap-selected-ring" /> : null}
      <circle r={p.r} className="cap-client-dot" />
      {p.draftB ? (
        <circle
          r={p.r}
          fill={`url(#${patternId(p.prefix, 'draftB')})`}
          className="cap-draft-fill"
        />
      ) : null}
      <text dy="0.35em" textAnchor="middle" className="cap-name">
        {name}
      </text>
      {o ? (
        <g transform={`translate(${p.r * 0.85},${-p.r * 0.85})`}>
          <circle r={6.5} fill={o.color} className="cap-outcome-dot" />
          <text dy="0.35em" textAnchor="middle" className="cap-outcome-mark">
            {o.mark}
          </text>
        </g>
      ) : null}
      <text
        y={p.r + 12}
        textAnchor="middle"
        className={`cap-client-status${p.stale ? ' stale' : ''}`}
      >
        {p.status}
      </text>
      {p.draftB !== null ? (
        <text x={-p.r - 3} y={-p.r + 2} textAnchor="end" className="cap-side-badge">
          {p.draftB ? '→B' : 'A'}
        </text>
      ) : null}
    </g>
  );
});
