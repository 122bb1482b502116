/**
 * The database-load chart: queries running (stacked with queries queued) per 100 ms over the last
 * 10 s, against the capacity line, with the moments the hottest key expired. Canvas, redrawn from
 * the frame's history.
 */
import { formatInt } from '../../ui/format';
import type { Theme } from './draw';
import type { Box } from './layout';
import { QUEUE_COLOR, RUNNING_COLOR } from './outcomes';
import type { StampedeView } from './types';

type C2D = CanvasRenderingContext2D;

/** A round axis maximum at or above `v`: 1, 2, 2.5 or 5 times a power of ten. */
export function niceMax(v: number): number {
  if (v <= 1) return 1;
  const p = Math.pow(10, Math.floor(Math.log10(v)));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

/** The largest running + queued in the history: the peak the chart shows. */
export function peakLoad(h: StampedeView['history']): number {
  let peak = 0;
  for (let i = 0; i < h.running.length; i++) peak = Math.max(peak, h.running[i]! + h.queue[i]!);
  return peak;
}

export function drawChart(ctx: C2D, b: Box, view: StampedeView, th: Theme): void {
  const h = view.history;
  const span = 100 * h.slotMs;
  const t0 = h.t0;
  const cap = view.db.capacity;
  const yMax = niceMax(Math.max(cap * 1.25, peakLoad(h)));
  const w = b.x1 - b.x0;
  const hh = b.y1 - b.y0;
  const x = (t: number) => b.x0 + ((t - t0) / span) * w;
  const y = (n: number) => b.y1 - (n / yMax) * hh;
  const font = (s: number, weight = '') =>
    `${weight} ${s}px system-ui, -apple-system, 'Segoe UI', sans-serif`;

  ctx.font = font(11, '600');
  ctx.fillStyle = th.fg;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'alphabetic';
  ctx.fillText('Database load, last 10 s', b.x0 - 36, b.y0 - 8);
  // Legend: the areas are named, not only coloured.
  ctx.font = font(10);
  ctx.textBaseline = 'middle';
  let lx = b.x1;
  for (const [label, color, a] of [
    ['queued', QUEUE_COLOR, 0.55],
    ['running', RUNNING_COLOR, 0.9],
  ] as const) {
    const tw = ctx.measureText(label).width;
    lx -= tw;
    ctx.fillStyle = th.fg;
    ctx.fillText(label, lx, b.y0 - 12);
    lx -= 14;
    ctx.globalAlpha = a;
    ctx.fillStyle = color;
    ctx.fillRect(lx, b.y0 - 17, 10, 10);
    ctx.globalAlpha = 1;
    lx -= 12;
  }

  // Grid and y ticks: 0, the capacity, the top.
  ctx.font = font(10);
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const t of [0, yMax / 2, yMax]) {
    ctx.strokeStyle = th.grid;
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(b.x0, Math.round(y(t)) + 0.5);
    ctx.lineTo(b.x1, Math.round(y(t)) + 0.5);
    ctx.stroke();
    ctx.fillStyle = th.muted;
    ctx.fillText(formatInt(t), b.x0 - 5, y(t));
  }
  // x ticks every 2 s of absolute time.
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (let t = Math.ceil(t0 / 2000) * 2000; t <= t0 + span; t += 2000) {
    ctx.fillStyle = th.muted;
    ctx.fillText(`${t / 1000} s`, x(t), b.y1 + 4);
  }

  // Stacked steps: running at the bottom, queued on top.
  const n = h.running.length;
  const step = (
    values: (i: number) => number,
    base: (i: number) => number,
    color: string,
    a: number,
  ) => {
    ctx.beginPath();
    ctx.moveTo(x(t0), y(base(0)));
    for (let i = 0; i < n; i++) {
      ctx.lineTo(x(t0 + i * h.slotMs), y(base(i) + values(i)));
      ctx.lineTo(x(t0 + (i + 1) * h.slotMs), y(base(i) + values(i)));
    }
    for (let i = n - 1; i >= 0; i--) {
      ctx.lineTo(x(t0 + (i + 1) * h.slotMs), y(base(i)));
      ctx.lineTo(x(t0 + i * h.slotMs), y(base(i)));
    }
    ctx.closePath();
    ctx.globalAlpha = a;
    ctx.fillStyle = color;
    ctx.fill();
    ctx.globalAlpha = 1;
  };
  step(
    (i) => h.queue[i]!,
    (i) => h.running[i]!,
    QUEUE_COLOR,
    0.55,
  );
  step(
    (i) => h.running[i]!,
    () => 0,
    RUNNING_COLOR,
    0.9,
  );

  // Expiries of the hottest key.
  ctx.strokeStyle = th.fg;
  ctx.setLineDash([2, 3]);
  ctx.lineWidth = 1;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'bottom';
  ctx.font = font(9);
  for (const e of h.expiries) {
    if (e < t0 || e > t0 + span) continue;
    const ex = Math.round(x(e)) + 0.5;
    ctx.beginPath();
    ctx.moveTo(ex, b.y0);
    ctx.lineTo(ex, b.y1);
    ctx.stroke();
    ctx.fillStyle = th.fg;
    // Near the right edge the label goes to the left of its line.
    const label = 'k0 expired';
    const right = ex + 3 + ctx.measureText(label).width > b.x1;
    ctx.textAlign = right ? 'right' : 'left';
    ctx.fillText(label, right ? ex - 3 : ex + 3, b.y0 + 11);
  }
  ctx.setLineDash([]);

  // Capacity.
  ctx.strokeStyle = th.fg;
  ctx.lineWidth = 1.5;
  ctx.setLineDash([6, 4]);
  ctx.beginPath();
  ctx.moveTo(b.x0, Math.round(y(cap)) + 0.5);
  ctx.lineTo(b.x1, Math.round(y(cap)) + 0.5);
  ctx.stroke();
  ctx.setLineDash([]);
  ctx.font = font(10, '600');
  ctx.textAlign = 'right';
  ctx.textBaseline = 'bottom';
  ctx.fillStyle = th.fg;
  ctx.fillText(`capacity ${formatInt(cap)}`, b.x1 - 2, y(cap) - 2);
}
