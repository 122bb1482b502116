/**
 * The network stage's space-time diagram of the last second or so of messages, linked to the
 * stage: hovering a line highlights the message there (if still in flight), hovering a node
 * there shades its lane here. Arrow keys step through the messages, Enter opens one.
 */
import {
  memo,
  useId,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type PointerEvent,
} from 'react';
import { BASE_THEME, setupCanvas, themeReader, useFrameLoop } from '../../ui/canvas';
import type { Live } from './live';
import { distToSegment2 } from './ring';
import { drawSpaceTime, GUTTER, lanes, type Segment } from './spacetimeDraw';

/** The time windows the learner can pick, in virtual ms (a model may pass its own). */
export const SPACETIME_WINDOWS_MS: readonly number[] = [200, 500, 1000, 3000];

export interface SpaceTimeProps {
  width: number;
  height: number;
  live: { readonly current: Live | null };
  /** Bumps with every frame: the diagram draws once per frame received. */
  seq: number;
  /** Playing: the diagram scrolls with the interpolated time between frames. */
  moving: boolean;
  /** Changes with the hover and the selection, which the drawing highlights. */
  focusKey: string;
  /** The star of a mark (an election won). */
  starColor: string;
  onNode(id: number, how: 'hover' | 'leave' | 'activate'): void;
  /** A history record (-1 to clear the hover). */
  onRecord(record: number, how: 'hover' | 'leave' | 'activate'): void;
  /** The model's class prefix, for its own styles and tests (`raft` gives `raft-spacetime`). */
  prefix: string;
  /** The windows offered (virtual ms), for a model whose messages take longer than Raft's. */
  windowsMs?: readonly number[];
  /** The window shown first (one of `windowsMs`): the first one unless given. */
  initialWindowMs?: number;
}

export const SpaceTime = memo(function SpaceTime(p: SpaceTimeProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const windows = p.windowsMs ?? SPACETIME_WINDOWS_MS;
  const [windowMs, setWindowMs] = useState(p.initialWindowMs ?? windows[0] ?? 200);
  const segments = useRef<Segment[]>([]);
  const hintId = useId();
  const w = Math.max(120, p.width);
  const h = Math.max(90, p.height - 26);
  const { live, onRecord, onNode, prefix } = p;
  const theme = useMemo(() => themeReader(BASE_THEME), []);
  const drawn = useRef('');
  useFrameLoop(() => {
    const c = canvas.current;
    const l = live.current;
    if (!c || !l) return;
    const now = l.virtualNow();
    // Nothing moved and nothing was hovered: keep the last picture.
    const key = `${l.seq}|${now}|${p.focusKey}|${windowMs}|${w}x${h}`;
    if (key === drawn.current) return;
    drawn.current = key;
    const ctx = setupCanvas(c, w, h);
    if (ctx)
      segments.current = drawSpaceTime(ctx, w, h, l, windowMs, theme(c, `${w}x${h}`), p.starColor);
  }, p.moving);

  const hit = (
    e: PointerEvent<HTMLCanvasElement>,
  ): { node: number } | { record: number } | null => {
    const rect = e.currentTarget.getBoundingClientRect();
    const x = e.clientX - rect.left;
    const y = e.clientY - rect.top;
    const n = live.current?.lanes.length ?? 0;
    if (x < GUTTER) {
      const L = lanes(n, w, h, 0, windowMs);
      const s = Math.floor((y - L.top) / L.laneH);
      return s >= 0 && s < n ? { node: s } : null;
    }
    let best = -1;
    let bestD = 7 * 7;
    for (const s of segments.current) {
      const d = distToSegment2(x, y, s.ax, s.ay, s.bx, s.by);
      if (d < bestD) {
        bestD = d;
        best = s.record;
      }
    }
    return best >= 0 ? { record: best } : null;
  };

  const lastHover = useRef<string>('');
  const onMove = (e: PointerEvent<HTMLCanvasElement>) => {
    const hitAt = hit(e);
    const key = JSON.stringify(hitAt);
    if (key === lastHover.current) return;
    lastHover.current = key;
    if (!hitAt) onRecord(-1, 'leave');
    else if ('node' in hitAt) onNode(hitAt.node, 'hover');
    else onRecord(hitAt.record, 'hover');
  };

  const onClick = (e: PointerEvent<HTMLCanvasElement>) => {
    const hitAt = hit(e);
    if (!hitAt) return;
    if ('node' in hitAt) onNode(hitAt.node, 'activate');
    else onRecord(hitAt.record, 'activate');
  };

  const onKey = (e: KeyboardEvent) => {
    const l = live.current;
    if (!l) return;
    const msgs = l.records;
    if (!msgs.length) return;
    const cur =
      l.hover?.kind === 'message'
        ? msgs.findIndex((m) => m.id === (l.hover as { record: number }).record)
        : -1;
    if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
      e.preventDefault();
      const next =
        cur < 0
          ? msgs.length - 1
          : Math.max(0, Math.min(msgs.length - 1, cur + (e.key === 'ArrowLeft' ? -1 : 1)));
      onRecord(msgs[next]!.id, 'hover');
    } else if ((e.key === 'Enter' || e.key === ' ') && cur >= 0) {
      e.preventDefault();
      onRecord(msgs[cur]!.id, 'activate');
    } else if (e.key === 'Escape') onRecord(-1, 'leave');
  };

  return (
    <div className={`net-spacetime ${prefix}-spacetime`} style={{ width: w, height: p.height }}>
      <div className="net-spacetime-head">
        <span className="net-panel-label" id={hintId}>
          Messages over time
        </span>
        <label>
          <span className="sr-only">Time window of the space-time diagram</span>
          <select value={windowMs} onChange={(e) => setWindowMs(Number(e.target.value))}>
            {windows.map((ms) => (
              <option key={ms} value={ms}>
                last {ms / 1000} s
              </option>
            ))}
          </select>
        </label>
      </div>
      <div
        className="net-spacetime-canvas"
        tabIndex={0}
        role="group"
        aria-labelledby={hintId}
        aria-describedby={`${hintId}-d`}
        onKeyDown={onKey}
        onBlur={() => onRecord(-1, 'leave')}
      >
        <p id={`${hintId}-d`} className="sr-only">
          A space-time diagram: one lane per node, time to the right, each message a line from
          sender to receiver; dashed lines are replies, a cross marks a lost message, a star an
          election won. Left and right arrows step through the messages, Enter opens one.
        </p>
        <canvas
          ref={canvas}
          style={{ width: w, height: h }}
          onPointerMove={onMove}
          onPointerLeave={() => {
            lastHover.current = '';
            onRecord(-1, 'leave');
          }}
          onClick={onClick}
          aria-hidden="true"
        />
      </div>
    </div>
  );
});
