/**
 * The event log: what happened, in words. It is an ARIA live region (role="log"), so screen
 * readers narrate new lines; clicking a line's time seeks there.
 */
import { memo, useId } from 'react';
import type { LogEvent } from '../sim/core/types';
import { formatTime } from './format';

export interface EventLogProps {
  events: readonly LogEvent[];
  /** Absolute index of `events[0]`, for stable keys. */
  start: number;
  onSeek?(t: number): void;
  /** Lines to show (the newest). */
  limit?: number;
}

const LEVEL_LABEL: Record<LogEvent['level'], string> = {
  info: '',
  warn: 'Warning',
  error: 'Error',
  violation: 'Invariant broken',
};

export const EventLog = memo(function EventLog({
  events,
  start,
  onSeek,
  limit = 60,
}: EventLogProps) {
  const titleId = useId();
  const skip = Math.max(0, events.length - limit);
  const shown = skip ? events.slice(skip) : events;
  // The scroll box is a column-reverse flex container (see ui.css), so it stays pinned to the
  // newest line without JavaScript: setting scrollTop on every update forced a layout each time.
  return (
    <div className="event-log" role="group" aria-labelledby={titleId}>
      <div id={titleId} className="panel-title">
        Event log
      </div>
      <div
        className="log-scroll"
        role="log"
        aria-live="polite"
        aria-relevant="additions"
        aria-label="Simulation events"
        tabIndex={0}
      >
        <ol>
          {shown.length === 0 ? (
            <li className="muted">Nothing has happened yet. Press play or act on the model.</li>
          ) : null}
          {shown.map((e, i) => (
            <li key={start + skip + i} className={`level-${e.level}`}>
              {onSeek ? (
                <button
                  type="button"
                  className="time link-button"
                  onClick={() => onSeek(e.t)}
                  aria-label={`Go to ${formatTime(e.t)}`}
                >
                  {formatTime(e.t)}
                </button>
              ) : (
                <span className="time">{formatTime(e.t)}</span>
              )}{' '}
              {LEVEL_LABEL[e.level] ? <strong>{LEVEL_LABEL[e.level]}: </strong> : null}
              {e.text}
            </li>
          ))}
        </ol>
      </div>
    </div>
  );
});
