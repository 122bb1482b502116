/**
 * The history, Porcupine-style: one lane per client, one bar per operation from its invocation
 * to its response, coloured, patterned and labelled by outcome; reads the checker cannot
 * linearize carry a "!" and a heavy outline, the ops their sentence names are ringed, and arrows
 * show the real-time order the sentence relies on (a response before an invocation).
 *
 * The bars are drawn in time coordinates inside a group the animation loop slides left, so they
 * re-render only when the history changes or every quarter window, not every frame.
 */
import { memo, useRef } from 'react';
import { useFrameLoop } from '../../ui/canvas';
import { barLabel, type HOp } from './ops';
import { patternId, Patterns } from './Patterns';
import { OUTCOME } from './style';

export interface HistoryClock {
  /** The time at the right edge of the window. */
  end(): number;
  /** The present (pending bars reach it). */
  now(): number;
}

export interface Lane {
  id: number;
  label: string;
  sub: string;
}

export interface HistoryProps {
  width: number;
  height: number;
  prefix: string;
  lanes: readonly Lane[];
  ops: readonly HOp[];
  windowMs: number;
  /** The window's end, quantized to a quarter window: bars outside it are not rendered. */
  endQ: number;
  clock: { readonly current: HistoryClock };
  /** The clock moves (playing, not anchored): the frame loop runs; otherwise it draws once. */
  moving: boolean;
  /** Bumps with every frame, so a paused history redraws when the learner seeks. */
  seq: number;
  /** Ids of reads the checker could not linearize. */
  witnesses: ReadonlySet<number>;
  /** Ids to ring: a violation and the ops its sentence names. */
  highlight: ReadonlySet<number>;
  /** The violation whose real-time order is drawn as an arrow, if any... */
  arrowsFor: number | null;
  /** ...and the op its sentence names first (the write that had completed, say). */
  arrowFrom: number | null;
  focus: number | null;
  /** Other keys' ops are drawn faded when several keys exist. */
  focusKey: number | null;
  onOp(id: number | null, how: 'hover' | 'activate'): void;
}

const LABEL_W = 46;
const AXIS_H = 16;

