/** Play, pause, step, speed and the timeline scrubber. Every control has a keyboard shortcut. */
import { useId } from 'react';
import type { Speed } from '../sim/core/frame';
import { formatTime } from './format';

export const SPEEDS: Speed[] = [0.1, 0.25, 0.5, 1, 2, 5, 10, 25, 100, 'max'];

export interface PlaybackBarProps {
  t: number;
  horizonMs: number;
  playing: boolean;
  speed: Speed;
  lagging: boolean;
  /** Messages in flight play in slow motion at this speed (lessons, at the lesson speed). */
  slowMotion?: boolean;
  disabled: boolean;
  onToggle(): void;
  onStep(): void;
  onSeek(t: number): void;
  onSpeed(s: Speed): void;
  onRestart(): void;
  onFork?(): void;
  onShare?(): void;
  shareLabel?: string;
}

export function PlaybackBar(p: PlaybackBarProps) {
  const speedId = useId();
  const max = Math.max(p.horizonMs, p.t, 1);
  const canFork = p.t < p.horizonMs - 0.5;
  return (
    <div className="playback" role="group" aria-label="Playback">
      <button
        type="button"
        onClick={p.onRestart}
        disabled={p.disabled}
        title="Back to the start (Home)"
        aria-label="Back to the start"
      >
        <Icon d="M6 5v14M19 5l-10 7 10 7z" />
      </button>
      <button
        type="button"
        className="primary"
        onClick={p.onToggle}
        disabled={p.disabled}
        title={p.playing ? 'Pause (Space)' : 'Play (Space)'}
        aria-label={p.playing ? 'Pause' : 'Play'}
        aria-keyshortcuts="Space"
      >
        {p.playing ? <Icon d="M7 5h3v14H7zM14 5h3v14h-3z" /> : <Icon d="M7 5l12 7-12 7z" />}
      </button>
      <button
        type="button"
        onClick={p.onStep}
        disabled={p.disabled}
        title="Step to the next event (→)"
        aria-label="Step"
        aria-keyshortcuts="ArrowRight"
      >
        <Icon d="M5 5l10 7-10 7zM17 5h2v14h-2z" />
      </button>
      <label htmlFor={speedId} className="sr-only">
        Speed
      </label>
      <select
        id={speedId}
        value={String(p.speed)}
        disabled={p.disabled}
        title="Speed (+ / -)"
        onChange={(e) => p.onSpeed(e.target.value === 'max' ? 'max' : Number(e.target.value))}
      >
        {SPEEDS.map((s) => (
          <option key={String(s)} value={String(s)}>
            {s === 'max' ? 'max' : `${s}×`}
          </option>
        ))}
      </select>
      {p.slowMotion ? (
        <span
          className="slow-motion muted"
          title="While messages are in flight, time runs slower so you can follow each one; the run is the same"
        >
          slow motion in flight
        </span>
      ) : null}
      <input
        className="timeline"
        type="range"
        min={0}
        max={max}
        step={1}
        value={Math.min(p.t, max)}
        disabled={p.disabled}
        aria-label="Timeline"
        aria-valuetext={`${formatTime(p.t)} of ${formatTime(max)}`}
        aria-keyshortcuts="ArrowLeft"
        onChange={(e) => p.onSeek(Number(e.target.value))}
      />
      <output className="time" aria-live="off">
        {formatTime(p.t)}
        {p.lagging ? (
          <span title="The simulation cannot keep up with this speed"> (lagging)</span>
        ) : null}
      </output>
      {p.onFork && (
        <button
          type="button"
          onClick={p.onFork}
          disabled={p.disabled || !canFork}
          title="Drop everything after this moment and continue live from here (F)"
        >
          Fork here
        </button>
      )}
      {p.onShare && (
        <button
          type="button"
          onClick={p.onShare}
          disabled={p.disabled}
          title="Copy a link that reproduces this run (S)"
        >
          {p.shareLabel ?? 'Share'}
        </button>
      )}
    </div>
  );
}

function Icon({ d }: { d: string }) {
  return (
    <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
      <path
        d={d}
        fill="currentColor"
        stroke="currentColor"
        strokeWidth="1"
        strokeLinejoin="round"
      />
    </svg>
  );
}
