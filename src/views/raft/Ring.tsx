/**
 * The cluster as a ring of servers (SVG): role by shape, colour and word, term and vote in
 * text, the election timer as an arc, partitions as cut links, and the messages in flight as
 * labelled marks moving along the links. React renders the marks when the set changes; the
 * animation loop in RaftMain moves them and shrinks the timer arcs through refs.
 */
import { memo, type KeyboardEvent } from 'react';
import type { InFlight } from '../../sim/core/types';
import { shapePath } from '../../ui/palette';
import { labelAbove, type RingLayout } from './geometry';
import { messageStyle, ROLE_STYLE, roleWord, serverName, type RoleKey } from './style';

export interface Hooks {
  /** Registers the element the animation loop updates (null on unmount). */
  registerArc(id: number, el: SVGPathElement | null): void;
  registerMessage(id: number, el: SVGGElement | null): void;
  onServer(id: number, how: 'hover' | 'leave' | 'activate'): void;
  onMessage(id: number, how: 'hover' | 'leave' | 'activate'): void;
}

const onEnterOrSpace = (fn: () => void) => (e: KeyboardEvent) => {
  if (e.key === 'Enter' || e.key === ' ') {
    e.preventDefault();
    fn();
  }
};

export const Links = memo(function Links({
  l,
  n,
  partitionKey,
  groupOf,
  lit,
}: {
  l: RingLayout;
  n: number;
  partitionKey: string;
  groupOf: readonly number[] | null;
  /** A server whose links are highlighted, or -1. */
  lit: number;
}) {
  const lines = [];
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const a = l.spots[i]!;
      const b = l.spots[j]!;
      const cut = groupOf !== null && groupOf[i] !== groupOf[j];
      const on = lit === i || lit === j;
      lines.push(
        <line
          key={`${i}-${j}`}
          x1={a.x}
          y1={a.y}
          x2={b.x}
          y2={b.y}
          className={`raft-link${cut ? ' cut' : ''}${on ? ' lit' : ''}`}
        />,
      );
    }
  return (
    <g aria-hidden="true" data-partition={partitionKey}>
      {lines}
    </g>
  );
});

export interface ServerNodeProps {
  id: number;
  /** Short labels: the ring is too small for full ones side by side. */
  compact: boolean;
  n: number;
  role: RoleKey;
  preCandidate: boolean;
  term: number;
  votedFor: number;
  votes: number;
  logLength: number;
  commitIndex: number;
  isClusterLeader: boolean;
  x: number;
  y: number;
  a: number;
  r: number;
  hovered: boolean;
  selected: boolean;
  /** Partition in force: which group ("A", "B", ...) or "" when whole. */
  group: string;
  /** Partition being drawn: on side B, or null when not drawing. */
  draftSide: 'A' | 'B' | null;
  hooks: Hooks;
}

/** The second label line in full, for screen readers whatever the room. */
function fullLine2(p: ServerNodeProps): string {
  if (p.role === 'crashed') return `log ${p.logLength} (on disk)`;
  if (p.role === 'candidate' || p.preCandidate)
    return `${p.votes}/${p.n} ${p.preCandidate ? 'pre-votes' : 'votes'}`;
  if (p.role === 'leader') return `log ${p.logLength} · commit ${p.commitIndex}`;
  return p.votedFor >= 0 ? `voted ${serverName(p.votedFor)}` : 'no vote';
}

