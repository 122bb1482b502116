/**
 * A tiny line of a metric over time, for the metrics panel. Plain arithmetic instead of d3
 * scales: the panel is on every widget's first screen, and d3 would weigh 14 kB gzip there.
 */

/** The SVG path of the points scaled into the box (x over time, y from min(0, lowest)). */
export function sparkPath(
  t: readonly number[],
  v: readonly number[],
  width: number,
  height: number,
): string {
  const n = Math.min(t.length, v.length);
  const from = Math.max(0, n - 300);
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = 0;
  let y1 = -Infinity;
  for (let i = from; i < n; i++) {
    const y = v[i]!;
    if (!Number.isFinite(y)) continue;
    x0 = Math.min(x0, t[i]!);
    x1 = Math.max(x1, t[i]!);
    y0 = Math.min(y0, y);
    y1 = Math.max(y1, y);
  }
  if (x1 < x0) return '';
  const dx = x1 > x0 ? x1 - x0 : 1;
  const dy = y1 > y0 ? y1 - y0 : 1;
  const sx = (width - 2) / dx;
  const sy = (height - 4) / dy;
  const r = (z: number) => Math.round(z * 100) / 100;
  let d = '';
  for (let i = from; i < n; i++) {
    const y = v[i]!;
    if (!Number.isFinite(y)) continue;
    d += `${d ? 'L' : 'M'}${r(1 + (t[i]! - x0) * sx)},${r(height - 2 - (y - y0) * sy)}`;
  }
  return d;
}

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
  return (
    <svg
      className="sparkline"
      width={width}
      height={height}
      role="img"
      aria-label={`${label} over time`}
    >
      <path
        d={sparkPath(t, v, width, height)}
        fill="none"
        stroke="currentColor"
        strokeWidth={1.5}
      />
    </svg>
  );
}
