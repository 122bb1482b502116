/**
 * The space-time (Lamport) diagram of the network stage: one lane per node, time running left
 * to right up to now, every message a line from its send to its arrival, crashes hatched, marks
 * (elections won) as stars. Drawn on canvas by the frame loop.
 */
import type { BaseTheme } from '../../ui/canvas';
import { OKABE_ITO } from '../../ui/palette';
import type { Live } from './live';
import { fateOf } from './records';
import { progress } from './ring';

export const GUTTER = 34;
export const TOP = 6;
export const AXIS = 18;

export interface Segment {
  record: number;
  ax: number;
  ay: number;
  bx: number;
  by: number;
}

export interface Lanes {
  top: number;
  laneH: number;
  y(server: number): number;
  x(t: number): number;
  left: number;
  right: number;
}

export function lanes(n: number, w: number, h: number, now: number, windowMs: number): Lanes {
  const top = TOP;
  const laneH = (h - TOP - AXIS) / Math.max(1, n);
  const left = GUTTER;
  const right = w - 8;
  const t0 = now - windowMs;
  return {
    top,
    laneH,
    left,
    right,
    y: (s) => top + (s + 0.5) * laneH,
    x: (t) => left + ((t - t0) / windowMs) * (right - left),
  };
}

/** Crash intervals per node from the event log: [from, to] with to = Infinity while down. */
function downIntervals(live: Live, n: number): [number, number][][] {
  const out: [number, number][][] = Array.from({ length: n }, () => []);
  for (const e of live.events) {
    const s = e.nodes?.[0];
    if (s === undefined || s >= n) continue;
    if (e.kind === 'crash') out[s]!.push([e.t, Infinity]);
    else if (e.kind === 'restart') {
      const last = out[s]!.at(-1);
      if (last && last[1] === Infinity) last[1] = e.t;
    }
  }
  // A node down since before the log began shows as down across the window.
  live.lanes.forEach((lane, i) => {
    if (lane.down && !out[i]!.some((iv) => iv[1] === Infinity)) out[i]!.push([-Infinity, Infinity]);
  });
  return out;
}

function star(ctx: CanvasRenderingContext2D, x: number, y: number, r: number): void {
  ctx.beginPath();
  for (let i = 0; i < 10; i++) {
    const rad = i % 2 === 0 ? r : r * 0.45;
    const a = (Math.PI / 5) * i - Math.PI / 2;
    ctx.lineTo(x + rad * Math.cos(a), y + rad * Math.sin(a));
  }
  ctx.closePath();
}