/** One server: shape, name, timer arc and labels. Re-renders only when what it shows changes. */
export const ServerNode = memo(function ServerNode(p: ServerNodeProps) {
  const style = ROLE_STYLE[p.role];
  const crashed = p.role === 'crashed';
  const shapeR = p.role === 'leader' ? p.r * 1.05 : p.role === 'candidate' ? p.r * 0.95 : p.r;
  const name = serverName(p.id);
  // Compact labels drop the role word (the shape and colour carry it) and shorten the log line.
  const line1 = p.compact ? `· t${p.term}` : `${roleWord(p)} · t${p.term}`;
  const line2 = crashed
    ? p.compact
      ? `log ${p.logLength}`
      : `log ${p.logLength} (on disk)`
    : p.role === 'candidate' || p.preCandidate
      ? `${p.votes}/${p.n} ${p.preCandidate ? 'pre-votes' : 'votes'}`
      : p.role === 'leader'
        ? p.compact
          ? `log ${p.logLength} · c${p.commitIndex}`
          : `log ${p.logLength} · commit ${p.commitIndex}`
        : p.votedFor >= 0
          ? `voted ${serverName(p.votedFor)}`
          : 'no vote';
  // Labels sit under the server (above it for servers at the top of the ring).
  const above = labelAbove(p.a);
  const lx = 0;
  const anchor = 'middle';
  const ly = above ? -p.r - 27 : p.r + 19;
  const label = `${name}: ${roleWord(p)}, term ${p.term}, ${fullLine2(p)}${p.group ? `, partition side ${p.group}` : ''}${
    p.draftSide
      ? `. Drawing a partition: on side ${p.draftSide}, press Enter to move it`
      : '. Press Enter for details'
  }`;
  return (
    <g
      transform={`translate(${p.x.toFixed(1)},${p.y.toFixed(1)})`}
      className={`raft-server role-${p.role}${p.hovered ? ' hovered' : ''}${p.selected ? ' selected' : ''}${p.draftSide === 'B' ? ' side-b' : ''}`}
      role="button"
      tabIndex={0}
      aria-label={label}
      aria-pressed={p.draftSide ? p.draftSide === 'B' : undefined}
      data-server={p.id}
      data-role={p.role}
      data-term={p.term}
      onClick={() => p.hooks.onServer(p.id, 'activate')}
      onKeyDown={onEnterOrSpace(() => p.hooks.onServer(p.id, 'activate'))}
      onPointerEnter={() => p.hooks.onServer(p.id, 'hover')}
      onPointerLeave={() => p.hooks.onServer(p.id, 'leave')}
      onFocus={() => p.hooks.onServer(p.id, 'hover')}
      onBlur={() => p.hooks.onServer(p.id, 'leave')}
    >
      <circle r={p.r + 9} className="raft-hit" />
      <circle r={p.r + 5} className="raft-timer-track" />
      <path
        ref={(el) => p.hooks.registerArc(p.id, el)}
        className="raft-timer"
        stroke={style.color}
        d=""
      />
      {p.draftSide === 'B' || p.selected ? (
        <circle r={p.r + 10} className="raft-ring-mark" />
      ) : null}
      <path
        d={shapePath(style.shape, shapeR)}
        fill={style.color}
        className={`raft-shape${p.preCandidate ? ' pre' : ''}`}
      />
      {crashed ? (
        <path
          d={`M${-p.r * 0.6},${-p.r * 0.6}L${p.r * 0.6},${p.r * 0.6}M${p.r * 0.6},${-p.r * 0.6}L${-p.r * 0.6},${p.r * 0.6}`}
          className="raft-cross"
        />
      ) : null}
      <text
        className="raft-server-name"
        textAnchor="middle"
        dy="0.35em"
        fill={crashed ? 'var(--fg)' : style.ink}
        y={p.role === 'leader' ? 2 : 0}
      >
        {crashed ? '' : name}
      </text>
      <text x={lx} y={ly} textAnchor={anchor} className="raft-server-label" aria-hidden="true">
        <tspan x={lx} className="raft-server-title">
          {crashed ? `${name} ✕ ` : `${name} `}
          {p.isClusterLeader ? '★ ' : ''}
          {line1}
        </tspan>
        <tspan x={lx} dy="1.2em">
          {line2}
          {p.group ? ` · side ${p.group}` : ''}
          {p.draftSide === 'B' ? ' · → B' : ''}
        </tspan>
      </text>
    </g>
  );
});

export interface MessageLayerProps {
  messages: readonly InFlight[];
  /** Ids in order: the layer re-renders only when this changes (or the marks below). */
  idsKey: string;
  dense: boolean;
  highlight: number;
  selected: number;
  hooks: Hooks;
}

/** Messages in flight as focusable marks; positions are set by the animation loop. */
export const MessageLayer = memo(
  function MessageLayer(p: MessageLayerProps) {
    return (
      <g className="raft-messages">
        {p.messages.map((m) => {
          const st = messageStyle(m.type, m.label);
          const big = !p.dense || p.highlight === m.id || p.selected === m.id;
          const w = Math.max(26, m.label.length * 5.6 + 8);
          return (
            <g
              key={m.id}
              ref={(el) => p.hooks.registerMessage(m.id, el)}
              className={`raft-msg family-${st.family}${st.reply ? ' reply' : ''}${p.highlight === m.id ? ' hovered' : ''}${p.selected === m.id ? ' selected' : ''}`}
              role="button"
              tabIndex={0}
              aria-label={`${st.name} ${m.label} from ${serverName(m.from)} to ${serverName(m.to)}, in flight. Press Enter for details`}
              data-message={m.id}
              onClick={() => p.hooks.onMessage(m.id, 'activate')}
              onKeyDown={onEnterOrSpace(() => p.hooks.onMessage(m.id, 'activate'))}
              onPointerEnter={() => p.hooks.onMessage(m.id, 'hover')}
              onPointerLeave={() => p.hooks.onMessage(m.id, 'leave')}
              onFocus={() => p.hooks.onMessage(m.id, 'hover')}
              onBlur={() => p.hooks.onMessage(m.id, 'leave')}
            >
              {big ? (
                <>
                  <rect
                    x={-w / 2}
                    y={-8}
                    width={w}
                    height={16}
                    rx={8}
                    fill={st.reply ? 'var(--panel)' : st.color}
                    stroke={st.color}
                    className="raft-msg-pill"
                  />
                  <text textAnchor="middle" dy="0.35em" className="raft-msg-label">
                    {m.label}
                  </text>
                </>
              ) : (
                <circle r={4.5} fill={st.reply ? 'var(--panel)' : st.color} stroke={st.color} />
              )}
            </g>
          );
        })}
      </g>
    );
  },
  (a, b) =>
    a.idsKey === b.idsKey &&
    a.dense === b.dense &&
    a.highlight === b.highlight &&
    a.selected === b.selected &&
    a.hooks === b.hooks,
);
