/**
 * The traffic stage: clients on the left, the load balancer, and one row per instance with its
 * state (shape and word), its queue as a bar, and its numbers. A canvas on top moves a bounded
 * sample of tries from client to balancer to instance (drawn only while playing). Clicking a row
 * (or Enter on it) picks the instance the toolbar acts on.
 */
import { useMemo, useRef } from 'react';
import { useStore } from 'zustand';
import { setupCanvas, themeReader, useFrameLoop, BASE_THEME } from '../../ui/canvas';
import { formatInt, formatPercent } from '../../ui/format';
import { shapePath } from '../../ui/palette';
import { activateProps } from '../network/nodes';
import { queueScale, stageLayout, tryPosition } from './layout';
import { BALANCER_NAMES, END_MARKS, instanceMark } from './style';
import type { TrafficProps } from './types';

const TRAVEL_MS = 300;
const END_SHOW_MS = 600;
const theme = themeReader(BASE_THEME);

export function TrafficMain(p: TrafficProps) {
  const { view, frame, ui } = p;
  const w = Math.max(320, p.width);
  const h = Math.max(200, p.height);
  const l = useMemo(
    () => stageLayout(w, h, view.clients, view.instances.length),
    [w, h, view.clients, view.instances.length],
  );
  const target = useStore(ui, (u) => u.target);
  const scale = queueScale(Math.max(...view.instances.map((i) => i.queue)));
  const balancer = String(frame.params.balancer ?? '');
  const canvas = useRef<HTMLCanvasElement>(null);
  const playing = frame.status.playing && !p.reducedMotion;

  useFrameLoop(() => {
    const el = canvas.current;
    if (!el) return;
    const ctx = setupCanvas(el, w, h);
    if (!ctx) return;
    ctx.clearRect(0, 0, w, h);
    const colors = theme(el, view);
    const now = playing ? p.virtualNow() : view.now;
    for (const s of view.samples) {
      const ended = s.endAt >= 0 && s.endAt <= now;
      if (ended && now - s.endAt > END_SHOW_MS) continue;
      // A try that ended is marked at its instance, where its fate was decided.
      const at = ended ? s.sentAt + TRAVEL_MS : now;
      // Tries the breaker or the rate limit turned away never left the balancer.
      const stopped = ended && (s.end === 'breaker' || s.end === 'limited');
      const pos = stopped ? l.lb : tryPosition(l, s.client, s.instance, s.sentAt, at, TRAVEL_MS);
      if (!pos) continue;
      const mark = END_MARKS[ended ? s.end : 'open'] ?? END_MARKS.open!;
      ctx.globalAlpha = ended ? 1 - (now - s.endAt) / END_SHOW_MS : 1;
      ctx.fillStyle = mark.color;
      ctx.strokeStyle = s.retry ? colors.fg : mark.color;
      ctx.lineWidth = s.retry ? 2 : 1;
      ctx.beginPath();
      ctx.arc(pos.x, pos.y, ended ? 5 : 3.5, 0, 2 * Math.PI);
      if (ended && (s.end === 'timeout' || s.end === 'refused' || s.end === 'reset')) ctx.stroke();
      else ctx.fill();
      if (s.retry) ctx.stroke();
    }
    ctx.globalAlpha = 1;
  }, playing);

  const pick = (k: number) => ui.setState({ target: k });
  const summary =
    `${view.clients} clients, load balancer (${BALANCER_NAMES[balancer] ?? balancer}), ` +
    (view.breaker ? `circuit breaker ${view.breaker}, ` : '') +
    view.instances
      .map((i) => `${i.name} ${instanceMark(i).word}, queue ${i.queue}, ${i.running} running`)
      .join('; ');

  return (
    <div className="traffic-main" style={{ height: h }}>
      <svg className="traffic-svg" width={w} height={h} role="group" aria-label={summary}>
        {l.rows.map((r, k) => (
          <line
            key={`link${k}`}
            className="traffic-link"
            x1={l.lb.x}
            y1={l.lb.y}
            x2={r.at.x - 14}
            y2={r.at.y}
          />
        ))}
        {l.clients.map((c, k) => (
          <g key={`c${k}`} transform={`translate(${c.x},${c.y})`}>
            <line className="traffic-link" x2={l.lb.x - c.x} y2={l.lb.y - c.y} />
            <circle r={9} className="traffic-client" />
            <text className="traffic-label" textAnchor="middle" dy="0.32em">
              C{k}
            </text>
          </g>
        ))}
        <g transform={`translate(${l.lb.x},${l.lb.y})`}>
          <path d={shapePath('diamond', 16)} className="traffic-lb" />
          <text className="traffic-label" textAnchor="middle" dy="0.32em">
            LB
          </text>
          <text className="traffic-sub" textAnchor="middle" y={30}>
            {BALANCER_NAMES[balancer] ?? balancer}
          </text>
          {view.breaker ? (
            <text
              className={`traffic-sub traffic-breaker ${view.breaker}`}
              textAnchor="middle"
              y={-28}
              data-testid="traffic-breaker"
            >
              Breaker {view.breaker}
            </text>
          ) : null}
        </g>
        {view.instances.map((i, k) => {
          const r = l.rows[k]!;
          const m = instanceMark(i);
          const fill = Math.min(1, i.queue / scale);
          const barH = Math.max(6, Math.min(14, r.h * 0.35));
          return (
            <g
              key={i.name}
              className={`traffic-instance${target === k ? ' picked' : ''}`}
              role="button"
              tabIndex={0}
              aria-pressed={target === k}
              aria-label={`${i.name}: ${m.word}, ${i.queue} queued, ${i.running} running, ${formatPercent(i.util, 0)} busy last second`}
              {...activateProps(k, (id, how) => how === 'activate' && pick(id))}
            >
              <rect
                className="traffic-hit"
                x={r.at.x - 32}
                y={r.at.y - r.h / 2}
                width={l.textX + 150 - r.at.x}
                height={r.h}
                rx={4}
              />
              <text
                className="traffic-label"
                x={r.at.x - 26}
                dy="0.32em"
                y={r.at.y}
                textAnchor="end"
              >
                {i.name}
              </text>
              <path
                transform={`translate(${r.at.x},${r.at.y})`}
                d={shapePath(m.shape, 9)}
                fill={m.color}
                className="traffic-shape"
              />
              <rect
                className="traffic-bar-bg"
                x={r.barX}
                y={r.at.y - barH / 2}
                width={r.barW}
                height={barH}
              />
              <rect
                className="traffic-bar"
                x={r.barX}
                y={r.at.y - barH / 2}
                width={r.barW * fill}
                height={barH}
                fill={m.color}
              />
              <text className="traffic-num" x={l.textX} y={r.at.y} dy="0.32em">
                {m.word === 'up' ? '' : `${m.word} · `}q {formatInt(i.queue)} · {i.running} run ·{' '}
                {formatPercent(i.util, 0)}
              </text>
            </g>
          );
        })}
        <text className="traffic-sub" x={l.rows[0]?.barX ?? 0} y={10}>
          queue (bar full = {formatInt(scale)})
        </text>
      </svg>
      <canvas
        className="traffic-canvas"
        ref={canvas}
        style={{ width: w, height: h }}
        aria-hidden="true"
      />
    </div>
  );
}
