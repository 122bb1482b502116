/**
 * A Raft server on the network stage's ring (SVG): role by shape, colour and word, term and vote
 * in text, the election timer as an arc the stage's frame loop shrinks through a ref.
 */
import { memo } from 'react';
import type { How } from '../network/nodes';
import { RingNode } from '../network/RingNode';
import { ROLE_STYLE, roleWord, serverName, type RoleKey } from './style';

export interface Hooks {
  /** Registers the arc the frame loop updates (null on unmount). */
  registerArc(id: number, el: SVGCircleElement | null): void;
  onServer(id: number, how: How): void;
}

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
  /** Acts as leader, but no majority follows it (cut off, or its followers are down). */
  stranded: boolean;
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
  if (p.stranded) return `log ${p.logLength} · no majority`;
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
      : p.stranded
        ? 'no majority'
        : p.role === 'leader'
          ? p.compact
            ? `log ${p.logLength} · c${p.commitIndex}`
            : `log ${p.logLength} · commit ${p.commitIndex}`
          : p.votedFor >= 0
            ? `voted ${serverName(p.votedFor)}`
            : 'no vote';
  // A stranded leader is not the cluster's: drawn hollow, never starred as the leader.
  return (
    <RingNode
      id={p.id}
      x={p.x}
      y={p.y}
      a={p.a}
      r={p.r}
      shape={style.shape}
      shapeR={shapeR}
      fill={p.stranded ? 'var(--panel)' : style.color}
      stroke={p.stranded ? style.color : undefined}
      shapeClass={p.preCandidate ? 'raft-pre' : undefined}
      ink={crashed || p.stranded ? 'var(--fg)' : style.ink}
      nameY={p.role === 'leader' ? 2 : 0}
      name={name}
      crashed={crashed}
      title={
        <>
          {crashed ? `${name} ✕ ` : `${name} `}
          {p.isClusterLeader ? '★ ' : ''}
          {line1}
        </>
      }
      detail={
        <>
          {line2}
          {p.group ? ` · side ${p.group}` : ''}
          {p.draftSide === 'B' ? ' · → B' : ''}
        </>
      }
      note=""
      group={p.group}
      draftSide={p.draftSide}
      description={`${name}: ${roleWord(p)}, term ${p.term}, ${fullLine2(p)}`}
      action="Press Enter for details"
      selected={p.selected}
      className={`raft-server role-${p.role}${p.stranded ? ' stranded' : ''}${p.hovered ? ' hovered' : ''}${p.selected ? ' selected' : ''}${p.draftSide === 'B' ? ' side-b' : ''}`}
      data={{
        'data-server': p.id,
        'data-role': p.role,
        'data-term': p.term,
        'data-stranded': p.stranded ? 'true' : undefined,
      }}
      registerTimer={(el) => p.hooks.registerArc(p.id, el)}
      timerColor={style.color}
      markGap={10}
      onNode={p.hooks.onServer}
    />
  );
});
