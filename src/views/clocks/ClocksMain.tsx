/**
 * The clocks drawing: a space-time diagram, one lane per process, events as marks (circle local,
 * triangle send, square receive) with their stamps, messages as arrows. Click two events (or
 * move with the arrow keys and press Enter twice) to compare them; the chain that orders them
 * is drawn over the diagram.
 */
import { useId, useLayoutEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { useStore } from 'zustand';
import { useFrameLoop } from '../../ui/canvas';
import { ClockToggles } from './Toggles';
import {
  eventXs,
  GUTTER_PX,
  labelRows,
  lanes,
  messageLines,
  MS_PER_PX,
  neighbour,
  RIGHT_PX,
  windowStartMs,
  xOf,
} from './layout';
import { eventLabel, formatHlc, formatVector, markPath, processColor, processName } from './style';
import type { ClockEvent, ClocksProps } from './types';

const HEADER_PX = 30;
const ARROWS = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'] as const;
type Arrow = (typeof ARROWS)[number];
const isArrow = (k: string): k is Arrow => (ARROWS as readonly string[]).includes(k);

export function ClocksMain(p: ClocksProps) {
  const { view, frame, ui, send } = p;
  const u = useStore(ui);
  const width = Math.max(300, p.width);
  const height = Math.max(180, p.height - HEADER_PX);
  const n = view.processes;
  const l = useMemo(() => lanes(n, width, height), [n, width, height]);
  const scroll = useRef<SVGGElement>(null);
  const flights = useRef<(SVGLineElement | null)[]>([]);
  const marks = useRef(new Map<number, SVGGElement>());
  // Ids unique per widget: a lesson page may hold several clocks widgets.
  const uid = useId().replace(/:/g, '');
  const arrowId = `clocks-arrow-${uid}`;
  const clipId = `clocks-plot-${uid}`;

  // Cull to what can be in sight before the next frame (plus a margin for the scroll).
  const startMs = windowStartMs(l, frame.t);
  const events = useMemo(
    () => view.events.filter((e) => e.t >= startMs - 500),
    [view.events, startMs],
  );
  const lines = useMemo(() => messageLines(events), [events]);
  const xs = useMemo(() => eventXs(events), [events]);
  const xAt = (e: ClockEvent) => xs.get(e.id) ?? xOf(e.t);
  const rowsOf = useMemo(
    // Two rows of stamps when one kind is shown under the marks, one each when both are.
    () => labelRows(events, xs, 46, u.show.hlc && u.show.vector ? 1 : 2),
    [events, xs, u.show.hlc, u.show.vector],
  );
  const received = useMemo(
    () => new Set(view.events.filter((e) => e.kind === 'receive').map((e) => e.msg)),
    [view.events],
  );
  const inFlight = frame.inFlight;
  const lost = events.filter(
    (e) =>
      e.kind === 'send' &&
      !received.has(e.msg) &&
      !inFlight.some((f) => f.from === e.process && f.to === e.peer && f.sentAt === e.t),
  );

  const moving = frame.status.playing && !p.reducedMotion;
  useFrameLoop(() => {
    const now = moving ? p.virtualNow() : frame.t;
    const shift = -windowStartMs(l, now) / MS_PER_PX;
    scroll.current?.setAttribute('transform', `translate(${shift.toFixed(1)},0)`);
    inFlight.forEach((f, i) => {
      const line = flights.current[i];
      if (!line) return;
      const span = Math.max(1, f.deliverAt - f.sentAt);
      const k = Math.min(1, Math.max(0, (now - f.sentAt) / span));
      const t = f.sentAt + k * span;
      const y = l.laneY(f.from) + k * (l.laneY(f.to) - l.laneY(f.from));
      line.setAttribute('x2', xOf(t).toFixed(1));
      line.setAttribute('y2', y.toFixed(1));
    });
  }, moving);

  const cmp = u.first === null ? view.comparison : null;
  const picked = new Map<number, string>();
  if (u.first !== null) picked.set(u.first, 'A');
  else if (cmp) {
    picked.set(cmp.a, 'A');
    picked.set(cmp.b, cmp.a === cmp.b ? 'A' : 'B');
  }
  const byId = useMemo(() => new Map(view.events.map((e) => [e.id, e])), [view.events]);
  const chain = cmp?.chain?.map((id) => byId.get(id)).filter((e): e is ClockEvent => !!e) ?? [];

  const focusId =
    u.cursor !== null && events.some((e) => e.id === u.cursor) ? u.cursor : events.at(-1)?.id;
  useLayoutEffect(() => {
    const el = u.cursor === null ? undefined : marks.current.get(u.cursor);
    if (el && el.ownerDocument.activeElement?.closest('.clocks-svg')) el.focus();
  }, [u.cursor]);

  const pick = (id: number) => {
    if (u.first === null) ui.setState({ first: id, cursor: id });
    else if (u.first === id) ui.setState({ first: null });
    else {
      send({ action: 'compare', a: u.first, b: id });
      ui.setState({ first: null, cursor: id });
    }
  };
  const onKey = (e: KeyboardEvent, ev: ClockEvent) => {
    if (e.key === 'Enter' || e.key === ' ') pick(ev.id);
    else if (e.key === 'Escape') ui.setState({ first: null });
    else if (isArrow(e.key)) {
      const next = neighbour(events, ev, e.key, n);
      if (next) ui.setState({ cursor: next.id });
    } else return;
    // Space and the arrows would also reach the page's play and seek shortcuts.
    e.preventDefault();
    e.stopPropagation();
  };

  const show = u.show;
  return (
    <div className="clocks-main" style={{ width, height: height + HEADER_PX }}>
      <ClockToggles {...p} />
      <svg
        className="clocks-svg"
        width={width}
        height={height}
        role="group"
        aria-label="Space-time diagram, one lane per process. Arrow keys move between events; Enter picks one, then a second to compare."
      >
        <defs>
          <marker
            id={arrowId}
            viewBox="0 0 8 8"
            refX="7"
            refY="4"
            markerWidth="7"
            markerHeight="7"
            orient="auto"
          >
            <path d="M0,0L8,4L0,8Z" className="clocks-arrowhead" />
          </marker>
        </defs>
        <clipPath id={clipId}>
          <rect x={GUTTER_PX} y={0} width={l.plotW + RIGHT_PX} height={height} />
        </clipPath>
        {Array.from({ length: n }, (_, i) => (
          <g key={i} className="clocks-lane">
            <line
              x1={GUTTER_PX - 6}
              x2={GUTTER_PX + l.plotW + 12}
              y1={l.laneY(i)}
              y2={l.laneY(i)}
            />
            <rect x={4} y={l.laneY(i) - 7} width={10} height={14} fill={processColor(i)} />
            <text x={18} y={l.laneY(i) + 4} className="clocks-lane-name">
              {processName(i)}
            </text>
          </g>
        ))}
        <g clipPath={`url(#${clipId})`}>
          <g ref={scroll}>
            {chain.length > 1 && (
              <polyline
                className="clocks-chain"
                points={chain.map((e) => `${xAt(e)},${l.laneY(e.process)}`).join(' ')}
              />
            )}
            {lines.map(([s, r]) => (
              <line
                key={r.id}
                className="clocks-msg"
                x1={xAt(s)}
                y1={l.laneY(s.process)}
                x2={xAt(r)}
                y2={l.laneY(r.process)}
                markerEnd={`url(#${arrowId})`}
              />
            ))}
            {inFlight.map((f, i) => (
              <line
                key={f.id}
                ref={(el) => void (flights.current[i] = el)}
                className="clocks-msg clocks-flying"
                x1={xOf(f.sentAt)}
                y1={l.laneY(f.from)}
                x2={xOf(f.sentAt)}
                y2={l.laneY(f.from)}
              />
            ))}
            {lost.map((e) => {
              const dir = Math.sign((e.peer ?? 0) - e.process);
              const x = xAt(e) + 14;
              const y = l.laneY(e.process) + dir * 18;
              return (
                <g key={`lost${e.id}`} className="clocks-lost">
                  <title>{`m${e.msg} was lost`}</title>
                  <line x1={xAt(e)} y1={l.laneY(e.process)} x2={x} y2={y} />
                  <text x={x + 2} y={y + 4}>
                    ✕ lost
                  </text>
                </g>
              );
            })}
            {events.map((e) => {
              const row = rowsOf.get(e.id) ?? 0;
              const tag = picked.get(e.id);
              const below = (k: number) => 20 + (row + k) * 12;
              return (
                <g
                  key={e.id}
                  ref={(el) => void (el ? marks.current.set(e.id, el) : marks.current.delete(e.id))}
                  className={`clocks-event${tag ? ' picked' : ''}`}
                  transform={`translate(${xAt(e)},${l.laneY(e.process)})`}
                  role="button"
                  tabIndex={e.id === focusId ? 0 : -1}
                  aria-label={eventLabel(e)}
                  aria-pressed={!!tag}
                  onClick={() => pick(e.id)}
                  onKeyDown={(k) => onKey(k, e)}
                  onFocus={() => u.cursor !== e.id && ui.setState({ cursor: e.id })}
                >
                  <circle r={11} className="clocks-hit" />
                  <path
                    d={markPath(e.kind, 6)}
                    fill={processColor(e.process)}
                    className="clocks-mark"
                  />
                  {tag && (
                    <text y={-22} className="clocks-tag">
                      {tag}
                    </text>
                  )}
                  {e.write && (
                    <text
                      x={9}
                      y={-10}
                      className={`clocks-write${e.write.lostWall !== null ? ' clocks-write-lost' : ''}`}
                    >
                      {`w${e.write.n}`}
                      {e.write.lostWall !== null ? ' ✕ lost (wall)' : ''}
                    </text>
                  )}
                  {show.lamport && (
                    <text y={-10} className="clocks-lamport">
                      {e.lamport}
                    </text>
                  )}
                  {show.vector && (
                    <text y={below(0)} className="clocks-vector">
                      {formatVector(e.vector)}
                    </text>
                  )}
                  {show.hlc && (
                    <text y={below(show.vector ? 1 : 0)} className="clocks-hlc">
                      {formatHlc(e.hlc)}
                    </text>
                  )}
                </g>
              );
            })}
          </g>
        </g>
      </svg>
    </div>
  );
}
