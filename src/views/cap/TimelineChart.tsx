/**
 * Availability and stale reads per second of virtual time: availability (the share of operations
 * that completed ok) as a line with round markers on a 0-100% scale, stale reads as hatched bars
 * on their own count scale. Seconds with no completed operation leave a gap.
 */
import { memo } from 'react';
import { OKABE_ITO } from '../../ui/palette';
import type { CapView } from './types';

const M = { top: 8, right: 26, bottom: 18, left: 32 };
const SECONDS = 30;

export const TimelineChart = memo(function TimelineChart({
  buckets,
  bucketMs,
  nowMs,
  width,
  height,
  prefix,
}: {
  buckets: CapView['timeline']['buckets'];
  bucketMs: number;
  nowMs: number;
  width: number;
  height: number;
  prefix: string;
}) {
  const w = width - M.left - M.right;
  const h = height - M.top - M.bottom;
  const end = Math.max(SECONDS * bucketMs, Math.ceil((nowMs + 1) / bucketMs) * bucketMs);
  const start = end - SECONDS * bucketMs;
  const shown = buckets.filter((b) => b.t >= start && b.t < end);
  const x = (t: number) => ((t - start) / (end - start)) * w;
  const bw = (bucketMs / (end - start)) * w;
  const staleMax = Math.max(1, ...shown.map((b) => b.stale));
  const yA = (v: number) => h - v * h;
  const yS = (v: number) => h - (v / staleMax) * h;
  const points = shown
    .map((b) => {
      const done = b.ok + b.fail + b.info;
      return done ? { t: b.t, v: b.ok / done } : null;
    })
    .filter((pt): pt is { t: number; v: number } => pt !== null);
  // Break the line where a second had no completed operations.
  let d = '';
  points.forEach((pt, i) => {
    const prev = points[i - 1];
    const join = prev && pt.t - prev.t <= bucketMs;
    d += `${join ? 'L' : 'M'}${(x(pt.t) + bw / 2).toFixed(1)},${yA(pt.v).toFixed(1)}`;
  });
  const last = points[points.length - 1];
  const staleTotal = shown.reduce((a, b) => a + b.stale, 0);
  const label = `Availability and stale reads, last ${SECONDS} s: ${last ? `availability ${Math.round(last.v * 100)}% in the latest second` : 'no operations yet'}, ${staleTotal} stale reads.`;
  const tickStep = 10_000;
  const ticks: number[] = [];
  for (let t = Math.ceil(start / tickStep) * tickStep; t <= end; t += tickStep) ticks.push(t);
  return (
    <figure className="cap-timeline">
      <svg width={width} height={height} role="img" aria-label={label}>
        <defs>
          <pattern
            id={`${prefix}-stale`}
            width="4"
            height="4"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <rect width="4" height="4" fill={OKABE_ITO[3]} fillOpacity="0.35" />
            <line x1="0" y1="0" x2="0" y2="4" stroke={OKABE_ITO[3]} strokeWidth="2" />
          </pattern>
        </defs>
        <g transform={`translate(${M.left},${M.top})`}>
          {[0, 0.5, 1].map((v) => (
            <g key={v} transform={`translate(0,${yA(v)})`}>
              <line x2={w} className="grid" />
              <text x={-4} dy="0.32em" textAnchor="end" className="tick">
                {v * 100}%
              </text>
            </g>
          ))}
          <text x={w + 4} y={0} dy="0.32em" className="tick">
            {staleMax}
          </text>
          <text x={w + 4} y={h} dy="0.32em" className="tick">
            0
          </text>
          {shown.map((b) =>
            b.stale ? (
              <rect
                key={b.t}
                x={x(b.t) + 1}
                y={yS(b.stale)}
                width={Math.max(1, bw - 2)}
                height={h - yS(b.stale)}
                fill={`url(#${prefix}-stale)`}
                stroke={OKABE_ITO[3]}
              />
            ) : null,
          )}
          <path d={d} fill="none" stroke={OKABE_ITO[0]} strokeWidth={2} />
          {points.map((pt) => (
            <circle key={pt.t} cx={x(pt.t) + bw / 2} cy={yA(pt.v)} r={2.2} fill={OKABE_ITO[0]} />
          ))}
          {ticks.map((t) => (
            <text key={t} x={x(t)} y={h + 13} textAnchor="middle" className="tick">
              {t / 1000} s
            </text>
          ))}
        </g>
      </svg>
      <figcaption className="cap-timeline-legend">
        <span>
          <svg width="18" height="8" aria-hidden="true">
            <line x1="0" y1="4" x2="18" y2="4" stroke={OKABE_ITO[0]} strokeWidth="2" />
            <circle cx="9" cy="4" r="2.5" fill={OKABE_ITO[0]} />
          </svg>
          availability per second (left)
        </span>
        <span>
          <svg width="10" height="10" aria-hidden="true">
            <rect width="10" height="10" fill={`url(#${prefix}-stale)`} stroke={OKABE_ITO[3]} />
          </svg>
          stale reads per second (right)
        </span>
      </figcaption>
    </figure>
  );
});
