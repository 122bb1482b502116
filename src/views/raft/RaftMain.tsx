/**
 * The Raft drawing: the server ring and the space-time diagram side by side (or stacked when
 * narrow), linked by hover, with a details panel for the server or message clicked.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { InFlight } from '../../sim/core/types';
import { shapePath } from '../../ui/palette';
import type { ViewProps } from '../types';
import { Details } from './Details';
import { draftStore, usePartitionDraft } from './draft';
import {
  alongLink,
  arcPath,
  LABEL_WIDTH,
  progress,
  ringLayout,
  splitStage,
  type RingLayout,
} from './geometry';
import { sameFocus, type Focus, type Live } from './live';
import { linkMessages } from './messages';
import { Links, MessageLayer, ServerNode, type Hooks } from './Ring';
import { SpaceTime } from './SpaceTime';
import { ROLE_STYLE, serverName } from './style';
import type { RaftView } from './types';

const NO_FLIGHTS: InFlight[] = [];
/** More messages in flight than this and only the hovered one is labelled. */
const DENSE = 14;
/**
 * Above this speed a message crosses its link in about a frame or less: the ring stops drawing
 * messages in flight (the space-time diagram still shows every one).
 */
const FLIGHT_SPEED_MAX = 2;

const STATUS_H = 16;

