/**
 * The ring: owner arcs and up to 100,000 keys on canvas (redrawn only when the data changes),
 * an overlay canvas for motion (moved keys, requests, the hovered key's walk), and accessible
 * HTML for the legend and the key finder.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { colorOf, shapeOf, shapePath } from '../../ui/palette';
import { formatInt, formatPercent } from '../../ui/format';
import type { ViewProps } from '../types';
import { drawArcs, drawKeys, drawTicks, keyPoints } from './draw';
import { angleOf, hashAt, layout, successor, TAU, walk } from './geometry';
import type { HashringView, KeysHeavy, RingHeavy } from './types';

type Hover = { kind: 'key'; index: number } | { kind: 'node'; id: number } | null;

const ARC_STRATEGIES = new Set(['ring', 'bounded']);
const MOVE_ANIMATION_MS = 1600;

function cssVar(el: Element, name: string, fallback: string): string {
  return getComputedStyle(el).getPropertyValue(name).trim() || fallback;
}

function setupCanvas(
  canvas: HTMLCanvasElement,
  w: number,
  h: number,
): CanvasRenderingContext2D | null {
  const dpr = Math.min(2, window.devicePixelRatio || 1);
  if (canvas.width !== Math.round(w * dpr) || canvas.height !== Math.round(h * dpr)) {
    canvas.width = Math.round(w * dpr);
    canvas.height = Math.round(h * dpr);
  }
  const ctx = canvas.getContext('2d');
  ctx?.setTransform(dpr, 0, 0, dpr, 0, 0);
  return ctx;
}

/** Keys ordered by hash (hash * 2^17 + index sorts natively as float64). */
function sortedByHash(hashes: Uint32Array): { order: Uint32Array; sorted: Uint32Array } {
  const packed = new Float64Array(hashes.length);
  for (let i = 0; i < hashes.length; i++) packed[i] = hashes[i]! * 131072 + i;
  packed.sort();
  const order = new Uint32Array(hashes.length);
  const sorted = new Uint32Array(hashes.length);
  for (let i = 0; i < packed.length; i++) {
    const idx = packed[i]! % 131072;
    order[i] = idx;
    sorted[i] = hashes[idx]!;
  }
  return { order, sorted };
}

