/**
 * The token ring drawn on the network stage: nodes on a ring, each with its token timeout as an
 * arc, the links between neighbours (cut by a partition), messages in flight, and the space-time
 * diagram beside the ring (under it when narrow). Clicking a node picks it for the toolbar's
 * Crash and Restart, or moves it to side B while a partition is drawn.
 */
import { memo, useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { InFlight } from '../../sim/core/types';
import { shapePath } from '../../ui/palette';
import { toggleSideB } from '../network/draft';
import type { Focus, Live } from '../network/live';
import { setTimerArc, type How } from '../network/nodes';
import { linkMessages } from '../network/records';
import { alongLink, ringKeepOut, ringLayout } from '../network/ring';
import { RingNode } from '../network/RingNode';
import { SpaceTime } from '../network/SpaceTime';
import { NetworkStage } from '../network/Stage';
import { flightStyle, NODE_STYLE, nodeName, recordStyle, type NodeKey } from './style';
import type { NodeView, TokenringProps } from './types';

const STATUS_H = 16;
const LABEL_W = 100;

const keyOf = (n: NodeView): NodeKey => (!n.up ? 'crashed' : n.holding ? 'holder' : 'waiting');

export function TokenringMain(p: TokenringProps) {
  const { view, frame, ui } = p;
  const width = Math.max(260, p.width);
  const wide = width >= 640;
  const timeH = wide ? p.height : Math.round(Math.max(120, Math.min(p.height * 0.36, 200)));
  const ring = {
    w: wide ? Math.round(width * 0.55) : width,
    h: wide ? p.height : p.height - timeH,
  };
  const n = view.nodes.length;
  const l = useMemo(() => ringLayout(n, ring.w, ring.h - STATUS_H), [n, ring.w, ring.h]);
  const keepOut = useMemo(() => ringKeepOut(l, LABEL_W), [l]);
  const draft = useStore(ui);
  const [hover, setHover] = useState<Focus>(null);
  const links = useMemo(
    () => linkMessages(view.messages, frame.inFlight),
    [view.messages, frame.inFlight],
  );

  const live = useRef<Live | null>(null);
  useLayoutEffect(() => {
    live.current = {
      now: view.now,
      lanes: view.nodes.map((x) => ({
        name: x.name,
        color: NODE_STYLE[keyOf(x)].color,
        down: !x.up,
      })),
      records: view.messages,
      marks: view.regenerations.map((r) => ({ at: r.at, lane: r.node, label: `g${r.gen}` })),
      styleOf: recordStyle,
      inFlight: frame.inFlight,
      links,
      virtualNow: p.virtualNow,
      hover,
      selected: null,
      reduced: p.reducedMotion,
      latencyMs: (Number(frame.params.latencyMsMin) + Number(frame.params.latencyMsMax)) / 2,
      events: p.snapshot.log,
      seq: p.snapshot.seq,
    };
  });

  // Token timeouts as arcs, shrunk by the stage's frame loop.
  const arcs = useRef(new Map<number, SVGCircleElement>());
  const nodes = useRef(view.nodes);
  useLayoutEffect(() => {
    nodes.current = view.nodes;
  });
  const onFrame = useCallback((now: number) => {
    for (const x of nodes.current) {
      const left = x.regenAt >= 0 && x.regenWaitMs > 0 ? (x.regenAt - now) / x.regenWaitMs : 0;
      const el = arcs.current.get(x.id);
      if (el) setTimerArc(el, left);
    }
  }, []);
  const registerArc = useCallback((id: number, el: SVGCircleElement | null) => {
    if (el) arcs.current.set(id, el);
    else arcs.current.delete(id);
  }, []);
  const onNode = useCallback(
    (id: number, how: How) => {
      if (how === 'hover') setHover({ kind: 'node', id });
      else if (how === 'leave') setHover((h) => (h?.kind === 'node' && h.id === id ? null : h));
      else if (ui.getState().drafting) toggleSideB(ui, id);
      else ui.setState((s) => ({ target: s.target === id ? -1 : id }));
    },
    [ui],
  );
  const onRecord = useCallback((record: number, how: How) => {
    setHover(record < 0 || how === 'leave' ? null : { kind: 'message', record, flight: -1 });
  }, []);
  const pointAt = useCallback((f: InFlight, u: number) => alongLink(l, f.from, f.to, u), [l]);

  const groupOf = (id: number) => view.partition?.findIndex((g) => g.includes(id)) ?? -1;
  const holders = view.holders.map(nodeName);
  const headline = holders.length
    ? holders.length === 1
      ? `${holders[0]} holds the token`
      : `${holders.length} tokens: ${holders.join(', ')}`
    : 'No node holds the token';
  const summary = `${n} nodes on a ring. ${headline}; newest generation ${view.generation}. ${view.nodes
    .map((x) => `${x.name} ${NODE_STYLE[keyOf(x)].label}`)
    .join(
      ', ',
    )}.${view.partition ? ` Network partitioned: ${view.partition.map((g) => `{${g.map(nodeName).join(', ')}}`).join(' and ')}.` : ''}`;
  const hovered = hover?.kind === 'node' ? view.nodes[hover.id] : undefined;
  const status = draft.drafting
    ? `Drawing a partition: click nodes to move them to side B (now ${draft.sideB.length ? draft.sideB.map(nodeName).join(', ') : 'empty'}), then “Cut the network”.`
    : hovered
      ? `${hovered.name}: ${NODE_STYLE[keyOf(hovered)].label}, has seen generation ${hovered.gen}${hovered.skips.length ? `, skips ${hovered.skips.join(', ')}` : ''}.`
      : 'The arc is the time left before a node makes a new token. Click a node to pick it for Crash and Restart.';

  return (
    <div
      className={`tokenring-main ${wide ? 'wide' : 'narrow'}${draft.drafting ? ' drafting' : ''}`}
      style={{ height: p.height }}
      data-holders={view.holders.join(',')}
      data-generation={view.generation}
    >
      <div className="tokenring-ring" style={{ left: 0, top: 0, width: ring.w, height: ring.h }}>
        <Legend />
        <NetworkStage
          width={ring.w}
          height={ring.h}
          className="tokenring-svg"
          summary={summary}
          prefix="tokenring"
          status={frame.status}
          inFlight={frame.inFlight}
          styleOf={flightStyle}
          pointAt={pointAt}
          keepOut={keepOut}
          nameOf={nodeName}
          virtualNow={p.virtualNow}
          reducedMotion={p.reducedMotion}
          frameT={frame.t}
          onFrame={onFrame}
          backdrop={
            <g aria-hidden="true">
              {l.spots.map((a, i) => {
                const b = l.spots[(i + 1) % n]!;
                const cut = !!view.partition && groupOf(i) !== groupOf((i + 1) % n);
                return (
                  <line
                    key={i}
                    x1={a.x}
                    y1={a.y}
                    x2={b.x}
                    y2={b.y}
                    className={`net-link tokenring-link${cut ? ' cut' : ''}`}
                  />
                );
              })}
              <text x={l.cx} y={l.cy} textAnchor="middle" className="tokenring-center">
                {headline}
              </text>
              <text x={l.cx} y={l.cy + 16} textAnchor="middle" className="tokenring-center-sub">
                generation {view.generation}
              </text>
            </g>
          }
        >
          {view.nodes.map((x) => (
            <TokenNode
              key={x.id}
              node={x}
              x={l.spots[x.id]!.x}
              y={l.spots[x.id]!.y}
              a={l.spots[x.id]!.a}
              r={l.r}
              target={draft.target === x.id}
              group={view.partition ? String.fromCharCode(65 + groupOf(x.id)) : ''}
              draftSide={draft.drafting ? (draft.sideB.includes(x.id) ? 'B' : 'A') : null}
              registerArc={registerArc}
              onNode={onNode}
            />
          ))}
        </NetworkStage>
        <p className="tokenring-status" data-testid="tokenring-status">
          {status}
        </p>
      </div>
      <div
        className="tokenring-time"
        style={
          wide
            ? { left: ring.w, top: 0, width: width - ring.w, height: p.height }
            : { left: 0, top: ring.h, width, height: timeH }
        }
      >
        <SpaceTime
          width={wide ? width - ring.w : width}
          height={timeH}
          live={live}
          seq={p.snapshot.seq}
          moving={frame.status.playing && !p.reducedMotion}
          focusKey={JSON.stringify(hover)}
          starColor={NODE_STYLE.holder.color}
          // A trip round the ring takes about a second: show one.
          initialWindowMs={1000}
          onNode={onNode}
          onRecord={onRecord}
          prefix="tokenring"
        />
      </div>
    </div>
  );
}

interface TokenNodeProps {
  node: NodeView;
  x: number;
  y: number;
  a: number;
  r: number;
  target: boolean;
  group: string;
  draftSide: 'A' | 'B' | null;
  registerArc(id: number, el: SVGCircleElement | null): void;
  onNode(id: number, how: How): void;
}

const TokenNode = memo(function TokenNode(p: TokenNodeProps) {
  const k = keyOf(p.node);
  const st = NODE_STYLE[k];
  const skips = p.node.skips;
  return (
    <RingNode
      id={p.node.id}
      x={p.x}
      y={p.y}
      a={p.a}
      r={p.r}
      shape={st.shape}
      shapeR={k === 'holder' ? p.r * 1.1 : p.r}
      fill={st.color}
      ink={st.ink}
      name={p.node.name}
      crashed={k === 'crashed'}
      title={
        <>
          {p.node.name} {k === 'holder' ? '◆ token' : k === 'crashed' ? '✕ down' : ''}
        </>
      }
      detail={
        <>
          g{p.node.gen}
          {skips.length ? ` · skips ${skips.length > 2 ? skips.length : skips.join(' ')}` : ''}
        </>
      }
      group={p.group}
      draftSide={p.draftSide}
      description={`${p.node.name}: ${st.label}, generation ${p.node.gen}`}
      action={`Press Enter to ${p.target ? 'unpick it' : 'pick it for Crash and Restart'}`}
      picked={p.target}
      className={`tokenring-node state-${k}${p.target ? ' target' : ''}`}
      data={{ 'data-node': p.node.id, 'data-state': k }}
      registerTimer={(el) => p.registerArc(p.node.id, el)}
      timerClass="tokenring-timer"
      markGap={10}
      onNode={p.onNode}
    />
  );
});

function Legend() {
  return (
    <ul className="tokenring-legend" aria-label="Legend">
      {(Object.keys(NODE_STYLE) as NodeKey[]).map((k) => (
        <li key={k}>
          <svg width="12" height="12" viewBox="-7 -7 14 14" aria-hidden="true">
            <path d={shapePath(NODE_STYLE[k].shape, 5)} fill={NODE_STYLE[k].color} />
          </svg>
          {NODE_STYLE[k].label}
        </li>
      ))}
    </ul>
  );
}
