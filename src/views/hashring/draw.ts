/** Canvas drawing of the ring: owner arcs and key dots. Pure functions of the data. */
import { colorOf } from '../../ui/palette';
import { angleOf, jitterOf, TAU, type RingLayout } from './geometry';
import type { KeysHeavy, RingHeavy } from './types';

export interface KeyPoints {
  x: Float32Array;
  y: Float32Array;
}

/** Pixel positions of every key, computed once per keys version. */
export function keyPoints(keys: KeysHeavy, l: RingLayout): KeyPoints {
  const n = keys.hashes.length;
  const x = new Float32Array(n);
  const y = new Float32Array(n);
  const span = l.keyOuterR - l.keyInnerR;
  for (let i = 0; i < n; i++) {
    const a = angleOf(keys.hashes[i]!);
    const r = l.keyInnerR + jitterOf(i) * span;
    x[i] = l.cx + r * Math.cos(a);
    y[i] = l.cy + r * Math.sin(a);
  }
  return { x, y };
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

/** Packed RGBA (little-endian ABGR) of a #rrggbb colour with alpha a (0..255). */
function packed(hex: string, a: number): number {
  const v = parseInt(hex.slice(1), 16);
  return ((a << 24) | ((v & 0xff) << 16) | (v & 0xff00) | ((v >> 16) & 0xff)) >>> 0;
}

/**
 * Draws every key as a small square straight into pixels: 100,000 keys cost about a millisecond
 * this way, against tens of milliseconds of fillRect calls, so a membership change never blocks
 * the page.
 */
export function drawKeys(
  canvas: HTMLCanvasElement,
  pts: KeyPoints,
  owners: Uint16Array,
  dim: Set<number> | null,
  dpr: number,
): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const w = canvas.width;
  const h = canvas.height;
  const img = ctx.createImageData(w, h);
  const buf = new Uint32Array(img.data.buffer);
  const n = pts.x.length;
  const size = Math.max(1, Math.round((n > 20000 ? 1.2 : n > 5000 ? 2 : 3) * dpr));
  const colors = new Map<number, number>();
  const colorFor = (o: number): number => {
    let c = colors.get(o);
    if (c === undefined) {
      c = packed(colorOf(o), dim && !dim.has(o) ? 40 : 230);
      colors.set(o, c);
    }
    return c;
  };
  for (let i = 0; i < n; i++) {
    const x0 = Math.round(pts.x[i]! * dpr - size / 2);
    const y0 = Math.round(pts.y[i]! * dpr - size / 2);
    if (x0 < 0 || y0 < 0 || x0 + size > w || y0 + size > h) continue;
    const c = colorFor(owners[i]!);
    for (let dy = 0; dy < size; dy++) {
      const row = (y0 + dy) * w + x0;
      for (let dx = 0; dx < size; dx++) buf[row + dx] = c;
    }
  }
  ctx.putImageData(img, 0, 0);
}
