/**
 * The network stage: an SVG with the model's nodes (its own components, laid out by ring.ts or
 * groups.ts), the links between them (cut by a partition), and over it the messages in flight
 * (an HTML layer, see Messages.tsx) moved by one frame loop that runs only while something moves.
 * Raft and CAP are configurations of it.
 */
import {
  useCallback,
  useLayoutEffect,
  useMemo,
  useRef,
  type MouseEvent,
  type PointerEvent,
  type ReactNode,
} from 'react';
import type { HostStatus } from '../../sim/core/frame';
import type { InFlight } from '../../sim/core/types';
import { setupCanvas, themeReader, useFrameLoop, type ThemeSpec } from '../../ui/canvas';
import { drawFlights, flightAt, type DrawnFlight } from './flightCanvas';
import {
  markTransform,
  MessageLayer,
  overlaps,
  tagBox,
  type FlightStyle,
  type KeepOut,
} from './Messages';
import type { How } from './nodes';
import { progress } from './ring';

/**
 * Above this speed a message crosses its link in about a frame or less: the stage stops drawing
 * messages in flight (they would only flicker); a space-time diagram still shows every one.
 */
export const FLIGHT_SPEED_MAX = 2;
export const flightsHidden = (status: HostStatus): boolean =>
  status.playing && (status.speed === 'max' || status.speed > FLIGHT_SPEED_MAX);
/** More messages in flight than this and only the hovered or selected one is labelled. */
export const DENSE_FLIGHTS = 14;

const NO_FLIGHTS: InFlight[] = [];

export interface NetworkStageProps {
  width: number;
  height: number;
  className: string;
  /** What the stage shows, in a sentence or two, for screen readers. */
  summary: string;
  /** The model's class prefix (`raft` gives `raft-msg` on messages) for its styles and tests. */
  prefix: string;
  status: HostStatus;
  inFlight: readonly InFlight[];
  styleOf(m: InFlight): FlightStyle;
  /** Where a message is when a fraction `u` of its way is done. */
  pointAt(m: InFlight, u: number): { x: number; y: number };
  /** Boxes labels must not cover: each node's shape, name and value lines. */
  keepOut: readonly KeepOut[];
  nameOf(node: number): string;
  virtualNow(): number;
  reducedMotion: boolean;
  /** The frame's virtual time (what reduced motion shows). */
  frameT: number;
  highlight?: number;
  selected?: number;
  onMessage?: (id: number, how: How) => void;
  /** Called on every frame the loop draws, for the model's own moving parts (timer arcs). */
  onFrame?: (nowMs: number) => void;
  /** Drawn under the nodes (regions, links). */
  backdrop?: ReactNode;
  /** The nodes. */
  children: ReactNode;
  /** Drawn over everything (a centre summary). */
  overlay?: ReactNode;
}

