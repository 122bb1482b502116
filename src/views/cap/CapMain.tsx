/**
 * The CAP drawing: the cluster (replicas, clients, the partition, messages in flight) above the
 * linearizability verdict and the history. The parts are memoized so a frame re-renders only what
 * changed; animation loops move the messages and slide the history through refs.
 */
import { useCallback, useId, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import type { InFlight } from '../../sim/core/types';
import { shapePath } from '../../ui/palette';
import { toggleMoved, toggleSideB, attachedOnB } from '../network/draft';
import { clusterLayout, groupOf, messagePoint } from '../network/groups';
import type { FlightStyle, KeepOut } from '../network/Messages';
import { flightsHidden, NetworkStage } from '../network/Stage';
import { cellsFor, type Cell } from './cells';
import {
  Backdrop,
  ClientNode,
  ReplicaNode,
  sideName,
  type ClusterHooks,
  type How,
} from './Cluster';
import { HistoryPane } from './HistoryPane';
import { showValue } from './ops';
import { Patterns } from './Patterns';
import { MESSAGE_LEGEND, messageStyle } from './style';
import type { CapProps, CapView } from './types';

const VERDICT_H = 44;
/** Below this width the message legend uses one word a kind. */
const LEGEND_LONG_MIN = 560;
/** Message types that answer: drawn hollow, travelling back. */
const REPLIES = new Set(['resp', 'got', 'ack', 'ok']);

function flightStyle(m: InFlight): FlightStyle {
  const s = messageStyle(m.type);
  return { color: s.color, shape: s.shape, hollow: REPLIES.has(m.type), name: s.short };
}
const nodeName =
  (replicas: number) =>
  (node: number): string =>
    node < replicas ? `S${node}` : `C${node - replicas}`;

/** A value that keeps its identity while its JSON stays the same. */
function useStable<T>(value: T): T {
  const key = JSON.stringify(value);
  return useMemo(() => JSON.parse(key) as T, [key]);
}

function clientStatus(c: CapView['clients'][number], keyName: (k: number) => string): string {
  if (c.pending)
    return c.pending.f === 'write'
      ? `writing ${showValue(c.pending.value)}…`
      : `reading ${keyName(c.pending.key)}…`;
  const l = c.last;
  if (!l) return 'idle';
  if (l.type === 'fail') return `${l.f} failed`;
  if (l.type === 'info') return `write unknown`;
  return l.f === 'write'
    ? `wrote ${showValue(l.value)}`
    : `read ${showValue(l.value)}${l.stale ? ' stale' : ''}`;
}

function modeLine(view: CapView): string {
  const q = view.quorum;
  if (view.mode === 'cp')
    return `cp: every read and write needs ${q.majority} of ${view.replicas.length} replicas`;
  if (view.mode === 'ap')
    return `ap: each replica answers alone${view.conflict === 'vv' ? ', siblings kept' : ', last writer wins'}`;
  return `quorum: N=${q.N} R=${q.R} W=${q.W} (R+W ${q.R + q.W > q.N ? '>' : '≤'} N)${q.readRepair ? ', read repair' : ''}`;
}

export function CapMain(p: CapProps) {
  const { frame, view } = p;
  const ui = useStore(p.ui);
  const uiStore = p.ui;
  const prefix = `cap${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const width = Math.max(280, p.width);
  const clusterH = Math.round(Math.max(150, Math.min(240, p.height * 0.42)));
  const historyH = Math.max(120, p.height - clusterH - VERDICT_H - 12);
  const status = frame.status;
  const tooFast = flightsHidden(status);
  const [hover, setHover] = useState<{ kind: 'replica' | 'client'; id: number } | null>(null);
  const [picked, setPicked] = useState<number | null>(null);

  const replicaCount = view.replicas.length;
  const homes = useStable(view.clients.map((c) => ({ node: c.node, home: c.home })));
  const groups = useStable(view.partition ?? null);
  const l = useMemo(
    () => clusterLayout(width, clusterH, replicaCount, homes, groups),
    [width, clusterH, replicaCount, homes, groups],
  );
  const keyCount = view.keys.length;
  const key = Math.min(ui.key, Math.max(0, keyCount - 1));
  const cells = useStable(cellsFor(view, key));
  const busy = useStable(
    view.replicas.map((r) => {
      const c = r.coordinating.find((x) => x.phase !== 'done');
      return c ? `${c.phase === 'query' ? 'asks' : 'stores'} ${c.heard}/${c.need}` : '';
    }),
  );
  const heavy = p.heavy.history;
  const frameT = frame.t;

  // Where a message is on its way: replicas first in node ids, then clients.
  const pointAt = useCallback(
    (f: InFlight, u: number) => {
      const spot = (node: number) =>
        node < l.replicas.length ? l.replicas[node] : l.clients[node - l.replicas.length];
      const a = spot(f.from);
      const b = spot(f.to);
      return a && b ? messagePoint(a, b, u, l.boxH) : { x: -100, y: -100 };
    },
    [l],
  );
  // Labels of messages keep off each node's box, its tags and its status line.
  const keepOut = useMemo<KeepOut[]>(
    () => [
      ...l.replicas.map((s) => ({
        x0: s.x - l.boxW / 2,
        y0: s.y - l.boxH / 2 - 16,
        x1: s.x + l.boxW / 2,
        y1: s.y + l.boxH / 2 + 14,
      })),
      ...l.clients.map((s) => ({
        x0: s.x - l.clientR - 30,
        y0: s.y - l.clientR - 4,
        x1: s.x + l.clientR + 30,
        y1: s.y + l.clientR + 16,
      })),
    ],
    [l],
  );
  const nameOf = useMemo(() => nodeName(replicaCount), [replicaCount]);

  const hooks = useMemo<ClusterHooks>(
    () => ({
      onReplica: (id: number, how: How) => {
        if (how === 'hover') setHover({ kind: 'replica', id });
        else if (how === 'leave')
          setHover((h) => (h?.kind === 'replica' && h.id === id ? null : h));
        else if (uiStore.getState().drafting) toggleSideB(uiStore, id);
        else setPicked((x) => (x === id ? null : id));
      },
      onClient: (id: number, how: How) => {
        if (how === 'hover') setHover({ kind: 'client', id });
        else if (how === 'leave') setHover((h) => (h?.kind === 'client' && h.id === id ? null : h));
        else if (uiStore.getState().drafting) toggleMoved(uiStore, id);
        else uiStore.setState({ client: id });
      },
    }),
    [uiStore],
  );

  const keyName = (k: number) => view.keys[k] ?? `k${k}`;
  const sides = l.regions.map((r, i) => {
    const n = view.replicas.filter((x) => groupOf(view.partition, x.id) === r.group).length;
    const major = n >= view.quorum.majority;
    const role = view.mode === 'cp' ? (major ? ' (majority)' : ' (minority)') : '';
    // The longest label that fits its region (about 6.5 px a character at the label's size).
    const fits = (text: string) => text.length * 6.5 + 16 <= r.x1 - r.x0;
    const full = `side ${sideName(i)} · ${n} of ${replicaCount} replicas${role}`;
    const mid = `${sideName(i)} · ${n} of ${replicaCount}${role}`;
    return fits(full) ? full : fits(mid) ? mid : `${sideName(i)} · ${n}/${replicaCount}`;
  });
  const sideOf = (node: number) =>
    view.partition
      ? sideName(l.regions.findIndex((r) => r.group === groupOf(view.partition, node)))
      : '';
  const links = view.clients.map((c) => ({ client: c.id, home: c.home, cut: !c.canReachHome }));
  const hoverText = describeHover(hover, picked, view, cells.cells, keyName);
  const hint = ui.drafting
    ? `Drawing a partition: click replicas to put them on side B (their clients follow), click a client to move it across, then “Cut the network”.`
    : (hoverText ??
      `${modeLine(view)}${keyCount > 1 ? ` · showing ${keyName(key)}` : ''}${cells.converged ? ' · replicas agree' : ' · replicas differ'}${tooFast ? ' · messages hidden above 2×' : ''}`);
  const summary = `${modeLine(view)}. ${view.partition ? `Partitioned: ${view.partition.map((g) => `{${g.map((n) => (n < replicaCount ? `S${n}` : `C${n - replicaCount}`)).join(', ')}}`).join(' and ')}.` : 'The network is whole.'} ${cells.cells.map((c) => c.label).join('. ')}.`;

  return (
    <div
      className={`cap-main${ui.drafting ? ' drafting' : ''}`}
      style={{ height: p.height }}
      data-mode={view.mode}
      data-partition={view.partition ? JSON.stringify(view.partition) : ''}
    >
      <div className="cap-cluster" style={{ height: clusterH }}>
        <NetworkStage
          width={width}
          height={clusterH}
          className="cap-cluster-svg"
          summary={summary}
          prefix="cap"
          status={status}
          inFlight={frame.inFlight}
          styleOf={flightStyle}
          pointAt={pointAt}
          keepOut={keepOut}
          nameOf={nameOf}
          virtualNow={p.virtualNow}
          reducedMotion={p.reducedMotion}
          frameT={frameT}
          backdrop={
            <>
              <Patterns prefix={`${prefix}c`} />
              <Backdrop l={l} prefix={`${prefix}c`} sideLabels={sides} links={links} />
            </>
          }
        >
          {view.replicas.map((r) => {
            const s = l.replicas[r.id];
            const cell = cells.cells[r.id];
            if (!s || !cell) return null;
            return (
              <ReplicaNode
                key={r.id}
                id={r.id}
                x={s.x}
                y={s.y}
                w={l.boxW}
                h={l.boxH}
                cell={cell}
                side={sideOf(r.id)}
                busy={busy[r.id] ?? ''}
                draftB={ui.drafting ? ui.sideB.includes(r.id) : null}
                lit={(hover?.kind === 'replica' && hover.id === r.id) || picked === r.id}
                prefix={`${prefix}c`}
                hooks={hooks}
              />
            );
          })}
          {view.clients.map((c) => {
            const s = l.clients[c.id];
            if (!s) return null;
            return (
              <ClientNode
                key={c.id}
                id={c.id}
                x={s.x}
                y={s.y}
                r={l.clientR}
                home={c.home}
                side={sideOf(c.node)}
                reach={c.canReachHome}
                status={clientStatus(c, keyName)}
                last={c.pending ? null : (c.last?.type ?? null)}
                lastDone={c.last?.type ?? ''}
                pending={!!c.pending}
                stale={!c.pending && !!c.last?.stale}
                selected={ui.client === c.id}
                draftB={ui.drafting ? attachedOnB(ui, c.id, c.home) : null}
                lit={hover?.kind === 'client' && hover.id === c.id}
                prefix={`${prefix}c`}
                hooks={hooks}
              />
            );
          })}
        </NetworkStage>
        <ul className="cap-msg-legend" aria-label="Messages in flight">
          {MESSAGE_LEGEND.map((m) => (
            <li key={m.word} title={m.word}>
              <svg width="10" height="10" viewBox="-6 -6 12 12" aria-hidden="true">
                <path d={shapePath(m.shape, 4.5)} fill={m.color} />
              </svg>
              {/* The long words need about 480 px on one line; a narrow view names them short. */}
              {width < LEGEND_LONG_MIN ? (
                <>
                  <span aria-hidden="true">{m.short}</span>
                  <span className="sr-only">{m.word}</span>
                </>
              ) : (
                m.word
              )}
            </li>
          ))}
        </ul>
        <p className="cap-hint" data-testid="cap-hint">
          {hint}
        </p>
      </div>
      <HistoryPane
        view={view}
        heavy={heavy}
        width={width}
        height={historyH}
        verdictH={VERDICT_H}
        prefix={`${prefix}h`}
        focusKey={keyCount > 1 ? key : null}
        virtualNow={p.virtualNow}
        frameT={frameT}
        reducedMotion={p.reducedMotion}
        playing={status.playing}
        seq={p.snapshot.seq}
      />
    </div>
  );
}

function describeHover(
  hover: { kind: 'replica' | 'client'; id: number } | null,
  picked: number | null,
  view: CapView,
  cells: readonly Cell[],
  keyName: (k: number) => string,
): string | null {
  const target = hover ?? (picked === null ? null : { kind: 'replica' as const, id: picked });
  if (!target) return null;
  if (target.kind === 'replica') {
    const r = view.replicas[target.id];
    if (!r) return null;
    const all = r.values.map((v, k) => `${keyName(k)}=${showValue(v.read)}`).join(', ');
    const c = r.coordinating[0];
    return `${cells[target.id]?.label ?? r.label}. All keys: ${all}.${c ? ` Coordinating C${c.client}'s ${c.f} of ${keyName(c.key)}: heard ${c.heard} of ${c.need} needed.` : ''}`;
  }
  const c = view.clients[target.id];
  if (!c) return null;
  const last = c.last
    ? `last ${c.last.f} of ${keyName(c.last.key)} ${c.last.type === 'ok' ? `ok${c.last.f === 'read' ? `, got ${showValue(c.last.value)}` : ''}${c.last.stale ? ' (stale)' : ''}` : c.last.type === 'fail' ? 'failed' : 'unknown'} after ${Math.round(c.last.latencyMs)} ms`
    : 'no op yet';
  return `${c.label} → home S${c.home}${c.canReachHome ? '' : ' (cut off by the partition)'}: ${c.pending ? `${c.pending.f} of ${keyName(c.pending.key)} pending` : last}.`;
}