export function RaftMain(p: ViewProps) {
  const view = p.snapshot.frame?.view as RaftView | undefined;
  const status = p.snapshot.frame?.status;
  const tooFast = !!status?.playing && (status.speed === 'max' || status.speed > FLIGHT_SPEED_MAX);
  const inFlight = p.snapshot.frame?.inFlight ?? NO_FLIGHTS;
  const drawnFlights = tooFast ? NO_FLIGHTS : inFlight;
  const params = p.snapshot.frame?.params ?? {};
  const width = Math.max(260, p.width);
  const split = useMemo(() => splitStage(width, p.height), [width, p.height]);
  const n = view?.servers.length ?? 0;
  // The status line (STATUS_H px) sits under the ring: servers and labels keep clear of it.
  const l = useMemo(
    () => ringLayout(n, split.ring.w, split.ring.h - STATUS_H),
    [n, split.ring.w, split.ring.h],
  );
  const [hover, setHover] = useState<Focus>(null);
  const [selected, setSelected] = useState<Focus>(null);
  const [draft] = usePartitionDraft(p.send);
  const links = useMemo(() => linkMessages(view?.messages ?? [], inFlight), [view, inFlight]);

  const live = useRef<Live | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const layout = useRef<RingLayout>(l);
  useLayoutEffect(() => {
    layout.current = l;
    if (!view) return;
    const lo = Number(params.latencyMsMin ?? 10);
    const hi = Number(params.latencyMsMax ?? 20);
    live.current = {
      view,
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

  // Elements the animation loop moves.
  const arcs = useRef(new Map<number, SVGPathElement>());
  const marks = useRef(new Map<number, SVGGElement>());
  const place = useCallback((id: number, el: SVGGElement) => {
    const L = live.current;
    const f = L?.inFlight.find((x) => x.id === id);
    if (!L || !f) return;
    const now = L.reduced ? L.view.now : L.virtualNow();
    const pos = alongLink(
      layout.current,
      f.from,
      f.to,
      L.reduced ? 0.5 : progress(f.sentAt, f.deliverAt, now),
    );
    el.setAttribute('transform', `translate(${pos.x.toFixed(1)},${pos.y.toFixed(1)})`);
  }, []);

  useEffect(() => {
    let raf = 0;
    let last = '';
    const tick = () => {
      raf = requestAnimationFrame(tick);
      const L = live.current;
      if (!L) return;
      const now = L.reduced ? L.view.now : L.virtualNow();
      const key = `${L.seq}|${now}|${layout.current.r}|${layout.current.cx}`;
      if (key === last) return;
      last = key;
      const r = layout.current.r + 5;
      for (const s of L.view.servers) {
        const el = arcs.current.get(s.id);
        if (!el) continue;
        const left =
          s.electionDeadline >= 0 && s.electionTimeoutMs > 0
            ? (s.electionDeadline - now) / s.electionTimeoutMs
            : 0;
        el.setAttribute('d', arcPath(0, 0, r, left));
      }
      for (const [id, el] of marks.current) place(id, el);
    };
    raf = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(raf);
  }, [place]);

  const send = p.send;
  const hooks = useMemo<Hooks>(
    () => ({
      registerArc: (id, el) => {
        if (el) arcs.current.set(id, el);
        else arcs.current.delete(id);
      },
      registerMessage: (id, el) => {
        if (el) {
          marks.current.set(id, el);
          place(id, el);
        } else marks.current.delete(id);
      },
      onServer: (id, how) => {
        if (how === 'hover') setHover({ kind: 'server', id });
        else if (how === 'leave') setHover((h) => (h?.kind === 'server' && h.id === id ? null : h));
        else if (draftStore(send).get().active) draftStore(send).toggle(id);
        else {
          const f: Focus = { kind: 'server', id };
          setSelected((s) => (sameFocus(s, f) ? null : f));
        }
      },
      onMessage: (flight, how) => {
        const record = live.current?.links.recordOf.get(flight) ?? -1;
        const f: Focus = { kind: 'message', record, flight };
        if (how === 'hover') setHover(f);
        else if (how === 'leave')
          setHover((h) => (h?.kind === 'message' && h.flight === flight ? null : h));
        else setSelected((s) => (sameFocus(s, f) ? null : f));
      },
    }),
    [send, place],
  );
  const onRecord = useCallback((record: number, how: 'hover' | 'leave' | 'activate') => {
    if (record < 0 || how === 'leave') {
      setHover(null);
      return;
    }
    const flight = live.current?.links.flightOf.get(record) ?? -1;
    const f: Focus = { kind: 'message', record, flight };
    if (how === 'hover') setHover((h) => (sameFocus(h, f) ? h : f));
    else setSelected(f);
  }, []);

  const partitionKey = view?.partition ? JSON.stringify(view.partition) : '';
  // Which group each server is in: a new array only when the partition changes.
  const groupOf = useMemo(() => {
    const groups = partitionKey ? (JSON.parse(partitionKey) as number[][]) : null;
    if (!groups) return null;
    return Array.from({ length: n }, (_, id) => {
      const g = groups.findIndex((grp) => grp.includes(id));
      return g < 0 ? groups.length : g;
    });
  }, [partitionKey, n]);

  if (!view) return null;

  const flightOfFocus = (f: Focus): number =>
    f?.kind === 'message' ? (f.record >= 0 ? (links.flightOf.get(f.record) ?? -1) : f.flight) : -1;
  const hoverFlight = flightOfFocus(hover);
  const selectedFlight = flightOfFocus(selected);
  const litServer = hover?.kind === 'server' ? hover.id : -1;
  const leader = view.leader >= 0 ? view.servers[view.leader] : undefined;
  // A small ring has no room in the middle: the summary goes to the status line.
  const roomy = l.R >= 130;
  // A server may still act as leader without a majority behind it (cut off, or its followers down).
  const stranded = view.servers.filter((s) => s.role === 'leader');
  const noLeaderWhy = stranded.length
    ? `${stranded.map((s) => `${s.name} (t${s.term})`).join(', ')} without a majority`
    : `highest term ${view.term}`;
  const brief = `${leader ? `${leader.name} leads term ${leader.term}, commit ${leader.commitIndex}` : `No leader: ${noLeaderWhy}`}${view.partition ? ` · cut: ${view.partition.map((g) => g.map(serverName).join(' ')).join(' | ')}` : ''}`;
  const idsKey = tooFast ? '' : inFlight.map((m) => m.id).join(',');
  const summary = `${n} servers. ${leader ? `${leader.name} leads term ${leader.term}` : `No leader; highest term ${view.term}`}. ${view.servers
    .map(
      (s) =>
        `${s.name} ${s.preCandidate ? 'follower asking for pre-votes' : s.role}, term ${s.term}`,
    )
    .join(
      '; ',
    )}.${view.partition ? ` Network partitioned: ${view.partition.map((g) => `{${g.map(serverName).join(', ')}}`).join(' and ')}.` : ''}`;

  return (
    <div
      ref={root}
      className={`raft-main ${split.wide ? 'wide' : 'narrow'}${draft.active ? ' drafting' : ''}`}
      style={{ height: p.height }}
      data-leader={view.leader}
      data-term={view.term}
    >
      <div
        className="raft-ring"
        style={{ left: split.ring.x, top: split.ring.y, width: split.ring.w, height: split.ring.h }}
      >
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
        <svg
          width={split.ring.w}
          height={split.ring.h}
          className="raft-ring-svg"
          role="group"
          aria-label={summary}
        >
          <Links l={l} n={n} partitionKey={partitionKey} groupOf={groupOf} lit={litServer} />
          {roomy ? (
            <g transform={`translate(${l.cx},${l.cy - 6})`} textAnchor="middle" aria-hidden="true">
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
          {view.servers.map((s) => (
            <ServerNode
              key={s.id}
              id={s.id}
              compact={l.labelRoom < LABEL_WIDTH}
              n={n}
              role={s.role}
              preCandidate={s.preCandidate}
              term={s.term}
              votedFor={s.votedFor}
              votes={s.votesGranted.length}
              logLength={s.logLength}
              commitIndex={s.commitIndex}
              isClusterLeader={view.leader === s.id}
              x={l.spots[s.id]!.x}
              y={l.spots[s.id]!.y}
              a={l.spots[s.id]!.a}
              r={l.r}
              hovered={litServer === s.id}
              selected={selected?.kind === 'server' && selected.id === s.id}
              group={groupOf ? String.fromCharCode(65 + groupOf[s.id]!) : ''}
              draftSide={draft.active ? (draft.sideB.includes(s.id) ? 'B' : 'A') : null}
              hooks={hooks}
            />
          ))}
          <MessageLayer
            messages={drawnFlights}
            idsKey={idsKey}
            dense={inFlight.length > DENSE}
            highlight={hoverFlight}
            selected={selectedFlight}
            hooks={hooks}
          />
        </svg>
        <p className="raft-status" data-testid="raft-status">
          {draft.active
            ? `Drawing a partition: click servers to move them to side B (now ${draft.sideB.length ? draft.sideB.map(serverName).join(', ') : 'empty'}), then “Cut the network”.`
            : (describeHover(hover, view, inFlight, links.flightOf) ??
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
          onServer={hooks.onServer}
          onRecord={onRecord}
        />
      </div>
      {selected ? (
        <Details
          view={view}
          inFlight={inFlight}
          links={links}
          selected={selected}
          send={p.send}
          onClose={() => {
            setSelected(null);
            // Back to the server the panel was about, for keyboard users.
            if (selected.kind === 'server')
              root.current
                ?.querySelector<SVGGElement>(`.raft-server[data-server="${selected.id}"]`)
                ?.focus();
          }}
        />
      ) : null}
    </div>
  );
}

function describeHover(
  hover: Focus,
  view: RaftView,
  inFlight: readonly InFlight[],
  flightOf: Map<number, number>,
): string | null {
  if (!hover) return null;
  if (hover.kind === 'server') {
    const s = view.servers[hover.id];
    return s
      ? `${s.name}: ${s.role}, term ${s.term}, log ${s.logLength}, commit ${s.commitIndex}.`
      : null;
  }
  const rec = hover.record >= 0 ? view.messages.find((m) => m.id === hover.record) : undefined;
  const flight = inFlight.find((f) => f.id === (rec ? flightOf.get(rec.id) : hover.flight));
  const m = rec ?? flight;
  if (!m) return null;
  return `${m.label}: ${serverName(m.from)} → ${serverName(m.to)}${flight ? ', in flight' : ''}.`;
}
