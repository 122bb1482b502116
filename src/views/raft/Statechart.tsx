/**
 * The role statechart of the paper's Figure 4, with each server drawn in the state it is in and
 * the transitions taken in the last moments highlighted.
 */
import { memo, useId } from 'react';
import { ROLE_STYLE, serverName } from './style';

type State = 'follower' | 'candidate' | 'leader';
export type Transition = 'timeout' | 'retry' | 'win' | 'defer' | 'depose';

export interface ChartServer {
  id: number;
  role: 'follower' | 'candidate' | 'leader' | 'crashed';
  pre: boolean;
}

const BOX: Record<State, { x: number; label: string }> = {
  follower: { x: 4, label: 'Follower' },
  candidate: { x: 115, label: 'Candidate' },
  leader: { x: 226, label: 'Leader' },
};
const BOX_Y = 62;
const BOX_W = 70;
const BOX_H = 64;

const ARROWS: { id: Transition; d: string; label: string[]; lx: number; ly: number }[] = [
  { id: 'timeout', d: 'M74,84 L113,84', label: ['times', 'out'], lx: 94, ly: 68 },
  { id: 'win', d: 'M185,84 L224,84', label: ['wins', 'majority'], lx: 205, ly: 68 },
  {
    id: 'retry',
    d: 'M136,62 C128,28 172,28 164,62',
    label: ['times out: new election'],
    lx: 150,
    ly: 22,
  },
  {
    id: 'defer',
    d: 'M128,126 Q92,152 52,128',
    label: ['discovers leader or higher term'],
    lx: 92,
    ly: 158,
  },
  {
    id: 'depose',
    d: 'M258,126 Q150,206 36,128',
    label: ['discovers higher term'],
    lx: 150,
    ly: 186,
  },
];

export const Statechart = memo(function Statechart({
  servers,
  recent,
}: {
  servers: readonly ChartServer[];
  recent: readonly Transition[];
}) {
  const markerId = useId().replace(/:/g, '');
  const down = servers.filter((s) => s.role === 'crashed');
  const inState = (st: State) => servers.filter((s) => s.role === st);
  const describe = (['follower', 'candidate', 'leader'] as State[])
    .map(
      (st) =>
        `${BOX[st].label}: ${
          inState(st)
            .map((s) => serverName(s.id) + (s.pre ? ' (asking for pre-votes)' : ''))
            .join(', ') || 'none'
        }`,
    )
    .join('. ');
  return (
    <figure className="raft-statechart">
      <figcaption className="panel-title">Roles</figcaption>
      <svg
        viewBox="0 0 300 196"
        width="100%"
        role="img"
        aria-label={`Role statechart. ${describe}.${down.length ? ` Down: ${down.map((s) => serverName(s.id)).join(', ')}.` : ''}${recent.length ? ` Just happened: ${recent.join(', ')}.` : ''}`}
      >
        <defs>
          <marker
            id={`${markerId}-a`}
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="6"
            markerHeight="6"
            orient="auto-start-reverse"
          >
            <path d="M0,0L10,5L0,10z" className="raft-sc-head" />
          </marker>
          <marker
            id={`${markerId}-b`}
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="6"
            markerHeight="6"
            orient="auto-start-reverse"
          >
            <path d="M0,0L10,5L0,10z" className="raft-sc-head lit" />
          </marker>
        </defs>
        <path d="M39,36 L39,60" className="raft-sc-arrow" markerEnd={`url(#${markerId}-a)`} />
        <circle cx={39} cy={33} r={3} className="raft-sc-start" />
        <text x={46} y={40} className="raft-sc-label">
          starts
        </text>
        {ARROWS.map((a) => {
          const lit = recent.includes(a.id);
          return (
            <g key={a.id} className={lit ? 'lit' : ''} data-transition={a.id}>
              <path
                d={a.d}
                className={`raft-sc-arrow${lit ? ' lit' : ''}`}
                markerEnd={`url(#${markerId}-${lit ? 'b' : 'a'})`}
              />
              <text x={a.lx} y={a.ly} textAnchor="middle" className="raft-sc-label">
                {a.label.map((line, i) => (
                  <tspan key={i} x={a.lx} dy={i ? '1.1em' : 0}>
                    {line}
                  </tspan>
                ))}
              </text>
            </g>
          );
        })}
        {(Object.keys(BOX) as State[]).map((st) => {
          const b = BOX[st];
          const here = inState(st);
          return (
            <g
              key={st}
              className={`raft-sc-state${here.length ? ' occupied' : ''}`}
              data-state={st}
            >
              <rect
                className="raft-sc-box"
                x={b.x}
                y={BOX_Y}
                width={BOX_W}
                height={BOX_H}
                rx={8}
                style={{ stroke: ROLE_STYLE[st].color }}
              />
              <text x={b.x + BOX_W / 2} y={BOX_Y + 13} textAnchor="middle" className="raft-sc-name">
                {b.label}
              </text>
              {here.map((s, i) => {
                const cx = b.x + 13 + (i % 3) * 22;
                const cy = BOX_Y + 26 + Math.floor(i / 3) * 14;
                return (
                  <g
                    key={s.id}
                    transform={`translate(${cx},${cy})`}
                    className={`raft-sc-chip${s.pre ? ' pre' : ''}`}
                  >
                    <rect
                      x={-10}
                      y={-6}
                      width={20}
                      height={12}
                      rx={3}
                      fill={ROLE_STYLE[st].color}
                    />
                    <text textAnchor="middle" dy="0.35em" fill={ROLE_STYLE[st].ink}>
                      {serverName(s.id)}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
        {down.length ? (
          <text x={296} y={40} textAnchor="end" className="raft-sc-label">
            down: {down.map((s) => serverName(s.id)).join(' ')}
          </text>
        ) : null}
      </svg>
    </figure>
  );
});
