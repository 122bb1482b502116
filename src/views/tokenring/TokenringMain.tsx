/**
 * The token ring drawn on the network stage: nodes on a ring, each with its token timeout as an
 * arc, the links between neighbours (cut by a partition), messages in flight, and the space-time
 * diagram beside the ring (under it when narrow). Clicking a node picks it for the toolbar's
 * Crash and Restart, or moves it to side B while a partition is drawn.
 */
import { memo, useCallback, useLayoutEffect, useMemo, useRef } from 'react';
import { useStore } from 'zustand';
import type { InFlight } from '../../sim/core/types';
import { draftStatus, groupIndexes, partitionSentence, sideLetter } from '../network/draft';
import { liveOfProps, type Live } from '../network/live';
import { setTimerArc, useTimerArcs, type How } from '../network/nodes';
import { linkMessages } from '../network/records';
import { alongLink, ringKeepOut, ringLayout } from '../network/ring';
import { RingNode } from '../network/RingNode';
import { NodeLegend, RingScene, ringSplit } from '../network/RingScene';
import { SpaceTime } from '../network/SpaceTime';
import { NetworkStage } from '../network/Stage';
import { useNodeFocus } from '../network/useNodeFocus';
import { flightStyle, NODE_STYLE, nodeName, recordStyle, type NodeKey } from './style';
import type { NodeView, TokenringProps } from './types';

const STATUS_H = 16;
const LABEL_W = 100;

const keyOf = (n: NodeView): NodeKey => (!n.up ? 'crashed' : n.holding ? 'holder' : 'waiting');

export function TokenringMain(p: TokenringProps) {
  const { view, frame, ui } = p;
  const split = ringSplit(p.width, p.height, 120, 200);
  const { ring } = split;
  const n = view.nodes.length;
  const l = useMemo(() => ringLayout(n, ring.w, ring.h - STATUS_H), [n, ring.w, ring.h]);
  const keepOut = useMemo(() => ringKeepOut(l, LABEL_W), [l]);
  const draft = useStore(ui);
  const { hover, onNode, onRecord } = useNodeFocus(ui, (id) =>
    ui.setState((s) => ({ target: s.target === id ? -1 : id })),
  );
  const links = useMemo(
    () => linkMessages(view.messages, frame.inFlight),
    [view.messages, frame.inFlight],
  );

  const live = useRef<Live | null>(null);
  useLayoutEffect(() => {
    live.current = {
      ...liveOfProps(p),
      now: view.now,
      lanes: view.nodes.map((x) => ({
        name: x.name,
        color: NODE_STYLE[keyOf(x)].color,
        down: !x.up,
      })),
      records: view.messages,
      marks: view.regenerations.map((r) => ({ at: r.at, lane: r.node, label: `g${r.gen}` })),
      styleOf: recordStyle,
      links,
      hover,
      selected: null,
    };
  });

  // Token timeouts as arcs, shrunk by the stage's frame loop.
  const { arcs, registerArc } = useTimerArcs();
  const nodes = useRef(view.nodes);
  useLayoutEffect(() => {
    nodes.current = view.nodes;
  });
  const onFrame = useCallback(
    (now: number) => {
      for (const x of nodes.current) {
        const left = x.regenAt >= 0 && x.regenWaitMs > 0 ? (x.regenAt - now) / x.regenWaitMs : 0;
        const el = arcs.get(x.id);
        if (el) setTimerArc(el, left);
      }
    },
    [arcs],
  );
  const pointAt = useCallback((f: InFlight, u: number) => alongLink(l, f.from, f.to, u), [l]);

  const groupOf = groupIndexes(view.partition, n);
  const holders = view.holders.map(nodeName);
  const headline = holders.length
    ? holders.length === 1
      ? `${holders[0]} holds the token`
      : `${holders.length} tokens: ${holders.join(', ')}`
    : 'No node holds the token';
  const summary = `${n} nodes on a ring. ${headline}; newest generation ${view.generation}. ${view.nodes
    .map((x) => `${x.name} ${NODE_STYLE[keyOf(x)].label}`)
    .join(', ')}.${view.partition ? ` ${partitionSentence(view.partition, nodeName)}` : ''}`;
  const hovered = hover?.kind === 'node' ? view.nodes[hover.id] : undefined;
  const status = draft.drafting
    ? draftStatus(draft.sideB, nodeName)
    : hovered
      ? `${hovered.name}: ${NODE_STYLE[keyOf(hovered)].label}, has seen generation ${hovered.gen}${hovered.skips.length ? `, skips ${hovered.skips.join(', ')}` : ''}.`
      : 'The arc is the time left before a node makes a new token. Click a node to pick it for Crash and Restart.';

  return (
    <RingScene
      prefix="tokenring"
      split={split}
      height={p.height}
      drafting={draft.drafting}
      data={{ 'data-holders': view.holders.join(','), 'data-generation': view.generation }}
      legend={<NodeLegend items={Object.values(NODE_STYLE)} />}
      status={status}
      stage={
        <NetworkStage
          width={ring.w}
          height={ring.h}
          className="net-scene-svg"
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
                const cut = !!groupOf && groupOf[i] !== groupOf[(i + 1) % n];
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
              <text x={l.cx} y={l.cy} textAnchor="middle" className="net-center">
                {headline}
              </text>
              <text x={l.cx} y={l.cy + 16} textAnchor="middle" className="net-center-sub">
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
              group={sideLetter(groupOf, x.id)}
              draftSide={draft.drafting ? (draft.sideB.includes(x.id) ? 'B' : 'A') : null}
              registerArc={registerArc}
              onNode={onNode}
            />
          ))}
        </NetworkStage>
      }
      spaceTime={
        <SpaceTime
          width={split.time.width}
          height={split.time.height}
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
      }
    />
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
