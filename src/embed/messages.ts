/**
 * The iframe page's message API. The rule for who may drive a widget:
 *   - a message is obeyed only if it comes from the page that embeds the iframe
 *     (`event.source === window.parent`), and
 *   - its origin is one listed in `?parent=` (repeat it, or separate origins with commas), or,
 *     without `?parent=`, the iframe's own origin (same-origin embedding only).
 * Messages the iframe sends (ready, height, error) carry nothing private; they go to the listed
 * parent origins, or to any embedder when none is listed.
 */

export const PREFIX = 'ds-playground:';

export type Command =
  | { type: 'ds-playground:play' }
  | { type: 'ds-playground:pause' }
  | { type: 'ds-playground:reset' }
  | { type: 'ds-playground:seek'; ms: number };

export type Report =
  | { type: 'ds-playground:ready'; id?: string; model: string }
  | { type: 'ds-playground:height'; id?: string; height: number }
  | { type: 'ds-playground:error'; id?: string; errors: string[] };

/** The origins `?parent=` allows (normalized), or null when it is absent. Bad values are dropped. */
export function parentOrigins(params: URLSearchParams): string[] | null {
  const raw = params.getAll('parent');
  if (!raw.length) return null;
  const origins: string[] = [];
  for (const value of raw.flatMap((r) => r.split(','))) {
    try {
      const o = new URL(value.trim()).origin;
      if (o !== 'null' && !origins.includes(o)) origins.push(o);
    } catch {
      // not a URL: allows nothing
    }
  }
  return origins;
}

/** True when a message from `origin` may drive this widget. */
export function allowedSender(origin: string, parents: string[] | null, own: string): boolean {
  return parents ? parents.includes(origin) : origin === own;
}

/** The command in a message's data, or null for anything else (other libraries' messages too). */
export function readCommand(data: unknown): Command | null {
  if (!data || typeof data !== 'object') return null;
  const d = data as { type?: unknown; ms?: unknown };
  switch (d.type) {
    case 'ds-playground:play':
    case 'ds-playground:pause':
    case 'ds-playground:reset':
      return { type: d.type };
    case 'ds-playground:seek':
      return typeof d.ms === 'number' && Number.isFinite(d.ms) && d.ms >= 0
        ? { type: d.type, ms: d.ms }
        : null;
    default:
      return null;
  }
}
