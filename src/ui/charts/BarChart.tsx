/** Bars per category with a dashed mean line: loads per node, results per strategy. */
import { mean as d3mean, scaleBand, scaleLinear, max as d3max } from 'd3';
import { colorOf } from '../palette';
import { formatNumber } from '../format';

export interface Bar {
  label: string;
  value: number;
  /** Palette index; defaults to the bar's position. */
  color?: number;
  highlight?: boolean;
}

export interface BarChartProps {
  bars: Bar[];
  width: number;
  height: number;
  yLabel: string;
  title: string;
  showMean?: boolean;
  /** Text under the chart, e.g. "CV 0.12". */
  caption?: string;
  onHover?(index: number | null): void;
}

const M = { top: 12, right: 10, bottom: 28, left: 56 };

export function BarChart(p: BarChartProps) {
  const w = Math.max(40, p.width - M.left - M.right);
  const h = Math.max(30, p.height - M.top - M.bottom);
  const x = scaleBand<number>()
    .domain(p.bars.map((_, i) => i))
    .range([0, w])
    .padding(p.bars.length > 30 ? 0.05 : 0.2);
  const top = d3max(p.bars, (b) => b.value) ?? 1;
  const y = scaleLinear()
    .domain([0, top > 0 ? top : 1])
    .nice()
    .range([h, 0]);
  const mean = d3mean(p.bars, (b) => b.value) ?? 0;
  const showLabels = p.bars.length <= 16;
  return (
    <figure className="bar-chart">
      <svg
        width={p.width}
        height={p.height}
        role="img"
        aria-label={`${p.title}. ${p.caption ?? ''}`}
      >
        <title>{p.title}</title>
        <g transform={`translate(${M.left},${M.top})`}>
          {y.ticks(4).map((t) => (
            <g key={t} transform={`translate(0,${y(t)})`}>
              <line x2={w} className="grid" />
              <text x={-6} dy="0.32em" textAnchor="end" className="tick">
                {formatNumber(t)}
              </text>
            </g>
          ))}
          {p.bars.map((b, i) => (
            <rect
              key={`${b.label}-${i}`}
              x={x(i)}
              y={y(b.value)}
              width={x.bandwidth()}
              height={Math.max(0, h - y(b.value))}
              fill={colorOf(b.color ?? i)}
              stroke={b.highlight ? 'var(--fg)' : 'none'}
              strokeWidth={2}
              onMouseEnter={() => p.onHover?.(i)}
              onMouseLeave={() => p.onHover?.(null)}
            >
              <title>{`${b.label}: ${formatNumber(b.value)}`}</title>
            </rect>
          ))}
          {showLabels &&
            p.bars.map((b, i) => (
              <text
                key={`l${i}`}
                x={(x(i) ?? 0) + x.bandwidth() / 2}
                y={h + 14}
                textAnchor="middle"
                className="tick"
              >
                {b.label}
              </text>
            ))}
          {p.showMean && p.bars.length > 0 && (
            <g transform={`translate(0,${y(mean)})`}>
              <line x2={w} className="mean-line" />
              <text x={w} dy="-0.3em" textAnchor="end" className="tick">
                mean {formatNumber(mean)}
              </text>
            </g>
          )}
          <line y1={h} y2={h} x2={w} className="axis" />
          <text
            transform={`translate(${-46},${h / 2}) rotate(-90)`}
            textAnchor="middle"
            className="axis-label"
          >
            {p.yLabel}
          </text>
        </g>
      </svg>
      {p.caption ? <figcaption>{p.caption}</figcaption> : null}
    </figure>
  );
}
