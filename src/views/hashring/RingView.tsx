/**
 * The ring: owner arcs and up to 100,000 keys on canvases redrawn only when the data changes,
 * transient layers for the hover and for moved keys (overlay.ts), request pulses in SVG, and
 * accessible HTML for the legend and the key finder.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { pixelRatio, setupCanvas, themeReader, type ThemeSpec } from '../../ui/canvas';
import { colorOf, shapeOf, shapePath } from '../../ui/palette';
import { formatInt, formatPercent } from '../../ui/format';
import { drawArcs, drawKeys, drawTicks, keyPoints, type KeyPoints } from './draw';
import { drawHover, drawMoved, type Hover } from './overlay';
import { angleOf, hashAt, layout, successor, walk } from './geometry';
import type { HashringProps, HashringView, KeysHeavy, RingHeavy } from './types';

const ARC_STRATEGIES = new Set(['ring', 'bounded']);

/** The theme's colours the canvases read (once per ring change or theme switch). */
const THEME = {
  muted: ['--muted', '#888'],
  fg: ['--fg', '#000'],
} as const satisfies ThemeSpec<string>;

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

export function RingView(p: HashringProps) {
  const { view } = p;
  const { ring, keys } = p.heavy;
  const width = Math.max(200, p.width);
  const height = p.height;
  const l = useMemo(() => layout(width, height), [width, height]);
  const base = useRef<HTMLCanvasElement>(null);
  const keysLayer = useRef<HTMLCanvasElement>(null);
  const hoverLayer = useRef<HTMLCanvasElement>(null);
  const movedLayer = useRef<HTMLCanvasElement>(null);
  const [hovered, setHover] = useState<Hover>(null);
  const [finder, setFinder] = useState('');
  const pts = useMemo(() => (keys ? keyPoints(keys, l) : null), [keys, l]);
  // A page may point at a key (a practice answer): its walk shows until the pointer says otherwise.
  const pointed = useStore(p.ui, (u) => u.findKey);
  const keyCount = keys?.hashes.length ?? 0;
  const pointedHover = useMemo<Hover>(
    () => (pointed !== null && pointed < keyCount ? { kind: 'key', index: pointed } : null),
    [pointed, keyCount],
  );
  const hover: Hover = hovered ?? pointedHover;
  // Keys sorted by hash, for hit-testing: built on the first hover, not on every change.
  const byHashCache = useRef<{ keys: KeysHeavy; sorted: ReturnType<typeof sortedByHash> } | null>(
    null,
  );
  const byHashOf = (k: KeysHeavy) => {
    if (byHashCache.current?.keys !== k)
      byHashCache.current = { keys: k, sorted: sortedByHash(k.hashes) };
    return byHashCache.current.sorted;
  };
  const strategy = view.strategy;
  const replicas = view.replicas;
  const nodeCount = view.nodes.length;
  const arcs = ARC_STRATEGIES.has(strategy);
  const focusNode = hover?.kind === 'node' ? hover.id : null;
  const theme = useMemo(() => themeReader(THEME), []);

  // Base layer: owner arcs, redrawn only when the ring, size, strategy or focus change.
  useEffect(() => {
    const canvas = base.current;
    if (!canvas || !ring) return;
    const ctx = setupCanvas(canvas, width, height);
    if (!ctx) return;
    ctx.clearRect(0, 0, width, height);
    const dim = focusNode === null ? null : new Set([focusNode]);
    const { muted } = theme(canvas, ring);
    drawArcs(ctx, ring, l, { background: '', muted, arcsMeaningful: arcs, dim });
    if (arcs) drawTicks(ctx, ring, l, 'rgba(255, 255, 255, 0.85)');
  }, [ring, l, width, height, arcs, focusNode, theme]);

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
    drawKeys(
      canvas,
      pts,
      keys.owners,
      focusNode === null ? null : new Set([focusNode]),
      pixelRatio(),
    );
  }, [pts, keys, width, height, focusNode]);

  // Moved keys: halos drawn once per change; CSS fades the layer out on the compositor.
  useEffect(() => {
    const canvas = movedLayer.current;
    if (!canvas || !pts || !keys) return;
    const ctx = setupCanvas(canvas, width, height);
    if (!ctx) return;
    if (keys.moved.length === 0) {
      ctx.clearRect(0, 0, width, height);
      return;
    }
    drawMoved(ctx, pts, keys, width, height);
    canvas.classList.remove('ring-fade');
    void canvas.offsetWidth; // restart the CSS animation
    canvas.classList.add('ring-fade');
  }, [pts, keys, width, height]);

  // Hover layer: redrawn only when the hover (or what it points at) changes.
  useEffect(() => {
    const canvas = hoverLayer.current;
    if (!canvas) return;
    const ctx = setupCanvas(canvas, width, height);
    if (!ctx) return;
    const { fg } = theme(canvas, ring);
    drawHover(
      ctx,
      { view: { ...view, strategy, replicas }, ring, keys, pts, hover, l, fg },
      width,
      height,
    );
    // `view` changes every frame; the drawing depends only on the fields listed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [hover, ring, keys, pts, l, width, height, strategy, replicas, nodeCount]);

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
        <canvas
          ref={movedLayer}
          style={{ width, height }}
          aria-hidden="true"
          className="ring-moved"
        />
        <canvas ref={hoverLayer} style={{ width, height }} aria-hidden="true" />
        <svg width={width} height={height} aria-hidden="true" className="ring-svg">
          {pts && !p.reducedMotion && <RequestPulses view={view} pts={pts} now={p.virtualNow()} />}
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

/** Recently routed requests as brief pulses at their keys (a handful of SVG circles). */
function RequestPulses({ view, pts, now }: { view: HashringView; pts: KeyPoints; now: number }) {
  return (
    <g className="ring-pulses">
      {view.recent.map((r, i) => {
        const age = now - r.at;
        if (age < 0 || age > 400 || r.key >= pts.x.length) return null;
        return (
          <circle
            key={`${r.at}-${i}`}
            cx={pts.x[r.key]}
            cy={pts.y[r.key]}
            r={3 + age / 80}
            fill={colorOf(r.node)}
            opacity={1 - age / 400}
          />
        );
      })}
    </g>
  );
}
