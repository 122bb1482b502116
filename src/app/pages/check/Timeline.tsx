/**
 * A violation's operations drawn Porcupine-style: one lane per process, one bar per operation from
 * its invocation to its response, in the order the history gives (ranked positions, not time).
 * The failing op is outlined heavily and marked "!", the ops the explanation names are ringed,
 * failed ops are hatched and ops without a response run off the right edge with an open end.
 * The drawing is an image with a text alternative; the table after it lists the same ops.
 */
import { OKABE_ITO } from '../../../ui/palette';
import type { Format } from '../../../worker/checkApi';
import { longLabel, shortLabel, type FailingWindow } from './window';

const LANE_H = 34;
const BAR_H = 20;
const LABEL_W = 44;
/** Width of one position: room for the longest label, within a drawing about 860 px wide. */
const slotWidth = (slots: number, longest: number): number =>
  Math.max(24, Math.min(90, Math.max(860 / Math.max(1, slots), longest * 7.5 + 10)));
const PAD = 10;

const FILL = { ok: OKABE_ITO[2], info: OKABE_ITO[1], fail: OKABE_ITO[7], pending: OKABE_ITO[4] };

export function Timeline({
  win,
  title,
  format,
}: {
  win: FailingWindow;
  title: string;
  format: Format;
}) {
  const longest = Math.max(0, ...win.ops.map((o) => shortLabel(o.op).length + 2));
  const slotW = slotWidth(win.slots, longest);
  const width = LABEL_W + PAD * 2 + Math.max(4, win.slots) * slotW;
  const height = win.processes.length * LANE_H + PAD;
  const lane = new Map(win.processes.map((p, i) => [p, i]));
  const x = (slot: number) => LABEL_W + PAD + slot * slotW;
  const right = x(win.slots) + PAD / 2;
  return (
    <figure className="check-timeline">
      <div className="check-timeline-scroll">
        <svg width={width} height={height} role="img" aria-label={title}>
          <defs>
            <pattern
              id="check-hatch"
              width="6"
              height="6"
              patternUnits="userSpaceOnUse"
              patternTransform="rotate(45)"
            >
              <rect width="6" height="6" fill="var(--panel)" />
              <line x1="0" y1="0" x2="0" y2="6" stroke={FILL.fail} strokeWidth="3" />
            </pattern>
          </defs>
          {win.processes.map((p, i) => (
            <g key={p} transform={`translate(0,${PAD / 2 + i * LANE_H})`}>
              <rect
                x={LABEL_W}
                width={width - LABEL_W}
                height={LANE_H}
                className={`lane-${i % 2}`}
              />
              <text x={6} y={LANE_H / 2} dy="0.35em" className="check-lane-label">
                P{p}
              </text>
            </g>
          ))}
          {win.ops.map(({ op, start, end, role }) => {
            const y = PAD / 2 + lane.get(op.process)! * LANE_H + (LANE_H - BAR_H) / 2;
            const x0 = x(start);
            const x1 = end === null ? right : x(end);
            const w = Math.max(8, x1 - x0);
            const fill = op.type === 'fail' ? 'url(#check-hatch)' : FILL[op.type];
            return (
              <g
                key={op.id}
                className={`check-op role-${role} type-${op.type}`}
                data-op={op.id}
                data-role={role}
              >
                <title>{longLabel(op, format)}</title>
                <rect
                  x={x0}
                  y={y}
                  width={w}
                  height={BAR_H}
                  rx={3}
                  fill={fill}
                  fillOpacity={op.type === 'fail' ? 1 : 0.35}
                  stroke={role === 'other' ? FILL[op.type] : 'var(--fg)'}
                  strokeWidth={role === 'violation' ? 3 : role === 'named' ? 2 : 1}
                  strokeDasharray={
                    role === 'named' ? '5 3' : end === null ? `${w - 4} 4` : undefined
                  }
                />
                <text x={x0 + 4} y={y + BAR_H / 2} dy="0.35em" className="check-bar-label">
                  {role === 'violation' ? '! ' : ''}
                  {shortLabel(op)}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
      <figcaption className="check-legend">
        <span>
          <span className="sw sw-violation" aria-hidden="true">
            !
          </span>{' '}
          the operation no order can place
        </span>
        <span>
          <span className="sw sw-named" aria-hidden="true" /> operations the explanation names
        </span>
        <span>
          <span className="sw sw-fail" aria-hidden="true" /> failed (did not happen)
        </span>
        <span>
          <span className="sw sw-open" aria-hidden="true" /> no response (may have happened)
        </span>
        <span>Bars run from invocation to response, in the history&apos;s order.</span>
      </figcaption>
    </figure>
  );
}
