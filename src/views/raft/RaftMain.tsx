/**
 * The Raft drawing, a configuration of the network stage: servers on a ring with their timer
 * arcs, the space-time diagram beside it (or under it when narrow), linked by hover, and a
 * details popover for the server or message clicked.
 */
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { InFlight } from '../../sim/core/types';
import { shapePath } from '../../ui/palette';
import { toggleSideB } from '../network/draft';
import { sameFocus, type Focus, type Live } from '../network/live';
import { setTimerArc, type How } from '../network/nodes';
import { linkMessages, type MessageLinks } from '../network/records';
import { alongLink, LABEL_WIDTH, ringKeepOut, ringLayout } from '../network/ring';
import { SpaceTime } from '../network/SpaceTime';
import { flightsHidden, MeshLinks, NetworkStage } from '../network/Stage';
import { Details } from './Details';
import { splitStage } from './geometry';
import { ServerNode, type Hooks } from './Ring';
import { flightStyle, recordStyle, ROLE_STYLE, serverName } from './style';
import type { RaftProps, RaftView } from './types';

const STATUS_H = 16;

export function RaftMain(p: RaftProps) {
  const { view, frame } = p;
  const status = frame.status;
  const tooFast = flightsHidden(status);
  const inFlight = frame.inFlight;
  const params = frame.params;
  const width = Math.max(260, p.width);
  const split = useMemo(() => splitStage(width, p.height), [width, p.height]);
  const n = view.servers.length;
  // The status line (STATUS_H px) sits under the ring: servers and labels keep clear of it.
  const l = useMemo(
    () => ringLayout(n, split.ring.w, split.ring.h - STATUS_H),
    [n, split.ring.w, split.ring.h],
  );
  const compact = l.labelRoom < LABEL_WIDTH;
  const keepOut = useMemo(() => ringKeepOut(l, compact ? 84 : LABEL_WIDTH), [l, compact]);
  const [hover, setHover] = useState<Focus>(null);
  const [selected, setSelected] = useState<Focus>(null);
  const draft = useStore(p.ui);
  const links = useMemo(() => linkMessages(view.messages, inFlight), [view, inFlight]);

  const lo = Number(params.latencyMsMin ?? 10);
  const hi = Number(params.latencyMsMax ?? 20);
  // Every timer arc on one scale, the longest timeout a server can draw: at t=0 the server
  // whose timer fires first already shows the shortest arc.
  const timeoutMsMax = Number(params.timeoutMsMax ?? 300);
  const live = useRef<Live | null>(null);
  const root = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    live.current = {
      now: view.now,
      lanes: view.servers.map((s) => ({
        name: s.name,
        color: ROLE_STYLE[s.role].color,
        down: s.role === 'crashed',
      })),
      records: view.messages,
      marks: view.elections.map((e) => ({ at: e.at, lane: e.leader, label: `t${e.term}` })),
      styleOf: recordStyle,
      inFlight,
      links,
      virtualNow: p.virtualNow,
      hover,
      selected,
      reduced: p.reducedMotion,
      latencyMs: (lo + hi) / 2,
      events: p.snapshot.log,
      seq: p.snapshot.seq,
    };
  });

  // Timer arcs, shrunk by the stage's frame loop.
  const arcs = useRef(new Map<number, SVGCircleElement>());
  const servers = useRef(view.servers);
  useLayoutEffect(() => {
    servers.current = view.servers;
  });
  const onFrame = useCallback(
    (now: number) => {
      for (const s of servers.current) {
        const el = arcs.current.get(s.id);
        if (!el) continue;
        const left =
          s.electionDeadline >= 0 && timeoutMsMax > 0
            ? (s.electionDeadline - now) / timeoutMsMax
            : 0;
        setTimerArc(el, left);
      }
    },
    [timeoutMsMax],
  );

  const ui = p.ui;
  const hooks = useMemo<Hooks>(
    () => ({
      registerArc: (id, el) => {
        if (el) arcs.current.set(id, el);
        else arcs.current.delete(id);
      },
      onServer: (id, how) => {
        if (how === 'hover') setHover({ kind: 'node', id });
        else if (how === 'leave') setHover((h) => (h?.kind === 'node' && h.id === id ? null : h));
        else if (ui.getState().drafting) toggleSideB(ui, id);
        else {
          const f: Focus = { kind: 'node', id };
          setSelected((s) => (sameFocus(s, f) ? null : f));
        }
      },
    }),
    [ui],
  );
  const onMessage = useCallback((flight: number, how: How) => {
    const record = live.current?.links.recordOf.get(flight) ?? -1;
    const f: Focus = { kind: 'message', record, flight };
    if (how === 'hover') setHover(f);
    else if (how === 'leave')
      setHover((h) => (h?.kind === 'message' && h.flight === flight ? null : h));
    else setSelected((s) => (sameFocus(s, f) ? null : f));
  }, []);
  const onRecord = useCallback((record: number, how: How) => {
    if (record < 0 || how === 'leave') {
      setHover(null);
      return;
    }
    const flight = live.current?.links.flightOf.get(record) ?? -1;
    const f: Focus = { kind: 'message', record, flight };
    if (how === 'hover') setHover((h) => (sameFocus(h, f) ? h : f));
    else setSelected(f);
  }, []);
  const pointAt = useCallback((f: InFlight, u: number) => alongLink(l, f.from, f.to, u), [l]);

  const partitionKey = view.partition ? JSON.stringify(view.partition) : '';
  // Which group each server is in: a new array only when the partition changes.
  const groupOf = useMemo(() => {
    const groups = partitionKey ? (JSON.parse(partitionKey) as number[][]) : null;
    if (!groups) return null;
    return Array.from({ length: n }, (_, id) => {
      const g = groups.findIndex((grp) => grp.includes(id));
      return g < 0 ? groups.length : g;
    });
  }, [partitionKey, n]);

  const flightOfFocus = (f: Focus): number =>
    f?.kind === 'message' ? (f.record >= 0 ? (links.flightOf.get(f.record) ?? -1) : f.flight) : -1;
  const litServer = hover?.kind === 'node' ? hover.id : -1;
  const leader = view.leader >= 0 ? view.servers[view.leader] : undefined;
  // A small ring has no room in the middle: the summary goes to the status line.
  const roomy = l.R >= 130;
  // A server may still act as leader without a majority behind it (cut off, or its followers down).
  const stranded = view.servers.filter((s) => s.role === 'leader' && s.id !== view.leader);
  const noLeaderWhy = stranded.length
    ? `${stranded.map((s) => `${s.name} (t${s.term})`).join(', ')} without a majority`
    : `highest term ${view.term}`;
  const cut = view.partition
    ? ` · cut: ${view.partition.map((g) => g.map(serverName).join(' ')).join(' | ')}`
    : '';
  const brief = `${leader ? `${leader.name} leads term ${leader.term}, commit ${leader.commitIndex}` : `No leader: ${noLeaderWhy}`}${cut}`;
  const summary = `${n} servers. ${leader ? `${leader.name} leads term ${leader.term}` : `No leader; ${noLeaderWhy}`}. ${view.servers
    .map(
      (s) =>
        `${s.name} ${s.preCandidate ? 'follower asking for pre-votes' : s.role}${s.role === 'leader' && s.id !== view.leader ? ' without a majority' : ''}, term ${s.term}`,
    )
    .join(
      '; ',
    )}.${view.partition ? ` Network partitioned: ${view.partition.map((g) => `{${g.map(serverName).join(', ')}}`).join(' and ')}.` : ''}`;

  return (
    <div
      ref={root}
      className={`raft-main ${split.wide ? 'wide' : 'narrow'}${draft.drafting ? ' drafting' : ''}`}
      style={{ height: p.height }}
      data-leader={view.leader}
      data-term={view.term}
    >
      <div
        className="raft-ring"
        style={{ left: split.ring.x, top: split.ring.y, width: split.ring.w, height: split.ring.h }}
      >
        <RoleLegend />
        <NetworkStage
          width={split.ring.w}
          height={split.ring.h}
          className="raft-ring-svg"
          summary={summary}
          prefix="raft"
          status={status}
          inFlight={inFlight}
          styleOf={flightStyle}
          pointAt={pointAt}
          keepOut={keepOut}
          nameOf={serverName}
          virtualNow={p.virtualNow}
          reducedMotion={p.reducedMotion}
          frameT={frame.t}
          highlight={flightOfFocus(hover)}
          selected={flightOfFocus(selected)}
          onMessage={onMessage}
          onFrame={onFrame}
          backdrop={
            <>
              <MeshLinks spots={l.spots} groupOf={groupOf} lit={litServer} prefix="raft" />
              {roomy ? (
                <g
                  transform={`translate(${l.cx},${l.cy - 6})`}
                  textAnchor="middle"
                  aria-hidden="true"
                >
                  <text className="raft-center-big">
                    {leader ? `${leader.name} leads term ${leader.term}` : 'No leader'}
                  </text>
                  <text y={17} className="raft-center">
                    {leader ? `commit index ${leader.commitIndex}` : noLeaderWhy}
                  </text>
                  {view.partition ? (
                    <text y={33} className="raft-center raft-cut-text">
                      cut: {view.partition.map((g) => g.map(serverName).join(' ')).join(' | ')}
                    </text>
                  ) : null}
                </g>
              ) : null}
            </>
          }
        >
          {view.servers.map((s) => (
            <ServerNode
              key={s.id}
              id={s.id}
              compact={compact}
              n={n}
              role={s.role}
              preCandidate={s.preCandidate}
              term={s.term}
              votedFor={s.votedFor}
              votes={s.votesGranted.length}
              logLength={s.logLength}
              commitIndex={s.commitIndex}
              isClusterLeader={view.leader === s.id}
              stranded={s.role === 'leader' && view.leader !== s.id}
              x={l.spots[s.id]!.x}
              y={l.spots[s.id]!.y}
              a={l.spots[s.id]!.a}
              r={l.r}
              hovered={litServer === s.id || (p.highlight?.includes(s.id) ?? false)}
              selected={selected?.kind === 'node' && selected.id === s.id}
              group={groupOf ? String.fromCharCode(65 + groupOf[s.id]!) : ''}
              draftSide={draft.drafting ? (draft.sideB.includes(s.id) ? 'B' : 'A') : null}
              hooks={hooks}
            />
          ))}
        </NetworkStage>
        <p className="raft-status" data-testid="raft-status">
          {draft.drafting
            ? `Drawing a partition: click servers to move them to side B (now ${draft.sideB.length ? draft.sideB.map(serverName).join(', ') : 'empty'}), then “Cut the network”.`
            : (describeHover(hover, view, inFlight, links) ??
              (!roomy
                ? brief
                : tooFast
                  ? 'Above 2× a message crosses in under a frame: the diagram shows every one.'
                  : 'Click a server or a message for details.'))}
        </p>
      </div>
      <div
        className="raft-time"
        style={{ left: split.time.x, top: split.time.y, width: split.time.w, height: split.time.h }}
      >
        <SpaceTime
          width={split.time.w}
          height={split.time.h}
          live={live}
          seq={p.snapshot.seq}
          moving={status.playing && !p.reducedMotion}
          focusKey={`${JSON.stringify(hover)}|${JSON.stringify(selected)}`}
          starColor={ROLE_STYLE.leader.color}
          onNode={hooks.onServer}
          onRecord={onRecord}
          prefix="raft"
        />
      </div>
      {selected ? (
        <Details
          view={view}
          inFlight={inFlight}
          links={links}
          selected={selected}
          info={p.info}
          send={p.send}
          onClose={() => {
            setSelected(null);
            // Back to the server the panel was about, for keyboard users.
            if (selected.kind === 'node')
              root.current
                ?.querySelector<SVGGElement>(`.raft-server[data-server="${selected.id}"]`)
                ?.focus();
          }}
        />
      ) : null}
    </div>
  );
}

