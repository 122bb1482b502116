/** A small multi-series line chart: pure function of its data (d3 scales, React renders). */
import { area, extent, line, max as d3max, scaleLinear, scaleLog } from 'd3';
import { colorOf, shapeOf, shapePath } from '../palette';
import { formatNumber } from '../format';

export interface Series {
  label: string;
  x: readonly number[];
  y: readonly number[];
  /** A shaded band from `low` to `high` at each x (a spread over seeds), drawn under the line. */
  band?: { low: readonly number[]; high: readonly number[]; label: string };
}

export interface LineChartProps {
  series: Series[];
  width: number;
  height: number;
  xLabel: string;
  yLabel: string;
  logX?: boolean;
  /** Draw a marker at each point (for sparse experiment results). */
  markers?: boolean;
  yMin?: number;
  /** Step-after lines (CDFs). */
  step?: boolean;
  title: string;
  formatX?(x: number): string;
  formatY?(y: number): string;
}

const M = { top: 10, right: 16, bottom: 34, left: 60 };

export function LineChart(p: LineChartProps) {
  const w = Math.max(60, p.width - M.left - M.right);
  const h = Math.max(40, p.height - M.top - M.bottom);
  const xs = p.series.flatMap((s) => s.x.filter(Number.isFinite));
  const ys = p.series.flatMap((s) =>
    [...s.y, ...(s.band?.high ?? []), ...(s.band?.low ?? [])].filter(Number.isFinite),
  );
  const [x0, x1] = extent(xs) as [number | undefined, number | undefined];
  const y1 = d3max(ys) ?? 1;
  const x = (p.logX ? scaleLog() : scaleLinear())
    .domain([x0 ?? (p.logX ? 1 : 0), x1 === x0 ? (x1 ?? 1) + 1 : (x1 ?? 1)])
    .range([0, w]);
  const y = scaleLinear()
    .domain([p.yMin ?? 0, y1 > (p.yMin ?? 0) ? y1 : (p.yMin ?? 0) + 1])
    .nice()
    .range([h, 0]);
  // On a log axis label only the decades (1, 10, 100...), or d3's many minor ticks collide.
  const decades = p.logX
    ? x.ticks().filter((t) => Math.abs(Math.log10(t) - Math.round(Math.log10(t))) < 1e-9)
    : [];
  const xTicks = p.logX ? (decades.length >= 2 ? decades : x.ticks(3)) : x.ticks(5);
  const fx = p.formatX ?? ((v: number) => formatNumber(v));
  const fy = p.formatY ?? ((v: number) => formatNumber(v));
  const path = line<[number, number]>()
    .defined(([a, b]) => Number.isFinite(a) && Number.isFinite(b))
    .x(([a]) => x(a))
    .y(([, b]) => y(b));
  const bandPath = (s: Series): string => {
    const b = s.band;
    if (!b) return '';
    const pts = s.x.map((xv, i) => [xv, b.low[i]!, b.high[i]!] as const);
    return (
      area<readonly [number, number, number]>()
        .defined(([a, lo, hi]) => [a, lo, hi].every(Number.isFinite))
        .x(([a]) => x(a))
        .y0(([, lo]) => y(lo))
        .y1(([, , hi]) => y(hi))(pts) ?? ''
    );
  };
  const stepped = (s: Series): [number, number][] => {
    const pts: [number, number][] = [];
    s.x.forEach((xv, i) => {
      const yv = s.y[i]!;
      if (p.step && i > 0) pts.push([xv, s.y[i - 1]!]);
      pts.push([xv, yv]);
    });
    return pts;
  };
  return (
    <svg className="chart" width={p.width} height={p.height} role="img" aria-label={p.title}>
      <title>{p.title}</title>
      <g transform={`translate(${M.left},${M.top})`}>
        {y.ticks(4).map((t) => (
          <g key={`y${t}`} transform={`translate(0,${y(t)})`}>
            <line x2={w} className="grid" />
            <text x={-6} dy="0.32em" textAnchor="end" className="tick">
              {fy(t)}
            </text>
          </g>
        ))}
        {xTicks.map((t) => (
          <text key={`x${t}`} x={x(t)} y={h + 16} textAnchor="middle" className="tick">
            {fx(t)}
          </text>
        ))}
        <line y1={h} y2={h} x2={w} className="axis" />
        <text x={w / 2} y={h + 30} textAnchor="middle" className="axis-label">
          {p.xLabel}
        </text>
        <text
          transform={`translate(${-48},${h / 2}) rotate(-90)`}
          textAnchor="middle"
          className="axis-label"
        >
          {p.yLabel}
        </text>
        {p.series.map((s, i) => (
          <g key={s.label}>
            {s.band ? (
              <path
                d={bandPath(s)}
                fill={colorOf(i)}
                fillOpacity={0.18}
                stroke={colorOf(i)}
                strokeOpacity={0.45}
                strokeDasharray="3 3"
                className="chart-band"
              >
                <title>{s.band.label}</title>
              </path>
            ) : null}
            <path
              d={path(stepped(s)) ?? ''}
              fill="none"
              stroke={colorOf(i)}
              strokeWidth={2}
              strokeDasharray={i % 3 === 1 ? '5 3' : i % 3 === 2 ? '2 2' : undefined}
            />
            {p.markers &&
              s.x.map((xv, j) =>
                Number.isFinite(s.y[j]) ? (
                  <path
                    key={j}
                    d={shapePath(shapeOf(i * 8), 3.5)}
                    transform={`translate(${x(xv)},${y(s.y[j]!)})`}
                    fill={colorOf(i)}
                  />
                ) : null,
              )}
          </g>
        ))}
      </g>
    </svg>
  );
}
