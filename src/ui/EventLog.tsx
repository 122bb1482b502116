/**
 * The event log: what happened, in words, over the whole run (the host keeps it across seeks and
 * rebuilds it by replay). Lines after the current time (after scrubbing back) are greyed;
 * clicking a line's time seeks there; a filter shows one kind of event. It is an ARIA live
 * region (role="log"), so screen readers narrate new lines.
 */
import { memo, useId, useMemo, useState } from 'react';
import type { LogEvent } from '../sim/core/types';
import { formatNumber, formatTime } from './format';

export interface EventLogProps {
  /** The durable log, oldest first; it may run past `now`. */
  events: readonly LogEvent[];
  /** Absolute index of `events[0]` (older lines were dropped), for stable keys. */
  start: number;
  /** The current virtual time: later lines are greyed. */
  now?: number;
  onSeek?(t: number): void;
  /** Lines to show up to the current time (the newest of them). */
  limit?: number;
  /** Greyed lines to show after the current time. */
  ahead?: number;
  /** A guided step's caption, announced as the newest line (the live region reads it). */
  narration?: { key: string; text: string } | undefined;
}

const LEVEL_LABEL: Record<LogEvent['level'], string> = {
  info: '',
  warn: 'Warning',
  error: 'Error',
  violation: 'Invariant broken',
};

/** Event kinds as the learner reads them (anything else: the word, capitalised). */
const KIND_LABEL: Record<string, string> = {
  params: 'Parameter changes',
  prevote: 'Pre-votes',
  stepdown: 'Step-downs',
  split: 'Split votes',
  invariant: 'Invariants',
  heal: 'Network heals',
  partition: 'Partitions',
  drop: 'Dropped messages',
  snapshot: 'Snapshots',
};

export const kindLabel = (kind: string): string =>
  KIND_LABEL[kind] ?? kind.charAt(0).toUpperCase() + kind.slice(1).replace(/[-_]/g, ' ');

/** Index of the first line after `t` (lines are in time order). */
function firstAfter(events: readonly LogEvent[], t: number): number {
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (events[mid]!.t <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export const EventLog = memo(function EventLog({
  events,
  start,
  now = Infinity,
  onSeek,
  limit = 60,
  ahead = 15,
  narration,
}: EventLogProps) {
  const titleId = useId();
  const filterId = useId();
  const [kind, setKind] = useState('');
  const kinds = useMemo(() => {
    const set = new Set<string>();
    for (const e of events) if (e.kind) set.add(e.kind);
    return [...set].sort((a, b) => kindLabel(a).localeCompare(kindLabel(b)));
  }, [events]);
  const { shown, firstIndex, futureFrom } = useMemo(() => {
    const indexed = events.map((e, i) => ({ e, i }));
    const pool = kind ? indexed.filter((x) => x.e.kind === kind) : indexed;
    const split = firstAfter(
      pool.map((x) => x.e),
      now,
    );
    const from = Math.max(0, split - limit);
    const to = Math.min(pool.length, split + ahead);
    return { shown: pool.slice(from, to), firstIndex: from, futureFrom: split - from };
  }, [events, kind, now, limit, ahead]);
  const pastCount = Math.min(shown.length, futureFrom);
  // The scroll box is a column-reverse flex container (see ui.css), so it stays pinned to the
  // newest line without JavaScript: setting scrollTop on every update forced a layout each time.
  return (
    <div className="event-log" role="group" aria-labelledby={titleId}>
      <div className="event-log-head">
        <div id={titleId} className="panel-title">
          Event log
        </div>
        {kinds.length > 1 ? (
          <label className="event-log-filter" htmlFor={filterId}>
            Show{' '}
            <select id={filterId} value={kind} onChange={(e) => setKind(e.target.value)}>
              <option value="">every event</option>
              {kinds.map((k) => (
                <option key={k} value={k}>
                  {kindLabel(k)}
                </option>
              ))}
            </select>
          </label>
        ) : null}
      </div>
      {start > 0 && firstIndex === 0 ? (
        <p className="muted event-log-dropped">
          Older entries dropped: the log keeps the latest {formatNumber(events.length, 0)} lines (
          {formatNumber(start, 0)} earlier ones are not shown).
        </p>
      ) : null}
      <div
        className="log-scroll"
        role="log"
        aria-live="polite"
        aria-relevant="additions"
        aria-label="Simulation events"
        tabIndex={0}
      >
        <ol>
          {pastCount === 0 && !narration ? (
            <li className="muted">
              {kind
                ? `No ${kindLabel(kind).toLowerCase()} yet.`
                : 'Nothing has happened yet. Press play or act on the model.'}
            </li>
          ) : null}
          {shown.map(({ e, i }, n) => {
            const future = n >= pastCount;
            const note =
              narration && n === pastCount ? (
                <li key={narration.key} className="log-tour">
                  <strong>Guided tour: </strong>
                  {narration.text}
                </li>
              ) : null;
            return [
              note,
              <li key={start + i} className={`level-${e.level}${future ? ' log-future' : ''}`}>
                {onSeek ? (
                  <button
                    type="button"
                    className="time link-button"
                    onClick={() => onSeek(e.t)}
                    aria-label={`Go to ${formatTime(e.t)}${future ? ' (later than now)' : ''}`}
                  >
                    {formatTime(e.t)}
                  </button>
                ) : (
                  <span className="time">{formatTime(e.t)}</span>
                )}{' '}
                {LEVEL_LABEL[e.level] ? <strong>{LEVEL_LABEL[e.level]}: </strong> : null}
                {e.text}
              </li>,
            ];
          })}
          {narration && pastCount >= shown.length ? (
            <li key={narration.key} className="log-tour">
              <strong>Guided tour: </strong>
              {narration.text}
            </li>
          ) : null}
        </ol>
      </div>
    </div>
  );
});
