/**
 * The verdict and the history around the lanes: the checker's sentence with a button that brings
 * the violation into view, the time window, a legend, keyboard navigation between operations
 * (arrow keys) and a status line describing the operation under the pointer or the focus.
 */
import { useCallback, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { History, type HistoryClock } from './History';
import { describeOp, joinHistory, pairOps, relatedOps, type HOp } from './ops';
import type { CapView, HistoryEntry } from './types';

const WINDOWS = [2000, 5000, 10_000, 30_000];
/** Swatch class, mark and word of each outcome; narrow drawings keep the words for readers only. */
const LEGEND: [string, string, string][] = [
  ['sw-ok', '', 'ok'],
  ['sw-fail', '✕', 'failed'],
  ['sw-info', '?', 'unknown'],
  ['sw-pending', '', 'pending'],
  ['sw-bad', '!', 'not linearizable'],
];
const TOOLBAR_H = 28;
const STATUS_H = 22;

export interface HistoryPaneProps {
  view: CapView;
  /** The whole history, sent in chunks (the view's own `history` has the newest entries). */
  heavy: readonly HistoryEntry[] | undefined;
  width: number;
  height: number;
  verdictH: number;
  prefix: string;
  /** The key shown in the cluster when there are several (others are faded), else null. */
  focusKey: number | null;
  virtualNow(): number;
  frameT: number;
  reducedMotion: boolean;
  playing: boolean;
  /** Bumps with every frame. */
  seq: number;
}

/** With reduced motion the window turns like a page, half a window at a time. */
const pageEnd = (t: number, windowMs: number): number =>
  (Math.floor(t / (windowMs / 2)) + 1) * (windowMs / 2);

function useIdSet(ids: readonly number[]): ReadonlySet<number> {
  const key = ids.join(',');
  return useMemo(() => new Set(key ? key.split(',').map(Number) : []), [key]);
}

export function HistoryPane(p: HistoryPaneProps) {
  const { view } = p;
  const [windowMs, setWindowMs] = useState(5000);
  const [anchor, setAnchor] = useState<number | null>(null);
  const [focus, setFocus] = useState<number | null>(null);
  const [hover, setHover] = useState<number | null>(null);
  const lanesH = Math.max(60, p.height - TOOLBAR_H - STATUS_H);

  const endOf = (): number =>
    anchor ?? (p.reducedMotion ? pageEnd(p.frameT, windowMs) : p.virtualNow());
  const clock = useRef<HistoryClock>({ end: () => 0, now: () => 0 });
  useLayoutEffect(() => {
    clock.current = {
      end: endOf,
      now: p.reducedMotion ? () => p.frameT : p.virtualNow,
    };
  });
  const end = endOf();
  const endQ = Math.floor(end / (windowMs / 4));

  // Pair the recent entries into ops; join the older ones only when the window reaches back past
  // them (pinned to the past, or a long window), so playing fast does not re-pair thousands of
  // entries every frame.
  const recent = view.history;
  const last = recent[recent.length - 1];
  const historyKey = `${view.historyTotal}|${last?.index ?? -1}|${last?.time ?? -1}|${last?.type ?? ''}`;
  const needOld = anchor !== null || (recent[0]?.time ?? 0) > end - windowMs * 1.5;
  const older = needOld ? p.heavy : undefined;
  const ops = useMemo(
    () => pairOps(joinHistory(older, recent)),
    // `recent` is a new array every frame; its content changes only with `historyKey`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [older, historyKey],
  );

  const byId = useMemo(() => new Map(ops.map((o) => [o.id, o])), [ops]);
  // Lanes change only when the clients or their homes do.
  const lanesKey = view.clients.map((c) => `${c.id}:${c.home}`).join(',');
  const lanes = useMemo(
    () =>
      lanesKey.split(',').map((s) => {
        const [id, home] = s.split(':').map(Number) as [number, number];
        return { id, label: `C${id}`, sub: `S${home}` };
      }),
    [lanesKey],
  );
  const witnesses = useIdSet(view.verdict.witnesses.map((w) => w.id));
  const activeId = hover ?? focus;
  const active = activeId === null ? undefined : byId.get(activeId);
  const related = active ? relatedOps(active, ops, view) : [];
  const highlight = useIdSet(active ? [active.id, ...related] : view.verdict.highlight);
  const witnessShown = active
    ? view.verdict.witnesses.find((w) => w.id === active.id)
    : view.verdict.witnesses.find((w) => w.id === view.verdict.highlight[0]);
  const arrowsFor = witnessShown?.id ?? null;
  const arrowFrom = witnessShown?.related[0] ?? null;

  const verdict = view.verdict;
  const latest = verdict.witnesses[verdict.witnesses.length - 1];
  const unknownKeys = verdict.keys.flatMap((s, k) => (s === 'unknown' ? [view.keys[k]] : []));
  const keyName = (k: number) => view.keys[k] ?? `k${k}`;

  /** Moves the window so `op` is in view (pinning it when it is not the live edge). */
  const reveal = (op: HOp) => {
    const end = endOf();
    const opEnd = op.endMs ?? p.frameT;
    if (op.startMs >= end - windowMs * 0.95 && opEnd <= end) return;
    setAnchor(Math.min(p.frameT, Math.max(opEnd + windowMs * 0.1, op.startMs + windowMs * 0.75)));
  };

  const showViolation = () => {
    if (!latest) return;
    const lit = [latest.id, ...latest.related].flatMap((id) => byId.get(id) ?? []);
    setFocus(latest.id);
    if (!lit.length) {
      // Older than the recent entries: pin the window there; the older history joins in.
      setAnchor(Math.min(p.frameT, latest.atMs + windowMs / 2));
      return;
    }
    const start = Math.min(...lit.map((o) => o.startMs));
    const stop = Math.max(...lit.map((o) => o.endMs ?? p.frameT));
    const span = (stop - start) * 1.3 + 200;
    const w = WINDOWS.find((x) => x >= span) ?? WINDOWS[WINDOWS.length - 1]!;
    setWindowMs(w);
    setAnchor(Math.min(p.frameT, stop + (w - (stop - start)) / 2));
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const inLanes = ops.filter((o) => lanes.some((l) => l.id === o.process));
    if (!inLanes.length) return;
    const cur = focus === null ? undefined : byId.get(focus);
    const laneOps = (process: number) => inLanes.filter((o) => o.process === process);
    let next: HOp | undefined;
    if (e.key === 'Escape') {
      setFocus(null);
      setAnchor(null);
      e.preventDefault();
      return;
    }
    // The lanes own their arrows and Home/End: the page's shortcuts (step, seek) must not see them.
    if (['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End'].includes(e.key))
      e.stopPropagation();
    if (!cur) {
      if (!['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End'].includes(e.key))
        return;
      next = inLanes[inLanes.length - 1];
    } else if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
      const list = laneOps(cur.process);
      const i = list.indexOf(cur);
      next = list[e.key === 'ArrowLeft' ? Math.max(0, i - 1) : Math.min(list.length - 1, i + 1)];
    } else if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      const li = lanes.findIndex((l) => l.id === cur.process);
      const lane = lanes[li + (e.key === 'ArrowUp' ? -1 : 1)];
      const list = lane ? laneOps(lane.id) : [];
      next = list.reduce<HOp | undefined>(
        (best, o) =>
          !best || Math.abs(o.startMs - cur.startMs) < Math.abs(best.startMs - cur.startMs)
            ? o
            : best,
        undefined,
      );
      next ??= cur;
    } else if (e.key === 'Home' || e.key === 'End') {
      const list = laneOps(cur.process);
      next = e.key === 'Home' ? list[0] : list[list.length - 1];
    } else return;
    e.preventDefault();
    if (!next) return;
    setFocus(next.id);
    reveal(next);
  };

  const onOp = useCallback((id: number | null, how: 'hover' | 'activate') => {
    if (how === 'hover') setHover(id);
    else if (id !== null) setFocus((f) => (f === id ? null : id));
  }, []);

  const witnessOfActive = active ? verdict.witnesses.find((w) => w.id === active.id) : undefined;
  const status = active
    ? `${describeOp(active, keyName, p.frameT)}${witnessOfActive ? ` Not linearizable: ${witnessOfActive.sentence}.` : related.length ? ` Related: ${related.length} op${related.length > 1 ? 's' : ''} ringed.` : ''}`
    : 'Hover an operation, or focus the lanes and use the arrow keys, for details.';

  const state = verdict.linearizable
    ? 'ok'
    : unknownKeys.length && !verdict.violations
      ? 'unknown'
      : 'bad';
  return (
    <>
      <div
        className={`cap-verdict verdict-${state}`}
        style={{ height: p.verdictH }}
        data-testid="cap-verdict"
        data-linearizable={String(verdict.linearizable)}
        data-violations={verdict.violations}
      >
        <span className="cap-verdict-mark" aria-hidden="true">
          {state === 'ok' ? '✓' : state === 'bad' ? '✕' : '?'}
        </span>
        <p>
          {state === 'ok' ? (
            <>
              <strong>Linearizable so far:</strong> the{' '}
              {view.historyTotal ? 'completed operations fit' : 'history fits'} one order that
              respects real time.
            </>
          ) : state === 'bad' ? (
            <>
              <strong>Not linearizable:</strong>{' '}
              <span data-testid="cap-sentence">
                {verdict.sentence ?? 'a read could not be placed'}
              </span>
              .
              {verdict.violations > 1 ? (
                <span className="muted"> ({verdict.violations} reads could not be placed.)</span>
              ) : null}
            </>
          ) : (
            <>
              <strong>Unknown:</strong> the checker gave up on {unknownKeys.join(', ')} (search
              budget).
            </>
          )}
        </p>
        {latest ? (
          <button type="button" onClick={showViolation} className="cap-show">
            Show in history
          </button>
        ) : null}
      </div>
      <div className="cap-history" style={{ height: p.height }}>
        <div className="cap-history-bar" style={{ height: TOOLBAR_H }}>
          <span className="panel-title">History</span>
          <ul className={`cap-legend${p.width < 640 ? ' compact' : ''}`} aria-label="Outcomes">
            {LEGEND.map(([cls, mark, word]) => (
              <li key={cls} title={word}>
                <span className={`cap-swatch ${cls}`} aria-hidden="true" />
                {mark ? <span aria-hidden="true">{mark}</span> : null}
                <span className="cap-legend-word">{word}</span>
              </li>
            ))}
          </ul>
          <span className="cap-history-tools">
            <label>
              <span className="sr-only">Time window</span>
              <select
                value={windowMs}
                onChange={(e) => setWindowMs(Number(e.target.value))}
                aria-label="Time window"
              >
                {WINDOWS.map((w) => (
                  <option key={w} value={w}>
                    last {w / 1000} s
                  </option>
                ))}
              </select>
            </label>
            {anchor !== null ? (
              <button
                type="button"
                onClick={() => {
                  setAnchor(null);
                  setFocus(null);
                }}
              >
                Back to live
              </button>
            ) : null}
          </span>
        </div>
        <div
          className="cap-lanes"
          tabIndex={0}
          role="group"
          aria-label="History: one lane per client, one bar per operation. Arrow keys move between operations, Escape returns to live."
          aria-describedby={`${p.prefix}-status`}
          onKeyDown={onKeyDown}
          onBlur={() => setHover(null)}
          data-anchored={String(anchor !== null)}
        >
          <History
            width={p.width}
            height={lanesH}
            prefix={p.prefix}
            lanes={lanes}
            ops={ops}
            windowMs={windowMs}
            endQ={endQ}
            clock={clock}
            moving={p.playing && !p.reducedMotion && anchor === null}
            seq={p.seq}
            witnesses={witnesses}
            highlight={highlight}
            arrowsFor={arrowsFor}
            arrowFrom={arrowFrom}
            focus={focus}
            focusKey={p.focusKey}
            onOp={onOp}
          />
        </div>
        <p
          id={`${p.prefix}-status`}
          className="cap-op-status"
          aria-live="polite"
          data-testid="cap-op-status"
        >
          {status}
        </p>
      </div>
    </>
  );
}
