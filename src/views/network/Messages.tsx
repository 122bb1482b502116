/**
 * Messages in flight on the network stage: React mounts one mark per message when the set
 * changes; the stage's frame loop moves them between frames (interpolated by virtual time) and
 * shows a message's label only where it covers no node (names and values stay readable).
 *
 * The marks are HTML boxes over the stage's SVG, each on its own compositor layer, moved by a CSS
 * transform: moving one costs no layout and no paint, where an SVG `transform` attribute lays out
 * the whole drawing on every frame (and re-runs the page's hover hit test after it).
 */
import { memo } from 'react';
import type { InFlight } from '../../sim/core/types';
import { shapePath, type Shape } from '../../ui/palette';
import { activateProps, type How } from './nodes';

export interface FlightStyle {
  color: string;
  shape: Shape;
  /** Drawn hollow (a reply travelling back). */
  hollow: boolean;
  /** Said aloud: "RequestVote", "vote reply". */
  name: string;
  /** Extra classes for the model's own styles and tests. */
  className?: string;
}

/** A box no label may cover: a node's shape with its name and value lines. */
export interface KeepOut {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export const TAG_H = 15;
/** The label's box beside a mark at (x, y): above and to the right of it. */
export const tagBox = (x: number, y: number, label: string): KeepOut => {
  const w = label.length * 5.6 + 8;
  return { x0: x + 6, y0: y - 6 - TAG_H, x1: x + 6 + w, y1: y - 6 };
};
export const overlaps = (a: KeepOut, b: KeepOut): boolean =>
  a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

export interface MessageLayerProps {
  messages: readonly InFlight[];
  /** Ids in order: the layer re-renders only when this (or the marks below) changes. */
  idsKey: string;
  styleOf(m: InFlight): FlightStyle;
  /** Labels for every message, or (many in flight) only the hovered and selected ones. */
  labels: boolean;
  highlight: number;
  selected: number;
  register(id: number, el: HTMLDivElement | null): void;
  /** Messages are buttons (details, drop) when given; decoration otherwise. */
  onMessage?: ((id: number, how: How) => void) | undefined;
  /** A node's name as the learner sees it (S1, C0). */
  nameOf(node: number): string;
  prefix: string;
}

/** Half the side of a message's box: its hit area, centred on the message. */
export const MARK_HALF = 9;
const BOX = 2 * MARK_HALF;

/** Where a mark's box goes for a message at (x, y) of the stage. */
export const markTransform = (x: number, y: number): string =>
  `translate(${(x - MARK_HALF).toFixed(1)}px,${(y - MARK_HALF).toFixed(1)}px)`;

export const MessageLayer = memo(
  function MessageLayer(p: MessageLayerProps) {
    return (
      <div
        className={`net-messages ${p.prefix}-messages`}
        aria-hidden={p.onMessage ? undefined : true}
      >
        {p.messages.map((m) => {
          const st = p.styleOf(m);
          const lit = p.highlight === m.id || p.selected === m.id;
          const w = m.label.length * 5.6 + 8;
          return (
            <div
              key={m.id}
              ref={(el) => {
                p.register(m.id, el);
                return () => p.register(m.id, null);
              }}
              className={`net-msg ${p.prefix}-msg ${st.className ?? ''}${st.hollow ? ' reply' : ''}${p.highlight === m.id ? ' hovered' : ''}${p.selected === m.id ? ' selected' : ''}`}
              data-message={m.id}
              data-label={p.labels || lit ? 'auto' : 'off'}
              {...(p.onMessage
                ? {
                    ...activateProps(m.id, p.onMessage),
                    role: 'button',
                    tabIndex: 0,
                    'aria-label': `${st.name} ${m.label} from ${p.nameOf(m.from)} to ${p.nameOf(m.to)}, in flight. Press Enter for details`,
                  }
                : {})}
            >
              <svg
                width={BOX}
                height={BOX}
                viewBox={`${-MARK_HALF} ${-MARK_HALF} ${BOX} ${BOX}`}
                overflow="visible"
                aria-hidden="true"
              >
                <circle r={MARK_HALF} className="net-msg-hit" />
                <path
                  d={shapePath(st.shape, lit ? 6 : 4.5)}
                  fill={st.hollow ? 'var(--panel)' : st.color}
                  stroke={st.color}
                  strokeWidth={1.5}
                  className="net-msg-mark"
                />
                <g className="net-msg-tag" style={{ visibility: 'hidden' }}>
                  <rect
                    x={6}
                    y={-6 - TAG_H}
                    width={w}
                    height={TAG_H}
                    rx={TAG_H / 2}
                    fill={st.hollow ? 'var(--panel)' : st.color}
                    stroke={st.color}
                  />
                  <text x={6 + w / 2} y={-6 - TAG_H / 2} dy="0.35em" textAnchor="middle">
                    {m.label}
                  </text>
                </g>
                <title>{m.label}</title>
              </svg>
            </div>
          );
        })}
      </div>
    );
  },
  (a, b) =>
    a.idsKey === b.idsKey &&
    a.labels === b.labels &&
    a.highlight === b.highlight &&
    a.selected === b.selected &&
    a.register === b.register &&
    a.onMessage === b.onMessage &&
    a.nameOf === b.nameOf,
);