function RoleLegend() {
  return (
    <ul className="raft-legend" aria-label="Roles">
      {(['follower', 'candidate', 'leader', 'crashed'] as const).map((r) => (
        <li key={r}>
          <svg width="12" height="12" viewBox="-7 -7 14 14" aria-hidden="true">
            <path d={shapePath(ROLE_STYLE[r].shape, 5)} fill={ROLE_STYLE[r].color} />
            {r === 'crashed' ? (
              <path d="M-4,-4L4,4M4,-4L-4,4" stroke="currentColor" strokeWidth="1.5" />
            ) : null}
          </svg>
          {ROLE_STYLE[r].label}
        </li>
      ))}
    </ul>
  );
}

function describeHover(
  hover: Focus,
  view: RaftView,
  inFlight: readonly InFlight[],
  links: MessageLinks,
): string | null {
  if (!hover) return null;
  if (hover.kind === 'node') {
    const s = view.servers[hover.id];
    return s
      ? `${s.name}: ${s.role}${s.role === 'leader' && s.id !== view.leader ? ' without a majority' : ''}, term ${s.term}, log ${s.logLength}, commit ${s.commitIndex}.`
      : null;
  }
  const rec = hover.record >= 0 ? view.messages.find((m) => m.id === hover.record) : undefined;
  const flight = inFlight.find((f) => f.id === (rec ? links.flightOf.get(rec.id) : hover.flight));
  const m = rec ?? flight;
  if (!m) return null;
  return `${m.label}: ${serverName(m.from)} → ${serverName(m.to)}${flight ? ', in flight' : ''}.`;
}