export function RingView(p: ViewProps) {
  const view = p.snapshot.frame?.view as HashringView | undefined;
  const ring = p.snapshot.heavy.ring as RingHeavy | undefined;
  const keys = p.snapshot.heavy.keys as KeysHeavy | undefined;
  const width = Math.max(200, p.width);
  const height = p.height;
  const l = useMemo(() => layout(width, height), [width, height]);
  const base = useRef<HTMLCanvasElement>(null);
  const overlay = useRef<HTMLCanvasElement>(null);
  const [hover, setHover] = useState<Hover>(null);
  const [finder, setFinder] = useState('');
  const pts = useMemo(() => (keys ? keyPoints(keys, l) : null), [keys, l]);
  // Keys sorted by hash, for hit-testing: built on the first hover, not on every change.
  const byHashCache = useRef<{ keys: KeysHeavy; sorted: ReturnType<typeof sortedByHash> } | null>(
    null,
  );
  const byHashOf = (k: KeysHeavy) => {
    if (byHashCache.current?.keys !== k)
      byHashCache.current = { keys: k, sorted: sortedByHash(k.hashes) };
    return byHashCache.current.sorted;
  };
  const keysLayer = useRef<HTMLCanvasElement>(null);
  const strategy = view?.strategy ?? 'ring';
  const arcs = ARC_STRATEGIES.has(strategy);
  const focusNode = hover?.kind === 'node' ? hover.id : null;
  // Only the overlay loop reads the animation, so it lives in a ref, not in render state.
  const animation = useRef<{ keys: KeysHeavy; start: number } | null>(null);

  // A membership change arrives as a new keys field with the moved indices: animate it once.
  useEffect(() => {
    if (keys?.moved && keys.moved.length > 0)
      animation.current = { keys, start: performance.now() };
  }, [keys]);

  // Base layer: redrawn only when data, size, strategy, focus or theme change.
  useEffect(() => {
    const canvas = base.current;
    if (!canvas || !ring) return;
    const ctx = setupCanvas(canvas, width, height);
    if (!ctx) return;
    ctx.clearRect(0, 0, width, height);
    const dim = focusNode === null ? null : new Set([focusNode]);
    const muted = cssVar(canvas, '--muted', '#888');
    drawArcs(ctx, ring, l, { background: '', muted, arcsMeaningful: arcs, dim });
    if (arcs) drawTicks(ctx, ring, l, 'rgba(255, 255, 255, 0.85)');
  }, [ring, l, width, height, arcs, focusNode]);

  // Keys layer: pixels written directly, redrawn when keys, owners or focus change.
  useEffect(() => {
    const canvas = keysLayer.current;
    if (!canvas) return;
    const ctx = setupCanvas(canvas, width, height);
    if (!ctx) return;
    if (!pts || !keys) {
      ctx.clearRect(0, 0, width, height);
      return;
    }
    const dpr = Math.min(2, window.devicePixelRatio || 1);
    drawKeys(canvas, pts, keys.owners, focusNode === null ? null : new Set([focusNode]), dpr);
  }, [pts, keys, width, height, focusNode]);

  // Overlay: moved-key animation, request pulses and the hovered key's walk, at display rate
  // while something moves; otherwise it draws once and sleeps until the next render, so paused
  // rings cost no CPU (a docs page may hold twenty of them).
  const playing = p.snapshot.frame?.status.playing ?? false;
  const latest = useRef<OverlayState>({
    view,
    ring,
    keys,
    pts,
    hover,
    animation,
    l,
    reduced: p.reducedMotion,
    playing,
    virtualNow: p.virtualNow,
  });
  const wake = useRef(() => {});
  useLayoutEffect(() => {
    latest.current = {
      view,
      ring,
      keys,
      pts,
      hover,
      animation,
      l,
      reduced: p.reducedMotion,
      playing,
      virtualNow: p.virtualNow,
    };
    wake.current();
  });
  useEffect(() => {
    let raf = 0;
    const draw = () => {
      raf = 0;
      const canvas = overlay.current;
      const s = latest.current;
      if (canvas && s.view) {
        const ctx = setupCanvas(canvas, width, height);
        if (ctx) drawOverlay(ctx, canvas, s, width, height);
      }
      if (s.playing || animating(s)) raf = requestAnimationFrame(draw);
    };
    wake.current = () => {
      if (!raf) raf = requestAnimationFrame(draw);
    };
    wake.current();
    return () => {
      cancelAnimationFrame(raf);
      wake.current = () => {};
    };
  }, [width, height]);

  const findKey = (index: number) => {
    if (keys && index >= 0 && index < keys.hashes.length) setHover({ kind: 'key', index });
  };

  const onPointerMove = (e: React.PointerEvent) => {
    const rect = (e.currentTarget as HTMLElement).getBoundingClientRect();
    const x = e.clientX - rect.left - l.cx;
    const y = e.clientY - rect.top - l.cy;
    const r = Math.hypot(x, y);
    const a = Math.atan2(y, x);
    if (ring && arcs && Math.abs(r - l.ringR) <= l.ringWidth) {
      const i = successor(ring.positions, hashAt(a));
      const owner = ring.owners[i];
      setHover(owner === undefined ? null : { kind: 'node', id: owner });
    } else if (keys && pts && keys.hashes.length && r >= l.keyInnerR - 6 && r <= l.keyOuterR + 6) {
      const byHash = byHashOf(keys);
      // Nearest key by angle, then the closest of a few neighbours in pixels.
      const j = successor(byHash.sorted, hashAt(a));
      let best = -1;
      let bestD = 12 * 12;
      for (let k = -6; k <= 6; k++) {
        const idx = byHash.order[(j + k + byHash.order.length) % byHash.order.length]!;
        const dx = pts.x[idx]! - (x + l.cx);
        const dy = pts.y[idx]! - (y + l.cy);
        const d = dx * dx + dy * dy;
        if (d < bestD) {
          bestD = d;
          best = idx;
        }
      }
      setHover(best >= 0 ? { kind: 'key', index: best } : null);
    } else setHover(null);
  };

  if (!view) return null;
  const hoveredKey =
    hover?.kind === 'key' && keys ? describeKey(hover.index, keys, ring, view) : null;
  const change = view.lastChange;
  const summary = `Hash ring, ${view.strategy} strategy, ${view.nodes.length} nodes, ${formatInt(view.keyCount)} keys. ${view.nodes
    .map((n) => `${n.name}: ${formatInt(n.keys)} keys`)
    .join(', ')}.`;

  return (
    <div className="ring-view" style={{ width: '100%', height }}>
      <div
        className="ring-canvas"
        style={{ width, height }}
        onPointerMove={onPointerMove}
        onPointerLeave={() => setHover(null)}
      >
        <canvas ref={base} style={{ width, height }} role="img" aria-label={summary} />
        <canvas ref={keysLayer} style={{ width, height }} aria-hidden="true" />
        <canvas ref={overlay} style={{ width, height }} aria-hidden="true" />
        <svg width={width} height={height} aria-hidden="true" className="ring-svg">
          {arcs && ring && ring.positions.length <= 64 && (
            <NodeMarkers ring={ring} view={view} l={l} />
          )}
          <text x={l.cx} y={l.cy - 8} textAnchor="middle" className="ring-center-big">
            {formatInt(view.keyCount)} keys
          </text>
          <text x={l.cx} y={l.cy + 12} textAnchor="middle" className="ring-center">
            {view.nodes.length} nodes · {view.strategy}
            {strategy === 'ring' || strategy === 'bounded'
              ? ` · ${ring?.positions.length ?? 0} points`
              : ''}
          </text>
          {!arcs && (
            <text x={l.cx} y={l.cy + 30} textAnchor="middle" className="ring-center muted-text">
              {strategy} ignores the ring: colour = owner
            </text>
          )}
        </svg>
      </div>
      <ul
        className="ring-legend"
        aria-label="Nodes: focus or hover one to highlight its arcs and keys"
      >
        {view.nodes.map((n) => (
          <li key={n.id}>
            <button
              type="button"
              className={`legend-item ${focusNode === n.id ? 'active' : ''}`}
              onMouseEnter={() => setHover({ kind: 'node', id: n.id })}
              onMouseLeave={() => setHover(null)}
              onFocus={() => setHover({ kind: 'node', id: n.id })}
              onBlur={() => setHover(null)}
              aria-label={`${n.name}: ${formatInt(n.keys)} keys, weight ${n.weight}`}
            >
              <svg width="12" height="12" viewBox="-6 -6 12 12" aria-hidden="true">
                <path d={shapePath(shapeOf(n.id), 4.5)} fill={colorOf(n.id)} />
              </svg>
              {n.name}
            </button>
          </li>
        ))}
      </ul>
      <form
        className="key-finder"
        onSubmit={(e) => {
          e.preventDefault();
          findKey(Number(finder));
        }}
      >
        <label>
          Find key{' '}
          <input
            type="number"
            min={0}
            max={Math.max(0, view.keyCount - 1)}
            value={finder}
            onChange={(e) => setFinder(e.target.value)}
            size={6}
          />
        </label>
        <button type="submit">Show walk</button>
      </form>
      <p className="ring-status" aria-live="polite" data-testid="ring-hover">
        {hoveredKey ??
          (change && change.moved > 0
            ? `Last change: ${formatInt(change.moved)} keys moved (${formatPercent(change.movedFraction)})${change.moduloMoved !== null ? `; hash % N would have moved ${formatInt(change.moduloMoved)}` : ''}.`
            : '')}
      </p>
    </div>
  );
}

