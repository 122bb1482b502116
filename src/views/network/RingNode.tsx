/**
 * A node on the network stage's ring, drawn as a keyboard button: a hit area (the focus ring),
 * an optional countdown (`TimerArc` over its track), a dashed mark when picked or on the
 * partition's side B, the shape in the node's colour, its name inside (none when crashed: the
 * cross says it), and two label lines under it (above it at the top of the ring). The spoken
 * label adds the partition side and what Enter does. Styles: `.net-node` in network.css.
 */
import type { ReactNode } from 'react';
import { shapePath, type Shape } from '../../ui/palette';
import { activateProps, CrashMark, TimerArc, type How } from './nodes';
import { labelAbove } from './ring';

export interface RingNodeProps {
  id: number;
  /** Where on the ring (a spot of `ringLayout`) and the layout's node radius. */
  x: number;
  y: number;
  a: number;
  r: number;
  shape: Shape;
  /** The shape's radius (a leader may be drawn larger than `r`). */
  shapeR: number;
  fill: string;
  stroke?: string | undefined;
  /** Extra classes on the shape. */
  shapeClass?: string | undefined;
  /** The name's colour, readable on `fill`. */
  ink: string;
  nameY?: number | undefined;
  name: string;
  crashed: boolean;
  title: ReactNode;
  detail: ReactNode;
  /** After `detail`; by default the partition side, or "→ B" while drawn onto side B. */
  note?: string | undefined;
  /** Partition in force: this node's group ("A", "B", ...), or "" when whole. */
  group: string;
  /** Partition being drawn: the node's side, or null when not drawing. */
  draftSide: 'A' | 'B' | null;
  /** The spoken description, before the partition side and what Enter does. */
  description: string;
  /** What Enter does when no partition is drawn ("Press Enter for details"), or "". */
  action: string;
  /** Picked for the toolbar: marked, and pressed for screen readers. */
  picked?: boolean | undefined;
  /** Marked without being pressed (its details are open). */
  selected?: boolean | undefined;
  /** The model's classes on the node (its state, for its own styles and tests). */
  className: string;
  /** `data-*` attributes for tests and styles. */
  data: Record<`data-${string}`, string | number | undefined>;
  /** Registers the countdown arc the stage's frame loop sets; no arc without it. */
  registerTimer?: ((el: SVGCircleElement | null) => void) | undefined;
  timerColor?: string | undefined;
  timerClass?: string | undefined;
  /** Radius of the picked mark beyond `r` (outside the timer arc when there is one). */
  markGap: number;
  /** Drawn between the mark and the shape (a lock ring). */
  underShape?: ReactNode;
  onNode(id: number, how: How): void;
}

/** The label's note: the partition side in force, or "→ B" for a node drawn onto side B. */
export const sideNote = (group: string, draftSide: 'A' | 'B' | null): string =>
  group ? ` · side ${group}` : draftSide === 'B' ? ' · → B' : '';

export function RingNode(p: RingNodeProps) {
  const ly = labelAbove(p.a) ? -p.r - 27 : p.r + 19;
  const spoken = `${p.description}${p.group ? `, partition side ${p.group}` : ''}${
    p.draftSide
      ? `. Drawing a partition: on side ${p.draftSide}, press Enter to move it`
      : p.action
        ? `. ${p.action}`
        : ''
  }`;
  return (
    <g
      transform={`translate(${p.x.toFixed(1)},${p.y.toFixed(1)})`}
      className={`net-node ${p.className}${p.crashed ? ' net-crashed' : ''}`}
      role="button"
      tabIndex={0}
      aria-label={spoken}
      aria-pressed={p.draftSide ? p.draftSide === 'B' : p.picked}
      {...p.data}
      {...activateProps(p.id, p.onNode)}
    >
      <circle r={p.r + 9} className="net-hit" />
      {p.registerTimer ? (
        <>
          <circle r={p.r + 5} className="net-track" />
          <TimerArc
            r={p.r + 5}
            className={`net-timer${p.timerClass ? ` ${p.timerClass}` : ''}`}
            color={p.timerColor}
            register={p.registerTimer}
          />
        </>
      ) : null}
      {p.picked || p.selected || p.draftSide === 'B' ? (
        <circle r={p.r + p.markGap} className="net-mark" />
      ) : null}
      {p.underShape}
      <path
        d={shapePath(p.shape, p.shapeR)}
        fill={p.fill}
        stroke={p.stroke}
        className={`net-shape${p.shapeClass ? ` ${p.shapeClass}` : ''}`}
      />
      {p.crashed ? <CrashMark r={p.r} /> : null}
      <text className="net-name" textAnchor="middle" dy="0.35em" fill={p.ink} y={p.nameY}>
        {p.crashed ? '' : p.name}
      </text>
      <text y={ly} textAnchor="middle" className="net-label" aria-hidden="true">
        <tspan x={0} className="net-title">
          {p.title}
        </tspan>
        <tspan x={0} dy="1.2em">
          {p.detail}
          {p.note ?? sideNote(p.group, p.draftSide)}
        </tspan>
      </text>
    </g>
  );
}
