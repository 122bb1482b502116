/**
 * Two-phase commit on the network stage: TC and the participants on a ring, each participant's
 * state for its newest transaction by shape and word (working, prepared: in doubt and locked,
 * committed, aborted), how long it has been in doubt, TC's phase and whether it is down, links
 * cut by a partition, messages in flight, and the space-time diagram beside it (under it when
 * narrow). Clicking a participant picks it for the toolbar; while a partition is drawn it moves
 * the node to side B.
 */
import { memo, useCallback, useLayoutEffect, useMemo, useRef } from 'react';
import { useStore } from 'zustand';
import type { InFlight } from '../../sim/core/types';
import { draftStatus, groupIndexes, partitionSentence, sideLetter } from '../network/draft';
import { liveOfProps, type Live } from '../network/live';
import type { How } from '../network/nodes';
import { linkMessages } from '../network/records';
import { alongLink, ringKeepOut, ringLayout } from '../network/ring';
import { RingNode } from '../network/RingNode';
import { NodeLegend, RingScene, ringSplit } from '../network/RingScene';
import { SpaceTime } from '../network/SpaceTime';
import { MeshLinks, NetworkStage } from '../network/Stage';
import { useNodeFocus } from '../network/useNodeFocus';
import {
  flightStyle,
  NODE_STYLE,
  nodeName,
  participantKey,
  recordStyle,
  type NodeKey,
} from './style';
import type { CommitProps, CommitView } from './types';

/** Room under the ring for the status line (two lines when wide, three when narrow). */
const statusH = (wide: boolean) => (wide ? 36 : 58);
const LABEL_W = 130;
const WINDOWS_MS = [1000, 3000, 6000];
const LEGEND = (['tc', 'working', 'prepared', 'committed', 'aborted'] as const).map(
  (k) => NODE_STYLE[k],
);

interface NodeInfo {
  id: number;
  name: string;
  key: NodeKey;
  title: string;
  detail: string;
  aria: string;
}

const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function nodesOf(v: CommitView): NodeInfo[] {
  const tc = v.tc;
  const t = tc.active[tc.active.length - 1];
  const phase = !tc.up
    ? `down ${secs(tc.downMs)}`
    : t
      ? t.phase === 'voting'
        ? `T${t.tx} votes: ${t.votes.join(' ')}`
        : `sending ${t.commit ? 'commit' : 'abort'} T${t.tx}`
      : 'idle';
  const coordinator: NodeInfo = {
    id: 0,
    name: 'TC',
    key: tc.up ? 'tc' : 'crashed',
    title: `TC coordinator${tc.up ? '' : ' ✕ down'}`,
    detail: phase,
    aria:
      `TC: coordinator, ${tc.up ? 'up' : `crashed ${secs(tc.downMs)} ago`}` +
      (t && tc.up
        ? `, ${t.phase === 'voting' ? `collecting votes for T${t.tx}` : `sending its decision ${t.commit ? 'commit' : 'abort'} for T${t.tx}`}`
        : '') +
      (tc.armed ? `, set to crash: ${tc.armed}` : ''),
  };
  const ps = v.participants.map((p): NodeInfo => {
    const key = participantKey(p);
    const word = p.state === 'prepared' ? '◆ in doubt' : NODE_STYLE[p.state].label;
    const tx = p.tx ? `T${p.tx} ` : '';
    const detail =
      p.state === 'prepared'
        ? `locked · ${secs(p.inDoubtMs)}`
        : p.lock >= 0
          ? `lock T${p.lock}`
          : 'no lock';
    return {
      id: p.id,
      name: p.name,
      key,
      title: `${p.name} ${tx}${word}${p.up ? '' : ' ✕ down'}`,
      detail,
      aria:
        `${p.name}: ${p.up ? '' : 'crashed, '}${p.tx ? `transaction T${p.tx} ` : ''}${NODE_STYLE[p.state].label}` +
        (p.state === 'prepared' ? ` for ${secs(p.inDoubtMs)}, holding its lock` : '') +
        (p.lock >= 0 && p.state !== 'prepared' ? `, lock held by T${p.lock}` : ''),
    };
  });
  return [coordinator, ...ps];
}

