/** Number and time formatting shared by panels and narration. */

const intFmt = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export const formatInt = (n: number): string => intFmt.format(n);

export function formatNumber(n: number, digits = 2): string {
  if (!Number.isFinite(n)) return '–';
  if (Math.abs(n) >= 1e6) return `${(n / 1e6).toFixed(1)}M`;
  if (Math.abs(n) >= 100) return formatInt(Math.round(n));
  return n.toFixed(Number.isInteger(n) ? 0 : digits);
}

export const formatPercent = (f: number, digits = 1): string =>
  Number.isFinite(f) ? `${(f * 100).toFixed(digits)}%` : '–';

/** Virtual time: "850 ms", "12.35 s", "3 min 05 s". */
export function formatTime(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(2)} s`;
  const min = Math.floor(ms / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  return `${min} min ${String(s).padStart(2, '0')} s`;
}

/** Reads a dotted path (`downtimeMs.median`) from an experiment's result. */
export function pick(obj: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined),
      obj,
    );
}

/** One cell of an experiment's summary table, formatted as its summary field says. */
export const formatSummaryValue = (
  v: unknown,
  s: { digits?: number; percent?: boolean },
): string =>
  typeof v === 'number'
    ? s.percent
      ? formatPercent(v)
      : formatNumber(v, s.digits ?? 3)
    : String(v);
