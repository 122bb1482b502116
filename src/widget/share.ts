/**
 * Share links: a scenario (and the time to open it at) encoded in the URL hash, so a static
 * server needs no rewrite rules and the link works from any sub-path.
 * Format: `#/play/<model>?s=<base64url JSON>&t=<ms>`; `param-<name>=` and `seed=` override
 * single fields; `preset=` picks a preset.
 */
import type { Scenario } from '../sim/core/types';

export function encodeScenario(s: Scenario): string {
  const bytes = new TextEncoder().encode(JSON.stringify(s));
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Decodes `s=`; returns an error message rather than throwing. */
export function decodeScenario(
  encoded: string,
): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    const b64 = encoded.replace(/-/g, '+').replace(/_/g, '/');
    const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
    const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
    return { ok: true, value: JSON.parse(new TextDecoder().decode(bytes)) as unknown };
  } catch {
    return { ok: false, error: 's: the shared scenario is not valid (the link may be truncated)' };
  }
}

/** The hash route of a share link. */
export const shareHash = (s: Scenario, t: number): string =>
  `#/play/${encodeURIComponent(s.model)}?s=${encodeScenario(s)}${t > 0 ? `&t=${Math.round(t)}` : ''}`;

/** The scenario editor's route for a scenario: the same `s=` and `t=` as a share link. */
export const editorHash = (s: Scenario, t: number): string =>
  `#/editor/${encodeURIComponent(s.model)}?s=${encodeScenario(s)}${t > 0 ? `&t=${Math.round(t)}` : ''}`;

/** A full share URL for the current page's origin and path. */
export const shareUrl = (s: Scenario, t: number): string =>
  `${location.origin}${location.pathname}${shareHash(s, t)}`;