export const History = memo(function History(p: HistoryProps) {
  const w = Math.max(160, p.width);
  const h = Math.max(60, p.height);
  const plotW = w - LABEL_W - 6;
  const laneH = Math.min(44, (h - AXIS_H - 4) / Math.max(1, p.lanes.length));
  const barH = Math.max(8, Math.min(22, laneH - 8));
  const pxPerMs = plotW / p.windowMs;
  const quarter = p.windowMs / 4;
  const from = (p.endQ - 1) * quarter - p.windowMs;
  const to = (p.endQ + 2) * quarter;
  const laneIndex = new Map(p.lanes.map((l, i) => [l.id, i]));
  const laneY = (process: number) => 4 + (laneIndex.get(process) ?? 0) * laneH;
  const visible = p.ops.filter(
    (o) => (o.endMs ?? Infinity) >= from && o.startMs <= to && laneIndex.has(o.process),
  );
  const x = (t: number) => t * pxPerMs;
  // A label needs room before the next bar in its lane; without it the bar stays unlabelled (its
  // details are one hover or arrow key away).
  const nextStart = new Map<number, number>();
  const lastInLane = new Map<number, HOp>();
  for (const o of [...visible].sort((a, b) => a.startMs - b.startMs)) {
    const prev = lastInLane.get(o.process);
    if (prev) nextStart.set(prev.id, o.startMs);
    lastInLane.set(o.process, o);
  }
  const step = p.windowMs <= 5000 ? 1000 : p.windowMs <= 10_000 ? 2000 : 5000;
  const ticks: number[] = [];
  for (let t = Math.max(0, Math.ceil(from / step) * step); t <= to; t += step) ticks.push(t);

  const slider = useRef<HTMLDivElement>(null);
  const nowLine = useRef<SVGLineElement>(null);
  const pendingBars = useRef(new Map<number, { el: SVGRectElement; start: number }>());
  const { clock } = p;

  useFrameLoop(() => {
    const end = clock.current.end();
    const now = clock.current.now();
    // The plot slides as an HTML layer moved by a composited transform: no layout, no repaint
    // (as an SVG transform it laid out every bar on every frame).
    if (slider.current)
      slider.current.style.transform = `translateX(${(plotW - end * pxPerMs).toFixed(1)}px)`;
    nowLine.current?.setAttribute('x1', (now * pxPerMs).toFixed(1));
    nowLine.current?.setAttribute('x2', (now * pxPerMs).toFixed(1));
    for (const { el, start } of pendingBars.current.values())
      el.setAttribute('width', Math.max(2, (now - start) * pxPerMs).toFixed(1));
  }, p.moving);

  // The real-time order the sentence relies on: between the violation and the first op it names.
  const arrowOp = p.arrowsFor === null ? undefined : visible.find((o) => o.id === p.arrowsFor);
  const cause = arrowOp ? visible.find((o) => o.id === p.arrowFrom) : undefined;
  const arrow =
    arrowOp && cause && cause.endMs !== null && arrowOp.endMs !== null
      ? cause.endMs < arrowOp.startMs
        ? { a: cause, b: arrowOp }
        : arrowOp.endMs < cause.startMs
          ? { a: arrowOp, b: cause }
          : null
      : null;

  return (
    <div className="cap-history-plot" style={{ width: w, height: h }}>
      <svg width={w} height={h} className="cap-history-svg" aria-hidden="true">
        <Patterns prefix={p.prefix} />
        <defs>
          <marker
            id={`${p.prefix}-arrow`}
            viewBox="0 0 8 8"
            refX="7"
            refY="4"
            markerWidth="7"
            markerHeight="7"
            orient="auto"
          >
            <path d="M0,0L8,4L0,8Z" className="cap-arrow-head" />
          </marker>
        </defs>
        {p.lanes.map((l, i) => (
          <g key={l.id} transform={`translate(0,${4 + i * laneH})`}>
            <rect x={LABEL_W} width={plotW} height={laneH} className={`cap-lane lane-${i % 2}`} />
            <text x={4} y={laneH / 2} dy="0.35em" className="cap-lane-label">
              {l.label}
              <tspan className="cap-lane-sub"> {l.sub}</tspan>
            </text>
          </g>
        ))}
      </svg>
      <div className="cap-history-clip" style={{ left: LABEL_W, width: plotW, height: h }}>
        <div ref={slider} className="cap-history-slider">
          <svg
            className="cap-history-track"
            style={{ left: x(from) }}
            width={x(to) - x(from)}
            height={h}
            viewBox={`${x(from)} 0 ${x(to) - x(from)} ${h}`}
            aria-hidden="true"
          >
            {ticks.map((t) => (
              <g key={t} transform={`translate(${x(t)},0)`} className="cap-tick">
                <line y1={4} y2={h - AXIS_H} />
                <text y={h - 4} textAnchor="middle">
                  {(t / 1000).toFixed(step < 1000 ? 1 : 0)} s
                </text>
              </g>
            ))}
            {visible.map((o) => {
              const y = laneY(o.process) + (laneH - barH) / 2;
              const x0 = x(o.startMs);
              const bw = o.endMs === null ? 2 : Math.max(3, x(o.endMs) - x0);
              const outcome = OUTCOME[o.type];
              const fill =
                o.type === 'fail'
                  ? `url(#${patternId(p.prefix, 'fail')})`
                  : o.type === 'info'
                    ? `url(#${patternId(p.prefix, 'info')})`
                    : o.type === 'pending'
                      ? 'none'
                      : outcome.color;
              const witness = p.witnesses.has(o.id);
              const label = barLabel(o);
              const lit = p.highlight.has(o.id);
              const cls = [
                'cap-op',
                `type-${o.type}`,
                witness ? 'is-violation' : '',
                lit ? 'is-highlight' : '',
                p.focus === o.id ? 'is-focus' : '',
                p.focusKey !== null && o.key !== p.focusKey ? 'other-key' : '',
                o.stale ? 'is-stale' : '',
              ]
                .filter(Boolean)
                .join(' ');
              return (
                <g
                  key={o.id}
                  className={cls}
                  data-op={o.id}
                  data-client={o.process}
                  data-type={o.type}
                  data-key={o.key}
                  data-start={o.startMs}
                  data-stale={String(o.stale)}
                  data-witness={String(witness)}
                  data-highlight={String(lit)}
                  onPointerEnter={() => p.onOp(o.id, 'hover')}
                  onPointerLeave={() => p.onOp(null, 'hover')}
                  onClick={() => p.onOp(o.id, 'activate')}
                >
                  <rect
                    ref={(el) => {
                      if (o.endMs !== null || !el) return;
                      pendingBars.current.set(o.id, { el, start: o.startMs });
                      return () => {
                        pendingBars.current.delete(o.id);
                      };
                    }}
                    x={x0}
                    y={y}
                    width={bw}
                    height={barH}
                    rx={3}
                    fill={fill}
                    stroke={outcome.color}
                    className="cap-bar"
                  />
                  {barH >= 12 &&
                  (x(nextStart.get(o.id) ?? Infinity) - x0 >= label.length * 6.3 + 6 || lit) ? (
                    <text x={x0 + 3} y={y + barH / 2} dy="0.35em" className="cap-bar-label">
                      {label}
                    </text>
                  ) : null}
                  {witness ? (
                    <g
                      transform={`translate(${x0 + bw / 2},${y - 1})`}
                      className="cap-violation-mark"
                    >
                      <path d="M0,-9L6,1H-6Z" />
                      <text y={-2} textAnchor="middle">
                        !
                      </text>
                    </g>
                  ) : null}
                </g>
              );
            })}
            {arrow
              ? (() => {
                  const y1 = laneY(arrow.a.process) + laneH / 2;
                  const y2 = laneY(arrow.b.process) + laneH / 2;
                  const x1 = x(arrow.a.endMs!);
                  const x2 = x(arrow.b.startMs);
                  const bend = Math.min(30, Math.abs(y2 - y1) / 2 + 8);
                  return (
                    <path
                      d={`M${x1},${y1}C${x1 + bend},${y1} ${x2 - bend},${y2} ${x2},${y2}`}
                      className="cap-order-arrow"
                      markerEnd={`url(#${p.prefix}-arrow)`}
                    />
                  );
                })()
              : null}
            <line ref={nowLine} y1={2} y2={h - AXIS_H} className="cap-now" />
          </svg>
        </div>
      </div>
    </div>
  );
});
