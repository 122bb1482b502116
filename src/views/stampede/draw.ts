/** Canvas drawing of the pipeline: boxes, lanes, hot keys' countdowns, database slots and queue. */
import { formatInt, formatNumber } from '../../ui/format';
import type { Shape } from '../../ui/palette';
import type { Mark } from './dots';
import { slotGrid, type Box, type Layout } from './layout';
import { FRESH_COLOR, OUTCOMES, QUEUE_COLOR, RUNNING_COLOR, STALE_COLOR } from './outcomes';
import type { HotKeyView, StampedeView } from './types';

export interface Theme {
  fg: string;
  muted: string;
  panel: string;
  grid: string;
  bad: string;
  font: string;
}

export interface PipelineExtras {
  /** Requests waiting in the cache, estimated from the samples. */
  waiting: number;
  /** One dot stands for this many requests. */
  perDot: number;
}

type C2D = CanvasRenderingContext2D;

export function roundRect(ctx: C2D, b: Box, r: number): void {
  ctx.beginPath();
  ctx.roundRect(b.x0, b.y0, b.x1 - b.x0, b.y1 - b.y0, r);
}

function text(
  ctx: C2D,
  s: string,
  x: number,
  y: number,
  color: string,
  size = 11,
  align: CanvasTextAlign = 'left',
  weight = '',
): void {
  ctx.font = `${weight} ${size}px system-ui, -apple-system, 'Segoe UI', sans-serif`;
  ctx.fillStyle = color;
  ctx.textAlign = align;
  ctx.textBaseline = 'middle';
  ctx.fillText(s, x, y);
}

/** A shape of radius r centred on (x, y), as in palette.shapePath. */
export function shape(ctx: C2D, s: Shape, x: number, y: number, r: number): void {
  ctx.beginPath();
  switch (s) {
    case 'circle':
      ctx.arc(x, y, r, 0, Math.PI * 2);
      break;
    case 'square':
      ctx.rect(x - r * 0.9, y - r * 0.9, r * 1.8, r * 1.8);
      break;
    case 'triangle':
      ctx.moveTo(x, y - r * 1.15);
      ctx.lineTo(x + r * 1.1, y + r * 0.8);
      ctx.lineTo(x - r * 1.1, y + r * 0.8);
      ctx.closePath();
      break;
    case 'diamond':
      ctx.moveTo(x, y - r * 1.3);
      ctx.lineTo(x + r, y);
      ctx.lineTo(x, y + r * 1.3);
      ctx.lineTo(x - r, y);
      ctx.closePath();
      break;
    default: {
      const a = r * 0.38;
      ctx.moveTo(x - r, y - r + a);
      ctx.lineTo(x - r + a, y - r);
      ctx.lineTo(x, y - a);
      ctx.lineTo(x + r - a, y - r);
      ctx.lineTo(x + r, y - r + a);
      ctx.lineTo(x + a, y);
      ctx.lineTo(x + r, y + r - a);
      ctx.lineTo(x + r - a, y + r);
      ctx.lineTo(x, y + a);
      ctx.lineTo(x - r + a, y + r);
      ctx.lineTo(x - r, y + r - a);
      ctx.lineTo(x - a, y);
      ctx.closePath();
    }
  }
}

function arrow(ctx: C2D, x0: number, x1: number, y: number, color: string): void {
  const dir = Math.sign(x1 - x0);
  ctx.strokeStyle = color;
  ctx.lineWidth = 1;
  ctx.setLineDash([3, 4]);
  ctx.beginPath();
  ctx.moveTo(x0, y);
  ctx.lineTo(x1, y);
  ctx.stroke();
  ctx.setLineDash([]);
  ctx.fillStyle = color;
  ctx.beginPath();
  ctx.moveTo(x1, y);
  ctx.lineTo(x1 - dir * 6, y - 3.5);
  ctx.lineTo(x1 - dir * 6, y + 3.5);
  ctx.closePath();
  ctx.fill();
}

