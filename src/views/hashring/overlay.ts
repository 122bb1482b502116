/**
 * Transient marks over the ring, on their own canvases so the 100,000-key layers are never
 * redrawn for them: the hovered node's arcs or the hovered key's walk (redrawn when the hover
 * changes), and halos on moved keys (drawn once per change, faded out by CSS on the compositor).
 * Redrawing a full-size canvas every frame is expensive where canvases are rasterized in
 * software, so nothing here runs per frame.
 */
import { colorOf } from '../../ui/palette';
import type { KeyPoints } from './draw';
import { angleOf, successor, TAU, walk, type RingLayout } from './geometry';
import type { HashringView, KeysHeavy, RingHeavy } from './types';

export type Hover = { kind: 'key'; index: number } | { kind: 'node'; id: number } | null;

const ARC_STRATEGIES = new Set(['ring', 'bounded']);

export interface HoverState {
  view: HashringView;
  ring: RingHeavy | undefined;
  keys: KeysHeavy | undefined;
  pts: KeyPoints | null;
  hover: Hover;
  l: RingLayout;
  fg: string;
}

/** The hover layer: the hovered node's arcs, or the hovered key's clockwise walk. */
export function drawHover(
  ctx: CanvasRenderingContext2D,
  s: HoverState,
  w: number,
  h: number,
): void {
  ctx.clearRect(0, 0, w, h);
  const { l, pts, keys, view, fg } = s;
  // Hovered node: its arcs drawn thicker.
  if (s.hover?.kind === 'node' && s.ring) {
    const { positions, owners } = s.ring;
    ctx.strokeStyle = colorOf(s.hover.id);
    ctx.lineWidth = l.ringWidth + 6;
    ctx.beginPath();
    for (let i = 0; i < positions.length; i++) {
      if (owners[i] !== s.hover.id) continue;
      const a0 = angleOf(positions[(i - 1 + positions.length) % positions.length]!);
      let a1 = angleOf(positions[i]!);
      if (a1 <= a0) a1 += TAU;
      ctx.moveTo(l.cx + l.ringR * Math.cos(a0), l.cy + l.ringR * Math.sin(a0));
      ctx.arc(l.cx, l.cy, l.ringR, a0, a1);
    }
    ctx.stroke();
  }
  // Hovered key: its clockwise walk to the owner and replicas, numbered.
  if (s.hover?.kind === 'key' && pts && keys && view) {
    const i = s.hover.index;
    const kx = pts.x[i]!;
    const ky = pts.y[i]!;
    ctx.strokeStyle = fg;
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.arc(kx, ky, 6, 0, TAU);
    ctx.stroke();
    const hKey = keys.hashes[i]!;
    const a0 = angleOf(hKey);
    if (s.ring && ARC_STRATEGIES.has(view.strategy) && s.ring.positions.length) {
      const owner = keys.owners[i]!;
      const replicas = view.strategy === 'bounded' ? 1 : view.replicas;
      let { visited, chosen } = walk(
        s.ring.positions,
        s.ring.owners,
        hKey,
        replicas,
        view.nodes.length,
      );
      if (view.strategy === 'bounded') {
        // Bounded loads skip full nodes: walk until the actual owner.
        const start = s.ring.positions.length;
        visited = [];
        let k = successor(s.ring.positions, hKey);
        for (let n = 0; n < start; n++, k = (k + 1) % start) {
          visited.push(k);
          if (s.ring.owners[k] === owner) break;
        }
        chosen = [visited[visited.length - 1]!];
      }
      const last = chosen[chosen.length - 1] ?? visited[visited.length - 1]!;
      let a1 = angleOf(s.ring.positions[last]!);
      if (a1 < a0) a1 += TAU;
      const rWalk = l.ringR - l.ringWidth - 6;
      ctx.setLineDash([5, 4]);
      ctx.beginPath();
      ctx.moveTo(kx, ky);
      ctx.lineTo(l.cx + rWalk * Math.cos(a0), l.cy + rWalk * Math.sin(a0));
      ctx.arc(l.cx, l.cy, rWalk, a0, a1);
      ctx.stroke();
      ctx.setLineDash([]);
      for (const v of visited) {
        if (chosen.includes(v)) continue;
        const a = angleOf(s.ring.positions[v]!);
        ctx.globalAlpha = 0.6;
        ctx.beginPath();
        ctx.arc(l.cx + rWalk * Math.cos(a), l.cy + rWalk * Math.sin(a), 3, 0, TAU);
        ctx.stroke();
        ctx.globalAlpha = 1;
      }
      chosen.forEach((c, n) => {
        const a = angleOf(s.ring!.positions[c]!);
        const x = l.cx + rWalk * Math.cos(a);
        const y = l.cy + rWalk * Math.sin(a);
        ctx.fillStyle = colorOf(s.ring!.owners[c]!);
        ctx.beginPath();
        ctx.arc(x, y, 9, 0, TAU);
        ctx.fill();
        ctx.stroke();
        ctx.fillStyle = '#000';
        ctx.font = 'bold 11px system-ui, sans-serif';
        ctx.textAlign = 'center';
        ctx.textBaseline = 'middle';
        ctx.fillText(String(n + 1), x, y + 0.5);
      });
    }
  }
}

/** Halos on the keys that moved in the last change, in their new owner's colour. */
export function drawMoved(
  ctx: CanvasRenderingContext2D,
  pts: KeyPoints,
  keys: KeysHeavy,
  w: number,
  h: number,
): void {
  ctx.clearRect(0, 0, w, h);
  const moved = keys.moved;
  const step = Math.max(1, Math.floor(moved.length / 3000));
  // One path per owner colour: a few strokes instead of thousands.
  const paths = new Map<number, Path2D>();
  for (let j = 0; j < moved.length; j += step) {
    const i = moved[j]!;
    const o = keys.owners[i]!;
    let path = paths.get(o);
    if (!path) paths.set(o, (path = new Path2D()));
    path.moveTo(pts.x[i]! + 4, pts.y[i]!);
    path.arc(pts.x[i]!, pts.y[i]!, 4, 0, TAU);
  }
  ctx.lineWidth = 1.5;
  for (const [o, path] of paths) {
    ctx.strokeStyle = colorOf(o);
    ctx.stroke(path);
  }
}
