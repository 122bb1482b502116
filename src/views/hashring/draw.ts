/** Canvas drawing of the ring: owner arcs and key dots. Pure functions of the data. */
import { colorOf } from '../../ui/palette';
import { angleOf, jitterOf, TAU, type RingLayout } from './geometry';
import type { KeysHeavy, RingHeavy } from './types';

export interface KeyPoints {
  x: Float32Array;
  y: Float32Array;
  /** Key indices grouped by owner: keys of owner o are order[start[o] .. start[o + 1]). */
  order: Uint32Array;
  start: Uint32Array;
}

/** Pixel positions of every key and a grouping by owner, computed once per keys version. */
export function keyPoints(keys: KeysHeavy, l: RingLayout, maxNode: number): KeyPoints {
  const n = keys.hashes.length;
  const x = new Float32Array(n);
  const y = new Float32Array(n);
  const span = l.keyOuterR - l.keyInnerR;
  const counts = new Uint32Array(maxNode + 2);
  for (let i = 0; i < n; i++) {
    const a = angleOf(keys.hashes[i]!);
    const r = l.keyInnerR + jitterOf(i) * span;
    x[i] = l.cx + r * Math.cos(a);
    y[i] = l.cy + r * Math.sin(a);
    counts[keys.owners[i]! + 1]!++;
  }
  const start = new Uint32Array(maxNode + 2);
  for (let o = 1; o < start.length; o++) start[o] = start[o - 1]! + counts[o]!;
  const fill = start.slice();
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[fill[keys.owners[i]!]!++] = i;
  return { x, y, order, start };
}

export interface BaseStyle {
  background: string;
  muted: string;
  /** Ring arcs carry ownership (ring and bounded strategies). */
  arcsMeaningful: boolean;
  dim: Set<number> | null;
}

/** Draws the owner arcs: one stroke per owner, merging consecutive arcs of the same owner. */
export function drawArcs(
  ctx: CanvasRenderingContext2D,
  ring: RingHeavy,
  l: RingLayout,
  style: BaseStyle,
): void {
  const n = ring.positions.length;
  ctx.lineWidth = l.ringWidth;
  ctx.lineCap = 'butt';
  if (n === 0) return;
  if (!style.arcsMeaningful) {
    ctx.strokeStyle = style.muted;
    ctx.globalAlpha = 0.35;
    ctx.beginPath();
    ctx.arc(l.cx, l.cy, l.ringR, 0, TAU);
    ctx.stroke();
    ctx.globalAlpha = 1;
    return;
  }
  // Group arc runs by owner: arc i spans (positions[i-1], positions[i]] and belongs to owners[i].
  const runs = new Map<number, [number, number][]>();
  let runStart = ring.positions[n - 1]!;
  for (let i = 0; i < n; i++) {
    const owner = ring.owners[i]!;
    const next = ring.owners[(i + 1) % n]!;
    if (next !== owner || i === n - 1) {
      const list = runs.get(owner) ?? [];
      list.push([runStart, ring.positions[i]!]);
      runs.set(owner, list);
      runStart = ring.positions[i]!;
    }
  }
  for (const [owner, list] of runs) {
    ctx.strokeStyle = colorOf(owner);
    ctx.globalAlpha = style.dim && !style.dim.has(owner) ? 0.25 : 1;
    ctx.beginPath();
    for (const [from, to] of list) {
      const a0 = angleOf(from);
      let a1 = angleOf(to);
      if (a1 <= a0) a1 += TAU;
      ctx.moveTo(l.cx + l.ringR * Math.cos(a0), l.cy + l.ringR * Math.sin(a0));
      ctx.arc(l.cx, l.cy, l.ringR, a0, a1);
    }
    ctx.stroke();
  }
  ctx.globalAlpha = 1;
}

/** Ticks where virtual nodes sit, so the arcs' boundaries are visible. */
export function drawTicks(
  ctx: CanvasRenderingContext2D,
  ring: RingHeavy,
  l: RingLayout,
  color: string,
): void {
  const n = ring.positions.length;
  if (n === 0 || n > 4000) return;
  ctx.strokeStyle = color;
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (let i = 0; i < n; i++) {
    const a = angleOf(ring.positions[i]!);
    const c = Math.cos(a);
    const s = Math.sin(a);
    ctx.moveTo(
      l.cx + (l.ringR - l.ringWidth / 2 - 3) * c,
      l.cy + (l.ringR - l.ringWidth / 2 - 3) * s,
    );
    ctx.lineTo(
      l.cx + (l.ringR + l.ringWidth / 2 + 3) * c,
      l.cy + (l.ringR + l.ringWidth / 2 + 3) * s,
    );
  }
  ctx.stroke();
}

/** Draws every key as a small square, one fill colour per owner. */
export function drawKeys(
  ctx: CanvasRenderingContext2D,
  pts: KeyPoints,
  nodeIds: readonly number[],
  dim: Set<number> | null,
): void {
  const n = pts.x.length;
  const size = n > 20000 ? 1.5 : n > 5000 ? 2 : 3;
  const half = size / 2;
  for (const node of nodeIds) {
    const from = pts.start[node];
    const to = pts.start[node + 1];
    if (from === undefined || to === undefined || from === to) continue;
    ctx.fillStyle = colorOf(node);
    ctx.globalAlpha = dim && !dim.has(node) ? 0.15 : 0.85;
    for (let j = from; j < to; j++) {
      const i = pts.order[j]!;
      ctx.fillRect(pts.x[i]! - half, pts.y[i]! - half, size, size);
    }
  }
  ctx.globalAlpha = 1;
}