function describeKey(
  index: number,
  keys: KeysHeavy,
  ring: RingHeavy | undefined,
  view: HashringView,
): string {
  const h = keys.hashes[index]!;
  const owner = keys.owners[index]!;
  const name = (id: number) => view.nodes.find((n) => n.id === id)?.name ?? `N${id}`;
  let replicas = '';
  if (ring && (view.strategy === 'ring' || view.strategy === 'bounded') && view.replicas > 1) {
    const w = walk(ring.positions, ring.owners, h, view.replicas, view.nodes.length);
    replicas = `; preference list ${w.chosen.map((c) => name(ring.owners[c]!)).join(', ')}`;
  }
  return `Key ${index} (hash 0x${h.toString(16).padStart(8, '0')}) belongs to ${name(owner)}${replicas}.`;
}

function NodeMarkers({
  ring,
  view,
  l,
}: {
  ring: RingHeavy;
  view: HashringView;
  l: ReturnType<typeof layout>;
}) {
  const counts = new Map<number, number>();
  return (
    <g>
      {Array.from(ring.positions, (pos, i) => {
        const owner = ring.owners[i]!;
        const k = counts.get(owner) ?? 0;
        counts.set(owner, k + 1);
        const a = angleOf(pos);
        const r = l.ringR + l.ringWidth / 2 + 14;
        const name = view.nodes.find((n) => n.id === owner)?.name ?? `N${owner}`;
        return (
          <g key={i} transform={`translate(${l.cx + r * Math.cos(a)},${l.cy + r * Math.sin(a)})`}>
            <path
              d={shapePath(shapeOf(owner), 6)}
              fill={colorOf(owner)}
              stroke="var(--panel)"
              strokeWidth={1.5}
            />
            {ring.positions.length <= 24 && (
              <text x={0} y={-10} textAnchor="middle" className="node-label">
                {ring.positions.length > view.nodes.length ? `${name}·${k}` : name}
              </text>
            )}
          </g>
        );
      })}
    </g>
  );
}

