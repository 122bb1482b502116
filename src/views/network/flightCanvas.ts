/**
 * Messages in flight drawn on one canvas while a model plays: a busy cluster sends hundreds of
 * messages a second, each alive for a frame or two, and as DOM marks every one would be created,
 * styled, laid out and removed by React (the largest share of the page's work while playing).
 * Drawn here they cost a few canvas calls a frame. When paused, the stage shows them as DOM
 * buttons again (focusable, with details), see Messages.tsx.
 */
import type { InFlight } from '../../sim/core/types';
import { shapePath, type Shape } from '../../ui/palette';
import { overlaps, tagBox, TAG_H, type FlightStyle, type KeepOut } from './Messages';

/** A message where it was last drawn, for pointer hit tests. */
export interface DrawnFlight {
  id: number;
  x: number;
  y: number;
}

export interface FlightTheme {
  fg: string;
  panel: string;
  font: string;
}

const paths = new Map<string, Path2D>();
function shape(s: Shape, r: number): Path2D {
  const key = `${s}:${r}`;
  let p = paths.get(key);
  if (!p) {
    p = new Path2D(shapePath(s, r));
    paths.set(key, p);
  }
  return p;
}

export interface DrawFlightsArgs {
  flights: readonly InFlight[];
  styleOf(m: InFlight): FlightStyle;
  pointAt(m: InFlight, u: number): { x: number; y: number };
  progressOf(m: InFlight): number;
  keepOut: readonly KeepOut[];
  width: number;
  /** Labels for every message (few in flight), or only the lit ones. */
  labels: boolean;
  highlight: number;
  selected: number;
  theme: FlightTheme;
}

/** Draws every message and returns where each went. `ctx` is in CSS pixels, already cleared. */
export function drawFlights(ctx: CanvasRenderingContext2D, a: DrawFlightsArgs): DrawnFlight[] {
  const out: DrawnFlight[] = [];
  ctx.font = `600 9.5px ${a.theme.font}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  for (const m of a.flights) {
    const st = a.styleOf(m);
    const { x, y } = a.pointAt(m, a.progressOf(m));
    out.push({ id: m.id, x, y });
    const lit = a.highlight === m.id || a.selected === m.id;
    ctx.save();
    ctx.translate(x, y);
    const path = shape(st.shape, lit ? 6 : 4.5);
    ctx.fillStyle = st.hollow ? a.theme.panel : st.color;
    ctx.fill(path);
    ctx.setLineDash(st.hollow && !lit ? [3, 2] : []);
    ctx.lineWidth = lit ? 2.5 : 1.5;
    ctx.strokeStyle = lit ? a.theme.fg : st.color;
    ctx.stroke(path);
    ctx.restore();
    if (!(a.labels || lit)) continue;
    const box = tagBox(x, y, m.label);
    if (box.x1 > a.width || box.y0 < 0 || a.keepOut.some((k) => overlaps(k, box))) continue;
    ctx.beginPath();
    ctx.roundRect(box.x0, box.y0, box.x1 - box.x0, TAG_H, TAG_H / 2);
    ctx.fillStyle = st.hollow ? a.theme.panel : st.color;
    ctx.fill();
    ctx.setLineDash(st.hollow ? [3, 2] : []);
    ctx.lineWidth = 1;
    ctx.strokeStyle = st.color;
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillStyle = st.hollow ? a.theme.fg : '#000';
    ctx.fillText(m.label, (box.x0 + box.x1) / 2, box.y0 + TAG_H / 2 + 0.5);
  }
  return out;
}

/** The message drawn nearest to (x, y), within `radius` px, or -1. */
export function flightAt(drawn: readonly DrawnFlight[], x: number, y: number, radius = 9): number {
  let best = -1;
  let bestD = radius * radius;
  for (const f of drawn) {
    const d = (f.x - x) ** 2 + (f.y - y) ** 2;
    if (d <= bestD) {
      bestD = d;
      best = f.id;
    }
  }
  return best;
}