export function CommitMain(p: CommitProps) {
  const { view, frame, ui } = p;
  const split = ringSplit(p.width, p.height, 140, 220);
  const { ring } = split;
  const nodes = useMemo(() => nodesOf(view), [view]);
  const n = nodes.length;
  const sh = statusH(split.wide);
  const l = useMemo(() => ringLayout(n, ring.w, ring.h - sh), [n, ring.w, ring.h, sh]);
  const keepOut = useMemo(() => ringKeepOut(l, LABEL_W), [l]);
  const draft = useStore(ui);
  const { hover, onNode, onRecord } = useNodeFocus(ui, (id) => {
    if (id > 0) ui.setState((s) => ({ target: s.target === id ? -1 : id }));
  });
  const links = useMemo(
    () => linkMessages(view.messages, frame.inFlight),
    [view.messages, frame.inFlight],
  );

  const live = useRef<Live | null>(null);
  useLayoutEffect(() => {
    live.current = {
      ...liveOfProps(p),
      now: view.now,
      lanes: nodes.map((x) => ({
        name: x.name,
        color: NODE_STYLE[x.key].color,
        down: x.key === 'crashed',
      })),
      records: view.messages,
      marks: [],
      styleOf: recordStyle,
      links,
      hover,
      selected: null,
    };
  });
  const pointAt = useCallback((f: InFlight, u: number) => alongLink(l, f.from, f.to, u), [l]);

  const groupOf = groupIndexes(view.partition, n);
  const inDoubt = view.participants.filter((q) => q.up && q.state === 'prepared').length;
  const headline = `${view.committed} committed · ${view.aborted} aborted`;
  const sub = inDoubt
    ? `${inDoubt} in doubt, locked`
    : `longest in doubt ${secs(view.maxBlockedMs)}`;
  const summary =
    `Coordinator TC and ${view.participants.length} participants. ${headline}. ` +
    nodes.map((x) => x.aria).join('. ') +
    (view.partition ? `. ${partitionSentence(view.partition, nodeName)}` : '.');
  const hovered = hover?.kind === 'node' ? nodes[hover.id] : undefined;
  const status = draft.drafting
    ? draftStatus(draft.sideB, nodeName)
    : hovered
      ? hovered.aria
      : 'Click a participant to pick it for Crash, Restart and Vote no. A diamond is in doubt: it voted yes and holds its lock until TC’s decision reaches it.';

  return (
    <RingScene
      prefix="commit"
      split={split}
      height={p.height}
      drafting={draft.drafting}
      data={{ 'data-in-doubt': inDoubt }}
      legend={<NodeLegend items={LEGEND} />}
      status={status}
      stage={
        <NetworkStage
          width={ring.w}
          height={ring.h}
          className="net-scene-svg"
          summary={summary}
          prefix="commit"
          status={frame.status}
          inFlight={frame.inFlight}
          styleOf={flightStyle}
          pointAt={pointAt}
          keepOut={keepOut}
          nameOf={nodeName}
          virtualNow={p.virtualNow}
          reducedMotion={p.reducedMotion}
          frameT={frame.t}
          backdrop={
            <g aria-hidden="true">
              <MeshLinks
                spots={l.spots}
                groupOf={groupOf}
                lit={hover?.kind === 'node' ? hover.id : -1}
                prefix="commit"
              />
              {l.R >= 100 && (
                <>
                  <text x={l.cx} y={l.cy} textAnchor="middle" className="net-center">
                    {headline}
                  </text>
                  <text x={l.cx} y={l.cy + 16} textAnchor="middle" className="net-center-sub">
                    {sub}
                  </text>
                </>
              )}
            </g>
          }
        >
          {nodes.map((x) => (
            <StageNode
              key={x.id}
              node={x}
              x={l.spots[x.id]!.x}
              y={l.spots[x.id]!.y}
              a={l.spots[x.id]!.a}
              r={l.r}
              target={draft.target === x.id}
              group={sideLetter(groupOf, x.id)}
              draftSide={draft.drafting ? (draft.sideB.includes(x.id) ? 'B' : 'A') : null}
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
          starColor={NODE_STYLE.tc.color}
          windowsMs={WINDOWS_MS}
          initialWindowMs={3000}
          onNode={onNode}
          onRecord={onRecord}
          prefix="commit"
        />
      }
    />
  );
}

interface StageNodeProps {
  node: NodeInfo;
  x: number;
  y: number;
  a: number;
  r: number;
  target: boolean;
  group: string;
  draftSide: 'A' | 'B' | null;
  onNode(id: number, how: How): void;
}

const StageNode = memo(function StageNode(p: StageNodeProps) {
  const k = p.node.key;
  const st = NODE_STYLE[k];
  return (
    <RingNode
      id={p.node.id}
      x={p.x}
      y={p.y}
      a={p.a}
      r={p.r}
      shape={st.shape}
      shapeR={k === 'prepared' ? p.r * 1.2 : p.r}
      fill={st.color}
      ink={st.ink}
      name={p.node.name}
      crashed={k === 'crashed'}
      title={p.node.title}
      detail={p.node.detail}
      group={p.group}
      draftSide={p.draftSide}
      description={p.node.aria}
      action={
        p.node.id > 0 ? `Press Enter to ${p.target ? 'unpick it' : 'pick it for the toolbar'}` : ''
      }
      picked={p.target}
      className={`commit-node state-${k}${p.target ? ' target' : ''}`}
      data={{ 'data-node': p.node.id, 'data-state': k }}
      markGap={8}
      underShape={k === 'prepared' ? <circle r={p.r + 4} className="commit-lock" /> : null}
      onNode={p.onNode}
    />
  );
});