interface OverlayState {
  view: HashringView | undefined;
  ring: RingHeavy | undefined;
  keys: KeysHeavy | undefined;
  pts: ReturnType<typeof keyPoints> | null;
  hover: Hover;
  animation: { current: { keys: KeysHeavy; start: number } | null };
  l: ReturnType<typeof layout>;
  reduced: boolean;
  playing: boolean;
  virtualNow(): number;
}

const moveAnimationMs = (reduced: boolean) => (reduced ? 4000 : MOVE_ANIMATION_MS);

/** True while the moved-key halo is still fading. */
const animating = (s: OverlayState): boolean => {
  const anim = s.animation.current;
  return !!anim && performance.now() - anim.start < moveAnimationMs(s.reduced);
};

function drawOverlay(
  ctx: CanvasRenderingContext2D,
  canvas: HTMLCanvasElement,
  s: OverlayState,
  w: number,
  h: number,
): void {
  ctx.clearRect(0, 0, w, h);
  const { l, pts, keys, view } = s;
  // Moved keys: a shrinking halo in the new owner's colour (static outline with reduced motion).
  const anim = s.animation.current;
  if (anim && pts && keys === anim.keys && keys.moved) {
    const age = performance.now() - anim.start;
    const life = moveAnimationMs(s.reduced);
    if (age < life) {
      const t = age / life;
      const moved = keys.moved;
      const step = Math.max(1, Math.floor(moved.length / 3000));
      ctx.lineWidth = 1.5;
      for (let j = 0; j < moved.length; j += step) {
        const i = moved[j]!;
        const r = s.reduced ? 4 : 2 + 7 * (1 - t);
        ctx.strokeStyle = colorOf(keys.owners[i]!);
        ctx.globalAlpha = s.reduced ? 0.9 : 1 - t * 0.8;
        ctx.beginPath();
        ctx.arc(pts.x[i]!, pts.y[i]!, r, 0, TAU);
        ctx.stroke();
      }
      ctx.globalAlpha = 1;
    }
  }
  // Requests: brief pulses at the requested keys.
  if (view && pts && !s.reduced) {
    const now = s.virtualNow();
    for (const r of view.recent) {
      const age = now - r.at;
      if (age < 0 || age > 400 || r.key >= pts.x.length) continue;
      ctx.globalAlpha = 1 - age / 400;
      ctx.fillStyle = colorOf(r.node);
      ctx.beginPath();
      ctx.arc(pts.x[r.key]!, pts.y[r.key]!, 3 + age / 80, 0, TAU);
      ctx.fill();
    }
    ctx.globalAlpha = 1;
  }
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
    // Read here, not every frame: getComputedStyle forces a style pass on the whole page.
    const fg = cssVar(canvas, '--fg', '#000');
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
