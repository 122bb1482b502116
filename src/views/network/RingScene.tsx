/**
 * The frame of a ring view (commit, replication, token ring): the network stage with its legend
 * and status line on the left, the space-time diagram on the right, or under the ring when the
 * widget is narrow. The model supplies the stage, the diagram and the texts; styles are
 * `.net-scene` in network.css.
 */
import type { CSSProperties, ReactNode } from 'react';
import { shapePath, type Shape } from '../../ui/palette';

/** Where the ring and the space-time diagram go in a widget of this size. */
export interface RingSplit {
  /** The width drawn (at least 260 px). */
  width: number;
  /** Ring and diagram side by side (640 px and wider), else the diagram under the ring. */
  wide: boolean;
  ring: { w: number; h: number };
  /** The diagram's box. */
  time: { left: number; top: number; width: number; height: number };
}

/**
 * Wide: the ring takes 55% of the width, the diagram the rest, both full height. Narrow: the
 * diagram takes 36% of the height, within `timeHMin` and `timeHMax` px, under the ring.
 */
export function ringSplit(
  widthPx: number,
  heightPx: number,
  timeHMin: number,
  timeHMax: number,
): RingSplit {
  const width = Math.max(260, widthPx);
  const wide = width >= 640;
  const timeH = wide
    ? heightPx
    : Math.round(Math.max(timeHMin, Math.min(heightPx * 0.36, timeHMax)));
  const ring = {
    w: wide ? Math.round(width * 0.55) : width,
    h: wide ? heightPx : heightPx - timeH,
  };
  const time = wide
    ? { left: ring.w, top: 0, width: width - ring.w, height: heightPx }
    : { left: 0, top: ring.h, width, height: timeH };
  return { width, wide, ring, time };
}

export interface RingSceneProps {
  /** The model's id: the scene is `<prefix>-main`, the status line `<prefix>-status` for tests. */
  prefix: string;
  split: RingSplit;
  height: number;
  drafting: boolean;
  /** `data-*` attributes on the scene, for tests. */
  data: Record<`data-${string}`, string | number>;
  legend: ReactNode;
  /** The NetworkStage, `split.ring` in size. */
  stage: ReactNode;
  status: string;
  /** The SpaceTime diagram, `split.time` in size. */
  spaceTime: ReactNode;
}

export function RingScene(p: RingSceneProps) {
  const { ring, time } = p.split;
  const timeBox: CSSProperties = time;
  return (
    <div
      className={`net-scene ${p.prefix}-main ${p.split.wide ? 'wide' : 'narrow'}${p.drafting ? ' drafting' : ''}`}
      style={{ height: p.height }}
      {...p.data}
    >
      <div className="net-scene-ring" style={{ left: 0, top: 0, width: ring.w, height: ring.h }}>
        {p.legend}
        {p.stage}
        <p className="net-status" data-testid={`${p.prefix}-status`}>
          {p.status}
        </p>
      </div>
      <div className="net-scene-time" style={timeBox}>
        {p.spaceTime}
      </div>
    </div>
  );
}

/** The legend in the stage's corner: each kind of node by its shape and colour, and its word. */
export function NodeLegend({
  items,
}: {
  items: readonly { label: string; shape: Shape; color: string }[];
}) {
  return (
    <ul className="net-legend" aria-label="Legend">
      {items.map((s) => (
        <li key={s.label}>
          <svg width="12" height="12" viewBox="-7 -7 14 14" aria-hidden="true">
            <path d={shapePath(s.shape, 5)} fill={s.color} />
          </svg>
          {s.label}
        </li>
      ))}
    </ul>
  );
}
