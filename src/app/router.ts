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
