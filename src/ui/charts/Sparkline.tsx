/** A tiny line of a metric over time, for the metrics panel. */
import { extent, line, scaleLinear } from 'd3';

export function Sparkline({
  t,
  v,
  width = 90,
  height = 22,
  label,
}: {
  t: readonly number[];
  v: readonly number[];
  width?: number;
  height?: number;
  label: string;
}) {
  const n = Math.min(t.length, v.length);
  const from = Math.max(0, n - 300);
  const pts: [number, number][] = [];
  for (let i = from; i < n; i++) if (Number.isFinite(v[i])) pts.push([t[i]!, v[i]!]);
  const [x0 = 0, x1 = 1] = extent(pts, (p) => p[0]);
  const [y0 = 0, y1 = 1] = extent(pts, (p) => p[1]);
  const x = scaleLinear()
    .domain([x0, x1 > x0 ? x1 : x0 + 1])
    .range([1, width - 1]);
  const y = scaleLinear()
    .domain([Math.min(0, y0), y1 > y0 ? y1 : y0 + 1])
    .range([height - 2, 2]);
  const d =
    line<[number, number]>()
      .x((p) => x(p[0]))
      .y((p) => y(p[1]))(pts) ?? '';
  return (
    <svg
      className="sparkline"
      width={width}
      height={height}
      role="img"
      aria-label={`${label} over time`}
    >
      <path d={d} fill="none" stroke="currentColor" strokeWidth={1.5} />
    </svg>
  );
}
