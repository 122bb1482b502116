/**
 * The main drawing: clients -> cache -> database with sampled requests as moving dots, the hot
 * keys' expiry countdowns and recomputes in flight, the database's slots and queue, and below it
 * the database load over the last 10 s. One canvas, redrawn in a requestAnimationFrame loop only
 * when the frame, the interpolated time, the size or the theme changed; the HTML around it is the
 * legend and a text summary for screen readers and tests.
 */
import { useLayoutEffect, useMemo, useRef } from 'react';
import {
  BASE_THEME,
  setupCanvas,
  themeReader,
  useFrameLoop,
  type ThemeSpec,
} from '../../ui/canvas';
import { formatInt, formatNumber, formatPercent } from '../../ui/format';
import { useSize } from '../../ui/hooks';
import { shapePath } from '../../ui/palette';
import { drawChart, peakLoad } from './chart';
import { placeRequests, tally } from './dots';
import { drawPipeline, type Theme } from './draw';
import { layout } from './layout';
import { LEGEND, OUTCOMES } from './outcomes';
import type { StampedeProps } from './types';

/**
 * Virtual ms per visual hop between boxes. A cache read takes no virtual time, so every hop the
 * drawing adds makes the dots lag the counters beside them; a hop of about 120 ms of wall time
 * reads as simultaneous at any speed (and never longer than 180 virtual ms, so fast playback
 * does not smear the dots over seconds of simulated time).
 */
export const legMs = (speed: number | 'max'): number =>
  speed === 'max' ? 180 : Math.min(180, Math.max(10, 120 * speed));
/** One dot per this many requests: the model samples about 80 arrivals per virtual second. */
export const perDot = (rate: number) => Math.max(1, Math.ceil(rate / 80));

/** The colours and font the canvas reads from the page's theme. */
const THEME = {
  fg: BASE_THEME.fg,
  muted: BASE_THEME.muted,
  panel: BASE_THEME.panel,
  grid: BASE_THEME.grid,
  bad: BASE_THEME.bad,
  font: ['--font', 'system-ui'],
} as const satisfies ThemeSpec<keyof Theme>;

export function PipelineView(p: StampedeProps) {
  const { view } = p;
  const width = Math.max(320, p.width);
  // The legend wraps on narrow stages: the canvas gets what it leaves.
  const legend = useRef<HTMLUListElement>(null);
  const legendH = useSize(legend, { width, height: 26 }).height;
  const height = Math.max(300, p.height - Math.ceil(legendH) - 4);
  const hot = view.hotKeys.length;
  const g = useMemo(() => layout(width, height, hot), [width, height, hot]);
  const canvas = useRef<HTMLCanvasElement>(null);

  const leg = legMs(p.frame.status.speed);
  const latest = useRef({ view, g, leg, reduced: p.reducedMotion, virtualNow: p.virtualNow });
  useLayoutEffect(() => {
    latest.current = { view, g, leg, reduced: p.reducedMotion, virtualNow: p.virtualNow };
  });

  const readTheme = useMemo(() => themeReader(THEME), []);
  useFrameLoop(() => {
    const c = canvas.current;
    const s = latest.current;
    if (!c || !s.view) return;
    const theme: Theme = readTheme(c, s.view);
    const v = s.reduced ? s.view.t : s.virtualNow();
    const ctx = setupCanvas(c, s.g.width, height);
    if (!ctx) return;
    ctx.clearRect(0, 0, s.g.width, height);
    const marks = s.reduced
      ? null
      : placeRequests(s.view.requests, v, s.g, s.view.db.capacity, s.leg);
    const t = tally(s.view.requests, v, 1000);
    // With dots, say what they show; without, estimate from the samples at the frame's time.
    const waiting = marks ? marks.filter((m) => m.parked).length : t.waiting;
    drawPipeline(ctx, s.g, s.view, v, theme, marks, {
      waiting: waiting * perDot(s.view.rate),
      perDot: perDot(s.view.rate),
    });
    drawChart(ctx, s.g.chart, s.view, theme);
  }, p.frame.status.playing && !p.reducedMotion);

  const k0 = view.hotKeys[0];
  const peak = peakLoad(view.history);
  const per = perDot(view.rate);
  const counts = p.reducedMotion ? tally(view.requests, view.t, 1000).counts : null;
  const summary =
    `Cache stampede, ${view.strategy} strategy, ${formatInt(view.rate)} requests per second. ` +
    `Database: ${view.db.running} of ${view.db.capacity} slots busy, ${formatInt(view.db.queue)} queued; ` +
    `peak load in the last 10 seconds ${formatInt(peak)}. ` +
    (k0
      ? `Key 0: ${k0.inFlight} recomputations in flight, ${k0.lastHerd} at its last expiry. `
      : '') +
    `Hit ratio ${formatPercent(view.stats.hitRatio)}, p99 latency ${formatNumber(view.stats.latencyP99Ms, 1)} ms, ` +
    `${formatInt(view.stats.totalTimeouts)} timeouts.`;

  return (
    <div className="stampede-view" style={{ width: '100%', height: p.height }}>
      <ul
        ref={legend}
        className="stampede-legend"
        aria-label="Legend: how each request was answered"
      >
        {LEGEND.map((o) => (
          <li key={o}>
            <svg width="12" height="12" viewBox="-6 -6 12 12" aria-hidden="true">
              <path d={shapePath(OUTCOMES[o].shape, 4.5)} fill={OUTCOMES[o].color} />
            </svg>
            {OUTCOMES[o].label}
            {counts ? ` ${formatInt(counts[o as keyof typeof counts] * per)}/s` : ''}
          </li>
        ))}
        <li className="stampede-per-dot">
          {p.reducedMotion ? 'last second, estimated' : `1 dot ≈ ${formatInt(per)} requests`}
        </li>
      </ul>
      <canvas ref={canvas} style={{ width: g.width, height }} role="img" aria-label={summary} />
      <p
        className="sr-only"
        data-testid="stampede-status"
        data-strategy={view.strategy}
        data-db-peak={peak}
        data-db-running={view.db.running}
        data-db-queue={view.db.queue}
        data-herd={k0?.lastHerd ?? 0}
        data-inflight={k0?.inFlight ?? 0}
        data-timeouts={view.stats.totalTimeouts}
        data-expiries={view.history.expiries.length}
      >
        {summary}
      </p>
    </div>
  );
}