export function NetworkStage(p: NetworkStageProps) {
  const hidden = flightsHidden(p.status);
  const flying = hidden ? NO_FLIGHTS : p.inFlight;
  // Playing, messages are drawn on a canvas; paused (or without motion), as DOM buttons.
  const onCanvas = p.status.playing && !p.reducedMotion;
  const drawn = onCanvas ? NO_FLIGHTS : flying;
  const byId = useMemo(() => new Map(drawn.map((f) => [f.id, f])), [drawn]);
  const latest = useRef({ p, byId, flying, onCanvas });
  useLayoutEffect(() => {
    latest.current = { p, byId, flying, onCanvas };
  });
  const marks = useRef(new Map<number, HTMLDivElement>());
  const tags = useRef(new WeakMap<HTMLDivElement, SVGGElement | null>());
  const canvas = useRef<HTMLCanvasElement>(null);
  const painted = useRef<DrawnFlight[]>([]);
  const pointerOn = useRef(-1);

  const place = useCallback((id: number, el: HTMLDivElement, now: number) => {
    const { p: q, byId: flights } = latest.current;
    const f = flights.get(id);
    if (!f) return;
    const u = q.reducedMotion ? 0.5 : progress(f.sentAt, f.deliverAt, now);
    const pt = q.pointAt(f, u);
    el.style.transform = markTransform(pt.x, pt.y);
    let tag = tags.current.get(el);
    if (tag === undefined) {
      tag = el.querySelector<SVGGElement>('.net-msg-tag');
      tags.current.set(el, tag);
    }
    if (!tag) return;
    // A label shows where it covers no node and stays on the stage.
    const box = tagBox(pt.x, pt.y, f.label);
    const show =
      el.dataset.label === 'auto' &&
      box.x1 <= q.width &&
      box.y0 >= 0 &&
      !q.keepOut.some((k) => overlaps(k, box));
    const v = show ? 'visible' : 'hidden';
    if (tag.style.visibility !== v) tag.style.visibility = v;
  }, []);

  const nowOf = () => {
    const q = latest.current.p;
    return q.reducedMotion ? q.frameT : q.virtualNow();
  };
  const register = useCallback(
    (id: number, el: HTMLDivElement | null) => {
      if (el) {
        marks.current.set(id, el);
        place(id, el, nowOf());
      } else marks.current.delete(id);
    },
    [place],
  );

  const paint = (now: number) => {
    const el = canvas.current;
    const { p: q, flying: flights, onCanvas: live } = latest.current;
    if (!el) return;
    const ctx = setupCanvas(el, q.width, q.height);
    if (!ctx) return;
    ctx.clearRect(0, 0, q.width, q.height);
    painted.current = live
      ? drawFlights(ctx, {
          flights,
          styleOf: q.styleOf,
          pointAt: q.pointAt,
          progressOf: (f) => progress(f.sentAt, f.deliverAt, now),
          keepOut: q.keepOut,
          width: q.width,
          labels: flights.length <= DENSE_FLIGHTS,
          highlight: q.highlight ?? -1,
          selected: q.selected ?? -1,
          theme: readTheme(el, q.status.playing),
        })
      : [];
  };

  useFrameLoop(() => {
    const now = nowOf();
    latest.current.p.onFrame?.(now);
    paint(now);
    for (const [id, el] of marks.current) place(id, el, now);
  }, onCanvas);

  // While playing, the canvas's messages answer the pointer as the DOM marks do when paused:
  // caught before the node under them, so a click on a message opens the message.
  const hit = (e: PointerEvent | MouseEvent): number => {
    if (!latest.current.onCanvas || !p.onMessage || !canvas.current) return -1;
    const r = canvas.current.getBoundingClientRect();
    return flightAt(painted.current, e.clientX - r.left, e.clientY - r.top);
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const id = hit(e);
    if (id === pointerOn.current) return;
    if (pointerOn.current >= 0) p.onMessage?.(pointerOn.current, 'leave');
    pointerOn.current = id;
    e.currentTarget.classList.toggle('on-message', id >= 0);
    if (id >= 0) p.onMessage?.(id, 'hover');
  };
  const onClickCapture = (e: MouseEvent) => {
    const id = hit(e);
    if (id < 0) return;
    e.stopPropagation();
    p.onMessage?.(id, 'activate');
  };

  const idsKey = drawn.map((m) => m.id).join(',');
  return (
    <div
      className="net-stage"
      style={{ width: p.width, height: p.height }}
      onPointerMove={onPointerMove}
      onPointerLeave={(e) => {
        if (pointerOn.current >= 0) p.onMessage?.(pointerOn.current, 'leave');
        pointerOn.current = -1;
        e.currentTarget.classList.remove('on-message');
      }}
      onClickCapture={onClickCapture}
    >
      <svg
        width={p.width}
        height={p.height}
        className={p.className}
        role="group"
        aria-label={p.summary}
      >
        {p.backdrop}
        {p.children}
        {p.overlay}
      </svg>
      <canvas
        ref={canvas}
        className="net-flights"
        style={{ width: p.width, height: p.height }}
        aria-hidden="true"
      />
      <MessageLayer
        messages={drawn}
        idsKey={idsKey}
        styleOf={p.styleOf}
        labels={drawn.length <= DENSE_FLIGHTS}
        highlight={p.highlight ?? -1}
        selected={p.selected ?? -1}
        register={register}
        onMessage={p.onMessage}
        nameOf={p.nameOf}
        prefix={p.prefix}
      />
    </div>
  );
}

const FLIGHT_THEME = {
  fg: ['--fg', '#1b1b1f'],
  panel: ['--panel', '#ffffff'],
  font: ['font-family', 'sans-serif'],
} as const satisfies ThemeSpec<string>;
const readTheme = themeReader(FLIGHT_THEME);

/** Links between every pair of nodes, cut across a partition, lit around a hovered node. */
export function MeshLinks({
  spots,
  groupOf,
  lit,
  prefix,
}: {
  spots: readonly { x: number; y: number }[];
  /** Each node's partition group, or null when the network is whole. */
  groupOf: readonly number[] | null;
  /** A node whose links are highlighted, or -1. */
  lit: number;
  prefix: string;
}) {
  const lines = [];
  for (let i = 0; i < spots.length; i++)
    for (let j = i + 1; j < spots.length; j++) {
      const a = spots[i]!;
      const b = spots[j]!;
      const cut = groupOf !== null && groupOf[i] !== groupOf[j];
      const on = lit === i || lit === j;
      lines.push(
        <line
          key={`${i}-${j}`}
          x1={a.x}
          y1={a.y}
          x2={b.x}
          y2={b.y}
          className={`net-link ${prefix}-link${cut ? ' cut' : ''}${on ? ' lit' : ''}`}
        />,
      );
    }
  return <g aria-hidden="true">{lines}</g>;
}
