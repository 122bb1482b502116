/**
 * Share links: a scenario (and the time to open it at) encoded in the URL hash, so a static
 * server needs no rewrite rules and the link works from any sub-path.
 * Format: `#/play/<model>?s=<base64url JSON>&t=<ms>`; `param-<name>=` and `seed=` override
 * single fields; `preset=` picks a preset.
 */
import { jsonTextProblem } from '../sim/core/jsonText';
import { MAX_SCENARIO_CHARS } from '../sim/core/limits';
import type { Scenario } from '../sim/core/types';

/** base64 makes 3 bytes 4 characters: the longest `s=` that can hold a scenario of the maximum size. */
const MAX_ENCODED_CHARS = Math.ceil((MAX_SCENARIO_CHARS * 4) / 3) + 4;

export function encodeScenario(s: Scenario): string {
  const bytes = new TextEncoder().encode(JSON.stringify(s));
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * Decodes `s=`; returns an error message (without the attribute's name) rather than throwing.
 * The length is checked before decoding and the nesting before parsing, so a huge or deeply
 * nested link costs a linear scan and gets a message.
 */
export function decodeScenario(
  encoded: string,
): { ok: true; value: unknown } | { ok: false; error: string } {
  if (encoded.length > MAX_ENCODED_CHARS)
    return {
      ok: false,
      error: `is ${encoded.length.toLocaleString('en-US')} characters long, above the maximum ${MAX_ENCODED_CHARS.toLocaleString('en-US')} (a scenario of ${MAX_SCENARIO_CHARS.toLocaleString('en-US')} characters)`,
    };
  let text: string;
  try {
    const b64 = encoded.replace(/-/g, '+').replace(/_/g, '/');
    const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, error: 'the shared scenario is not valid (the link may be truncated)' };
  }
  const problem = jsonTextProblem(text);
  if (problem) return { ok: false, error: `the shared scenario ${problem}` };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, error: 'the shared scenario is not valid (the link may be truncated)' };
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
