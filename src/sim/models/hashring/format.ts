/**
 * Number formatting for log lines. Log text feeds the trace hash, so it must not depend on the
 * locale (`toLocaleString` would give "1.987" in Germany and break golden traces).
 */

/** 1987654 -> "1,987,654" */
export function formatInt(n: number): string {
  const digits = String(Math.abs(Math.round(n)));
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ',';
    out += digits[i];
  }
  return n < 0 ? `-${out}` : out;
}

/** 0.1987 -> "19.9%" */
export const formatPercent = (fraction: number): string => `${(fraction * 100).toFixed(1)}%`;

/** A short decimal: 0.62143 -> "0.621" (three significant-ish digits for ratios). */
export const formatRatio = (x: number): string => x.toFixed(x >= 10 ? 1 : x >= 1 ? 2 : 3);

/** The display name of node `id`. */
export const nodeName = (id: number): string => `N${id}`;

/** "N1", "N1 and N2", "N1, N2 and N3" */
export function nodeList(ids: readonly number[]): string {
  const names = ids.map(nodeName);
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]!}`;
}

/** "1 vnode", "100 vnodes" */
export const count = (n: number, noun: string): string =>
  `${formatInt(n)} ${noun}${n === 1 ? '' : 's'}`;