function box(ctx: C2D, b: Box, th: Theme): void {
  roundRect(ctx, b, 8);
  ctx.fillStyle = th.panel;
  ctx.fill();
  ctx.strokeStyle = th.muted;
  ctx.lineWidth = 1;
  ctx.stroke();
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;

/** One hot key: its share, the countdown to expiry (or the stale window), recomputes in flight. */
function hotRow(
  ctx: C2D,
  k: HotKeyView,
  row: { y: number; h: number },
  g: Layout,
  v: number,
  view: StampedeView,
  th: Theme,
): void {
  const x0 = g.cache.x0 + 8;
  const x1 = g.cache.x1 - 8;
  const cy = row.y + row.h / 2;
  const labelW = g.compact ? 24 : 58;
  const countW = g.compact ? 30 : 42;
  text(ctx, `k${k.key}`, x0, cy, th.fg, 11, 'left', '600');
  const pct = k.share * 100;
  if (!g.compact)
    text(ctx, `${pct < 9.95 ? pct.toFixed(1) : Math.round(pct)}%`, x0 + 22, cy, th.muted, 10);
  const bx0 = x0 + labelW;
  const bx1 = x1 - countW;
  const bh = Math.min(12, row.h - 5);
  const by = cy - bh / 2;
  const w = bx1 - bx0;
  ctx.fillStyle = th.grid;
  ctx.fillRect(bx0, by, w, bh);
  const exp = k.expiresAt;
  let label: string;
  let labelColor = th.fg;
  if (exp !== null && exp > v) {
    const f = Math.min(1, (exp - v) / view.ttlMs);
    ctx.fillStyle = FRESH_COLOR;
    ctx.fillRect(bx0, by, w * f, bh);
    label = seconds(exp - v);
  } else if (exp !== null && k.staleUntil !== null && k.staleUntil > v) {
    const f = Math.min(1, (k.staleUntil - v) / Math.max(1, k.staleUntil - exp));
    ctx.fillStyle = STALE_COLOR;
    ctx.fillRect(bx0, by, w * f, bh);
    // Hatching: stale is not fresh, even where the colours are hard to tell apart.
    ctx.save();
    ctx.beginPath();
    ctx.rect(bx0, by, w * f, bh);
    ctx.clip();
    ctx.strokeStyle = th.panel;
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    for (let x = bx0 - bh; x < bx0 + w * f; x += 6) {
      ctx.moveTo(x, by + bh);
      ctx.lineTo(x + bh, by);
    }
    ctx.stroke();
    ctx.restore();
    label = `stale ${seconds(k.staleUntil - v)}`;
  } else {
    label = exp === null ? 'empty' : 'expired';
    labelColor = th.bad;
  }
  text(ctx, label, bx0 + 4, cy, labelColor, 10, 'left', '600');
  const n = k.inFlight;
  const cx = x1;
  if (n > 0) {
    shape(ctx, 'diamond', cx - countW + 6, cy, 3.5);
    ctx.fillStyle = OUTCOMES.db.color;
    ctx.fill();
  }
  text(ctx, n > 0 ? formatNumber(n) : '–', cx, cy, n > 1 ? th.bad : th.muted, 11, 'right', '600');
}

function database(ctx: C2D, g: Layout, view: StampedeView, th: Theme): void {
  const { running, queue, capacity } = view.db;
  const b = g.db;
  text(ctx, 'Database', b.x0 + 10, b.y0 + 13, th.fg, 12, 'left', '700');
  if (!g.compact)
    text(
      ctx,
      `${formatInt(running)}/${formatInt(capacity)} busy`,
      b.x1 - 8,
      b.y0 + 13,
      running >= capacity ? th.bad : th.muted,
      10,
      'right',
    );
  const grid = slotGrid(g.slots, capacity);
  if (grid) {
    for (let i = 0; i < capacity; i++) {
      const x = g.slots.x0 + (i % grid.cols) * grid.size;
      const y = g.slots.y0 + Math.floor(i / grid.cols) * grid.size;
      const s = grid.size - 2;
      if (i < running) {
        ctx.fillStyle = RUNNING_COLOR;
        ctx.fillRect(x, y, s, s);
      } else {
        ctx.strokeStyle = th.muted;
        ctx.lineWidth = 1;
        ctx.strokeRect(x + 0.5, y + 0.5, s - 1, s - 1);
      }
    }
  } else {
    const w = g.slots.x1 - g.slots.x0;
    const y = (g.slots.y0 + g.slots.y1) / 2 - 8;
    ctx.fillStyle = th.grid;
    ctx.fillRect(g.slots.x0, y, w, 16);
    ctx.fillStyle = RUNNING_COLOR;
    ctx.fillRect(g.slots.x0, y, (w * Math.min(running, capacity)) / capacity, 16);
  }
  // The queue: a bar on a scale of five times the slots, so a herd overflows it visibly.
  const q = g.queue;
  const scale = Math.max(10, capacity * 5);
  text(
    ctx,
    `queue ${formatInt(queue)}`,
    q.x0,
    q.y0 - 9,
    queue > 0 ? th.bad : th.muted,
    11,
    'left',
    '600',
  );
  ctx.fillStyle = th.grid;
  ctx.fillRect(q.x0, q.y0, q.x1 - q.x0, q.y1 - q.y0);
  if (queue > 0) {
    const f = Math.min(1, queue / scale);
    ctx.fillStyle = QUEUE_COLOR;
    ctx.globalAlpha = 0.55;
    ctx.fillRect(q.x0, q.y0, (q.x1 - q.x0) * f, q.y1 - q.y0);
    ctx.globalAlpha = 1;
    if (queue > scale) text(ctx, '»', q.x1 - 2, (q.y0 + q.y1) / 2, th.fg, 12, 'right', '700');
  }
  if (!g.compact) text(ctx, `${view.recomputeMs} ms per query`, b.x0 + 10, q.y1 + 14, th.muted, 10);
}

/** Draws everything but the chart: boxes, lanes, countdowns, database, then the dots on top. */
export function drawPipeline(
  ctx: C2D,
  g: Layout,
  view: StampedeView,
  v: number,
  th: Theme,
  marks: Mark[] | null,
  extras: PipelineExtras,
): void {
  box(ctx, g.clients, th);
  box(ctx, g.cache, th);
  box(ctx, g.db, th);
  const c = g.clients;
  text(ctx, 'Clients', (c.x0 + c.x1) / 2, c.y0 + 13, th.fg, 12, 'center', '700');
  text(ctx, `${formatInt(view.rate)}/s`, (c.x0 + c.x1) / 2, c.y0 + 27, th.muted, 10, 'center');
  const timeouts = view.stats.totalTimeouts;
  text(
    ctx,
    g.compact ? `✕ ${formatNumber(timeouts)}` : `timeouts ${formatNumber(timeouts)}`,
    (c.x0 + c.x1) / 2,
    c.y1 - 10,
    timeouts > 0 ? th.bad : th.muted,
    10,
    'center',
  );

  // Lanes: requests right, answers left; both cross the cache, which answers or passes them on.
  arrow(ctx, g.clients.x1 + 2, g.db.x0 - 2, g.laneReq, th.muted);
  arrow(ctx, g.db.x0 - 2, g.clients.x1 + 2, g.laneResp, th.muted);
  if (!g.compact) {
    const mid1 = (g.clients.x1 + g.cache.x0) / 2;
    const mid2 = (g.cache.x1 + g.db.x0) / 2;
    text(ctx, 'requests', mid1, g.laneReq - 9, th.muted, 10, 'center');
    text(ctx, 'answers', mid1, g.laneResp + 10, th.muted, 10, 'center');
    text(
      ctx,
      `${formatInt(view.stats.dbQueriesPerSec)} ${Math.round(view.stats.dbQueriesPerSec) === 1 ? 'query' : 'queries'}/s`,
      mid2,
      g.laneReq - 9,
      th.muted,
      10,
      'center',
    );
  }

  const k = g.cache;
  text(ctx, 'Cache', k.x0 + 10, k.y0 + 13, th.fg, 12, 'left', '700');
  text(ctx, view.strategy, k.x1 - 8, k.y0 + 13, th.muted, 11, 'right', '600');
  const p = g.park;
  ctx.strokeStyle = th.grid;
  ctx.setLineDash([2, 3]);
  ctx.strokeRect(p.x0 + 0.5, p.y0 + 0.5, p.x1 - p.x0 - 1, p.y1 - p.y0 - 1);
  ctx.setLineDash([]);
  const waitingLabel =
    extras.waiting > 0 ? `≈ ${formatNumber(extras.waiting)} waiting` : 'nobody waiting';
  text(ctx, waitingLabel, p.x1 - 4, p.y1 + 6, extras.waiting > 0 ? th.fg : th.muted, 10, 'right');
  view.hotKeys.forEach((hk, i) => {
    const row = g.hotRows[i];
    if (row) hotRow(ctx, hk, row, g, v, view, th);
  });

  database(ctx, g, view, th);

  if (marks) {
    for (const m of marks) {
      const o = OUTCOMES[m.outcome];
      ctx.globalAlpha = m.alpha;
      shape(ctx, o.shape, m.x, m.y, m.outcome === 'pending' ? 3 : 4);
      if (m.hollow) {
        ctx.strokeStyle = o.color;
        ctx.lineWidth = 1.5;
        ctx.stroke();
      } else {
        ctx.fillStyle = o.color;
        ctx.fill();
        ctx.strokeStyle = th.panel;
        ctx.lineWidth = 0.75;
        ctx.stroke();
      }
    }
    ctx.globalAlpha = 1;
  }
}
