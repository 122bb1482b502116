/**
 * Hash routes (`#/lesson/x`), so the built site works from any sub-path of any static server
 * with no rewrite rules.
 */
import { useEffect, useState } from 'react';

export interface Route {
  /** Path segments after `#/`. */
  parts: string[];
  query: URLSearchParams;
  /** The path as written, when one of its `%` escapes is not valid (`#/play/%`). */
  malformed?: string;
}

/** Decodes one segment, or null when its `%` escapes are not valid UTF-8. */
const decodePart = (part: string): string | null => {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
};

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#\/?/, '');
  const q = raw.indexOf('?');
  const path = q >= 0 ? raw.slice(0, q) : raw;
  const query = new URLSearchParams(q >= 0 ? raw.slice(q + 1) : '');
  const decoded = path.split('/').filter(Boolean).map(decodePart);
  if (decoded.some((p) => p === null)) return { parts: [], query, malformed: path };
  return { parts: decoded as string[], query };
}

/** What a route shows: a page and its argument, or not-found (never an error). */
export type Page =
  | { kind: 'home' }
  | { kind: 'not-found'; path: string; why?: string }
  | { kind: 'lesson'; id: string }
  | { kind: 'play'; model: string }
  | { kind: 'play-index' }
  | { kind: 'experiments'; id: string | undefined }
  | { kind: 'editor'; model: string | undefined }
  | { kind: 'lab'; model: string | undefined }
  | { kind: 'embed' }
  | { kind: 'check' }
  | { kind: 'practice'; model: string | undefined };

/** How many path segments each section takes: more is a link to nothing, not to its parent. */
const DEPTH: Readonly<Record<string, number>> = {
  lesson: 2,
  play: 2,
  experiments: 2,
  editor: 2,
  lab: 2,
  embed: 1,
  check: 1,
  practice: 2,
};

export function pageOf(route: Route): Page {
  if (route.malformed !== undefined)
    return { kind: 'not-found', path: route.malformed, why: 'its % escapes are not valid' };
  const [section, arg] = route.parts;
  if (!section) return { kind: 'home' };
  if (!Object.hasOwn(DEPTH, section) || route.parts.length > DEPTH[section]!)
    return { kind: 'not-found', path: route.parts.join('/') };
  if (section === 'lesson')
    return arg ? { kind: 'lesson', id: arg } : { kind: 'not-found', path: section };
  if (section === 'play') return arg ? { kind: 'play', model: arg } : { kind: 'play-index' };
  if (section === 'experiments') return { kind: 'experiments', id: arg };
  if (section === 'editor') return { kind: 'editor', model: arg };
  if (section === 'lab') return { kind: 'lab', model: arg };
  if (section === 'embed') return { kind: 'embed' };
  if (section === 'practice') return { kind: 'practice', model: arg };
  return { kind: 'check' };
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(location.hash));
  useEffect(() => {
    const on = () => setRoute(parseHash(location.hash));
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  return route;
}

export const href = (...parts: string[]): string => `#/${parts.map(encodeURIComponent).join('/')}`;