export function drawSpaceTime(
  ctx: CanvasRenderingContext2D,
  w: number,
  h: number,
  live: Live,
  windowMs: number,
  theme: BaseTheme,
  starColor: string,
): Segment[] {
  const n = live.lanes.length;
  const now = live.reduced ? live.now : Math.max(live.now, live.virtualNow());
  const L = lanes(n, w, h, now, windowMs);
  const t0 = now - windowMs;
  ctx.clearRect(0, 0, w, h);
  ctx.font = '11px system-ui, sans-serif';
  ctx.textBaseline = 'middle';

  // Time grid and axis.
  const step = windowMs <= 250 ? 50 : windowMs <= 600 ? 100 : windowMs <= 1200 ? 200 : 500;
  ctx.strokeStyle = theme.grid;
  ctx.fillStyle = theme.muted;
  ctx.lineWidth = 1;
  ctx.textAlign = 'center';
  for (let t = Math.ceil(Math.max(0, t0) / step) * step; t <= now; t += step) {
    const x = L.x(t);
    ctx.beginPath();
    ctx.moveTo(x, L.top);
    ctx.lineTo(x, h - AXIS);
    ctx.stroke();
    if (x > L.left + 14 && x < L.right - 40)
      ctx.fillText(`${(t / 1000).toFixed(step < 100 ? 2 : 1)} s`, x, h - AXIS / 2);
  }
  ctx.textAlign = 'right';
  ctx.fillText('now', L.right, h - AXIS / 2);

  // Lanes: hovered lane shaded, crashed stretches hatched grey, the label with the role shape.
  const hoverServer = live.hover?.kind === 'node' ? live.hover.id : -1;
  const down = downIntervals(live, n);
  for (let s = 0; s < n; s++) {
    const y = L.y(s);
    if (s === hoverServer) {
      ctx.fillStyle = theme.accent;
      ctx.globalAlpha = 0.12;
      ctx.fillRect(0, y - L.laneH / 2, w, L.laneH);
      ctx.globalAlpha = 1;
    }
    ctx.strokeStyle = theme.muted;
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(L.left, y);
    ctx.lineTo(L.right, y);
    ctx.stroke();
    for (const [a, b] of down[s]!) {
      const xa = Math.max(L.left, L.x(a));
      const xb = Math.min(L.right, L.x(b));
      if (xb <= xa) continue;
      ctx.fillStyle = OKABE_ITO[7];
      ctx.globalAlpha = 0.35;
      ctx.fillRect(xa, y - Math.min(6, L.laneH / 3), xb - xa, Math.min(12, (2 * L.laneH) / 3));
      ctx.globalAlpha = 1;
    }
    const lane = live.lanes[s]!;
    ctx.fillStyle = lane.color;
    ctx.beginPath();
    ctx.arc(7, y, 4, 0, Math.PI * 2);
    ctx.fill();
    ctx.fillStyle = theme.fg;
    ctx.textAlign = 'left';
    ctx.fillText(lane.name, 13, y);
  }

  // Messages.
  const segments: Segment[] = [];
  const flights = new Map(live.inFlight.map((f) => [f.id, f]));
  const hoverRecord = live.hover?.kind === 'message' ? live.hover.record : -1;
  const selRecord = live.selected?.kind === 'message' ? live.selected.record : -1;
  let focusSeg: { seg: Segment; label: string; color: string } | null = null;
  const dense = live.records.length > 150;
  for (const m of live.records) {
    const fate = fateOf(m, live.links);
    const st = live.styleOf(m);
    let endT: number;
    let endLane: number;
    if (fate === 'delivered') {
      endT = m.deliverAt;
      endLane = m.to;
    } else if (fate === 'discarded') {
      endT = m.droppedAt;
      endLane = m.to;
    } else if (fate === 'in flight') {
      const f = flights.get(live.links.flightOf.get(m.id)!);
      const p = f ? progress(f.sentAt, f.deliverAt, now) : 0;
      endT = m.sentAt + (f ? (f.deliverAt - f.sentAt) * p : 0);
      endLane = m.from + (m.to - m.from) * p;
    } else {
      // Lost: drawn part of the way, ending in a cross.
      endT = m.sentAt + live.latencyMs * 0.5;
      endLane = m.from + (m.to - m.from) * 0.5;
    }
    if (endT < t0) continue;
    const ax = L.x(m.sentAt);
    const ay = L.y(m.from);
    const bx = L.x(Math.min(endT, now));
    const by = L.top + (endLane + 0.5) * L.laneH;
    const seg = { record: m.id, ax, ay, bx, by };
    segments.push(seg);
    const focus = m.id === hoverRecord || m.id === selRecord;
    ctx.strokeStyle = st.color;
    ctx.globalAlpha = focus ? 1 : st.faint ? (dense ? 0.35 : 0.55) : dense ? 0.6 : 0.85;
    ctx.lineWidth = focus ? 3 : st.faint ? 1 : 1.6;
    ctx.setLineDash(st.reply ? [4, 3] : []);
    ctx.beginPath();
    ctx.moveTo(ax, ay);
    ctx.lineTo(bx, by);
    ctx.stroke();
    ctx.setLineDash([]);
    if (fate === 'in flight') {
      ctx.fillStyle = st.color;
      ctx.beginPath();
      ctx.arc(bx, by, focus ? 4.5 : 3, 0, Math.PI * 2);
      ctx.fill();
    } else if (fate !== 'delivered') {
      ctx.strokeStyle = theme.bad;
      ctx.lineWidth = 2;
      ctx.beginPath();
      ctx.moveTo(bx - 4, by - 4);
      ctx.lineTo(bx + 4, by + 4);
      ctx.moveTo(bx + 4, by - 4);
      ctx.lineTo(bx - 4, by + 4);
      ctx.stroke();
    }
    if (focus) focusSeg = { seg, label: m.label, color: st.color };
  }
  ctx.globalAlpha = 1;

  // Marks (elections won): a star on the lane.
  ctx.textAlign = 'left';
  for (const e of live.marks) {
    if (e.at < t0 || e.lane >= n) continue;
    const x = L.x(e.at);
    const y = L.y(e.lane);
    ctx.fillStyle = starColor;
    ctx.strokeStyle = theme.fg;
    ctx.lineWidth = 1;
    star(ctx, x, y, 7);
    ctx.fill();
    ctx.stroke();
    ctx.fillStyle = theme.fg;
    ctx.fillText(e.label, x + 8, y - 8);
  }

  if (focusSeg) {
    const { seg, label } = focusSeg;
    const mx = (seg.ax + seg.bx) / 2;
    const my = (seg.ay + seg.by) / 2;
    ctx.font = 'bold 11px system-ui, sans-serif';
    const tw = ctx.measureText(label).width + 8;
    const x = Math.min(Math.max(mx - tw / 2, L.left), L.right - tw);
    ctx.fillStyle = theme.panel;
    ctx.strokeStyle = focusSeg.color;
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    ctx.roundRect(x, my - 18, tw, 15, 4);
    ctx.fill();
    ctx.stroke();
    ctx.fillStyle = theme.fg;
    ctx.textAlign = 'left';
    ctx.fillText(label, x + 4, my - 10.5);
  }
  return segments;
}
