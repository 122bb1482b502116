/** What the animation loops read between renders: the latest frame data and the pointer focus. */
import type { InFlight, LogEvent } from '../../sim/core/types';
import type { MessageLinks } from './messages';
import type { RaftView } from './types';

/** A server, or a message by its history id and in-flight id (-1 when it has none). */
export type Focus =
  { kind: 'server'; id: number } | { kind: 'message'; record: number; flight: number } | null;

export interface Live {
  view: RaftView;
  inFlight: readonly InFlight[];
  links: MessageLinks;
  virtualNow(): number;
  hover: Focus;
  selected: Focus;
  reduced: boolean;
  /** Mean one-way latency (ms), for drawing where a lost message was heading. */
  latencyMs: number;
  events: readonly LogEvent[];
  /** Bumps with every frame. */
  seq: number;
}

export const sameFocus = (a: Focus, b: Focus): boolean =>
  a === b ||
  (!!a &&
    !!b &&
    (a.kind === 'server'
      ? b.kind === 'server' && a.id === b.id
      : b.kind === 'message' && a.record === b.record && a.flight === b.flight));

/** Reads theme colours from CSS variables, at most a few times a second. */
export function themeReader(): (
  el: Element,
) => Record<'fg' | 'muted' | 'grid' | 'panel' | 'bad' | 'accent', string> {
  let at = -1e9;
  let cached = {
    fg: '#000',
    muted: '#666',
    grid: '#ddd',
    panel: '#fff',
    bad: '#b03a00',
    accent: '#005a8e',
  };
  return (el) => {
    const now = performance.now();
    if (now - at > 500) {
      at = now;
      const cs = getComputedStyle(el);
      const v = (name: string, fb: string) => cs.getPropertyValue(name).trim() || fb;
      cached = {
        fg: v('--fg', '#000'),
        muted: v('--muted', '#666'),
        grid: v('--grid', '#ddd'),
        panel: v('--panel', '#fff'),
        bad: v('--bad', '#b03a00'),
        accent: v('--accent', '#005a8e'),
      };
    }
    return cached;
  };
}
