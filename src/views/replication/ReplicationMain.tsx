/**
 * Leader-follower replication on the network stage: the replicas, the clients C0 and C1 and the
 * storage S on a ring (the leader drawn as a star and labelled, a replica that still thinks it
 * leads an old epoch as a diamond), each follower's lag under its name, the links cut by a
 * partition, messages in flight, and the space-time diagram beside it (under it when narrow).
 * Clicking a replica picks it for the toolbar's Crash and Restart, or moves it to side B while a
 * partition is drawn.
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
import { flightStyle, NODE_STYLE, nodeName, recordStyle, replicaKey, type NodeKey } from './style';
import type { ReplicationProps, ReplicationView } from './types';

const STATUS_H = 18;
const LABEL_W = 120;
/** Messages take 80-160 ms and lag is a second or more: the diagram shows seconds. */
const WINDOWS_MS = [1000, 3000, 6000];
const LEGEND = (['leader', 'follower', 'stale', 'client', 'storage', 'lock'] as const).map(
  (k) => NODE_STYLE[k],
);

interface NodeInfo {
  id: number;
  name: string;
  key: NodeKey;
  title: string;
  detail: string;
  /** The spoken description. */
  aria: string;
  replica: boolean;
}

function nodesOf(v: ReplicationView): NodeInfo[] {
  const reps = v.replicas.map((r): NodeInfo => {
    const key = replicaKey(r);
    const role =
      key === 'leader'
        ? `★ leader e${r.epoch}`
        : key === 'stale'
          ? `◆ thinks it leads e${r.epoch}`
          : key === 'crashed'
            ? '✕ down'
            : `follower e${r.epoch}`;
    const detail = r.role === 'leader' ? `log v${r.length}` : `v${r.applied} · ${r.lag} behind`;
    const aria =
      `${r.name}: ${NODE_STYLE[key].label}${r.up ? '' : ' (crashed)'}, epoch ${r.epoch}, ` +
      (r.role === 'leader'
        ? `log of ${r.length} entries`
        : `applied ${r.applied} of ${r.length} received, ${r.lag} entries behind the leader`);
    return { id: r.id, name: r.name, key, title: `${r.name} ${role}`, detail, aria, replica: true };
  });
  const n = v.replicas.length;
  const clients = v.clients.map((c): NodeInfo => {
    const lease = c.lease ? ` · lock t${c.lease.token}` : '';
    return {
      id: n + c.id,
      name: c.name,
      key: 'client',
      title: `${c.name} client${c.paused ? ' · frozen' : ''}`,
      detail: `→ ${c.leader} · seen v${c.seen}${lease}`,
      aria:
        `${c.name}: client${c.paused ? ', frozen (paused without knowing it)' : ''}, writes to ${c.leader}, has seen version ${c.seen}` +
        (c.lease ? `, believes it holds the lock with token ${c.lease.token}` : ''),
      replica: false,
    };
  });
  const k = v.lock;
  const held = k.holder >= 0 && k.until > v.now;
  const until = (k.until / 1000).toFixed(1);
  const lock: NodeInfo = {
    id: n + 3,
    name: 'K',
    key: 'lock',
    title: 'K lock service',
    detail: held ? `C${k.holder} t${k.token} to ${until} s` : `free · t${k.token}`,
    aria: `K: lock service, ${held ? `C${k.holder} holds the lease with token ${k.token} until ${until} s` : 'no lease held'}`,
    replica: false,
  };
  const st = v.storage;
  const storage: NodeInfo = {
    id: n + 2,
    name: 'S',
    key: 'storage',
    title: `S storage${v.fencing ? ' · fenced' : ''}`,
    detail: `e≥${st.maxEpoch}${v.maxToken ? ` t≥${v.maxToken}` : ''} · ${st.accepted} ok${st.refused ? ` · ${st.refused} no` : ''}`,
    aria: `S: storage, highest epoch seen ${st.maxEpoch}, highest lock token ${v.maxToken}, ${st.accepted} writes accepted, ${st.refused} refused${v.fencing ? ', fencing on' : ''}`,
    replica: false,
  };
  return [...reps, ...clients, storage, lock];
}

export function ReplicationMain(p: ReplicationProps) {
  const { view, frame, ui } = p;
  const split = ringSplit(p.width, p.height, 140, 220);
  const { ring } = split;
  const nodes = useMemo(() => nodesOf(view), [view]);
  const n = nodes.length;
  const l = useMemo(() => ringLayout(n, ring.w, ring.h - STATUS_H), [n, ring.w, ring.h]);
  const keepOut = useMemo(() => ringKeepOut(l, LABEL_W), [l]);
  const draft = useStore(ui);
  const { hover, onNode, onRecord } = useNodeFocus(ui, (id) => {
    if (id < view.replicas.length) ui.setState((s) => ({ target: s.target === id ? -1 : id }));
  });
  const links = useMemo(
    () => linkMessages(view.messages, frame.inFlight),
    [view.messages, frame.inFlight],
  );
  const name = useCallback((id: number) => nodeName(view, id), [view]);

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
  const leader = view.replicas[view.leader];
  const headline = leader ? `${leader.name} leads epoch ${view.epoch}` : '';
  const sub = `${view.mode} · ${view.acked} done · ${view.lost} lost`;
  const summary =
    `${view.replicas.length} replicas, clients C0 and C1, storage S, lock service K. ${headline}, ${view.mode} replication. ` +
    nodes.map((x) => x.aria).join('. ') +
    (view.partition ? `. ${partitionSentence(view.partition, name)}` : '.');
  const hovered = hover?.kind === 'node' ? nodes[hover.id] : undefined;
  const status = draft.drafting
    ? draftStatus(draft.sideB, name)
    : hovered
      ? hovered.aria
      : 'Click a replica to pick it for Crash and Restart. “behind” counts the leader’s entries a follower has not applied.';

  return (
    <RingScene
      prefix="replication"
      split={split}
      height={p.height}
      drafting={draft.drafting}
      data={{ 'data-leader': view.leader, 'data-epoch': view.epoch }}
      legend={<NodeLegend items={LEGEND} />}
      status={status}
      stage={
        <NetworkStage
          width={ring.w}
          height={ring.h}
          className="net-scene-svg"
          summary={summary}
          prefix="replication"
          status={frame.status}
          inFlight={frame.inFlight}
          styleOf={flightStyle}
          pointAt={pointAt}
          keepOut={keepOut}
          nameOf={name}
          virtualNow={p.virtualNow}
          reducedMotion={p.reducedMotion}
          frameT={frame.t}
          backdrop={
            <g aria-hidden="true">
              <MeshLinks
                spots={l.spots}
                groupOf={groupOf}
                lit={hover?.kind === 'node' ? hover.id : -1}
                prefix="replication"
              />
              {/* The centre summary only where the ring leaves room for it. */}
              {l.R >= 110 && (
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
          starColor={NODE_STYLE.leader.color}
          windowsMs={WINDOWS_MS}
          initialWindowMs={3000}
          onNode={onNode}
          onRecord={onRecord}
          prefix="replication"
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
      shapeR={k === 'leader' ? p.r * 1.15 : p.r}
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
        p.node.replica
          ? `Press Enter to ${p.target ? 'unpick it' : 'pick it for Crash and Restart'}`
          : ''
      }
      picked={p.target}
      className={`replication-node state-${k}${p.target ? ' target' : ''}`}
      data={{ 'data-node': p.node.id, 'data-state': k }}
      markGap={8}
      onNode={p.onNode}
    />
  );
});
