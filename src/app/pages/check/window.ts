/**
 * Which operations the check page draws for a violation. When the key's history up to the failing
 * op's response is short, all of it (that prefix is what fails). Otherwise the smallest stretch
 * the checker's explanation needs, from the earliest invocation among the failing op and the ops
 * its sentence names to the failing op's response, with every op of the key overlapping it (its
 * order against them is what the search could not satisfy). Positions
 * are ranked, so gaps left by other keys' events do not stretch the drawing.
 */
import type { Format, LoadedOp } from '../../../worker/checkApi';

export interface WindowOp {
  op: LoadedOp;
  /** Ranked positions of its invoke and response; end is null when there is none in the window. */
  start: number;
  end: number | null;
  role: 'violation' | 'named' | 'other';
}

export interface FailingWindow {
  ops: WindowOp[];
  processes: number[];
  /** Ranked positions in the drawing (0..slots-1). */
  slots: number;
  /** Ops of the key left out because they fall outside the stretch. */
  hidden: number;
}

const MAX_DRAWN = 60;
const WHOLE_PREFIX = 24;

export function failingWindow(
  keyOps: readonly LoadedOp[],
  violation: number,
  named: readonly number[],
): FailingWindow {
  const v = keyOps.find((o) => o.id === violation);
  if (!v) return { ops: [], processes: [], slots: 0, hidden: keyOps.length };
  const namedSet = new Set(named);
  const focus = keyOps.filter((o) => o.id === violation || namedSet.has(o.id));
  const lo = Math.min(...focus.map((o) => o.call));
  const hi = Number.isFinite(v.ret) ? v.ret : Math.max(...keyOps.map((o) => o.call));
  // A short history is drawn whole up to the failing op's response (the prefix that fails).
  const prefix = keyOps.filter((o) => o.call <= hi);
  let inside =
    prefix.length <= WHOLE_PREFIX
      ? prefix
      : keyOps.filter((o) => focus.includes(o) || (o.call <= hi && o.ret >= lo));
  // A window crowded by many clients keeps the ops that overlap the failing op itself.
  if (inside.length > MAX_DRAWN)
    inside = inside.filter((o) => focus.includes(o) || (o.call <= v.ret && o.ret >= v.call));
  inside = inside.slice(0, MAX_DRAWN);
  const points = [
    ...new Set(inside.flatMap((o) => (Number.isFinite(o.ret) ? [o.call, o.ret] : [o.call]))),
  ].sort((a, b) => a - b);
  const rank = new Map(points.map((p, i) => [p, i]));
  return {
    ops: inside.map((op) => ({
      op,
      start: rank.get(op.call)!,
      end: Number.isFinite(op.ret) ? rank.get(op.ret)! : null,
      role: op.id === violation ? 'violation' : namedSet.has(op.id) ? 'named' : 'other',
    })),
    processes: [...new Set(inside.map((o) => o.process))].sort((a, b) => a - b),
    slots: points.length,
    hidden: keyOps.length - inside.length,
  };
}

const show = (v: unknown): string =>
  v === null ? 'nothing' : Array.isArray(v) ? `[${v.join(' ')}]` : String(v);

/** The op as a bar's label: "w 3", "r 3", "cas 2→4", "app x". */
export function shortLabel(o: LoadedOp): string {
  if (o.f === 'cas') {
    const [a, b] = o.value as unknown[];
    return `cas ${show(a)}→${show(b)}`;
  }
  const f = o.f === 'read' ? 'r' : o.f === 'write' ? 'w' : 'app';
  return o.f === 'read' && o.type !== 'ok' ? 'r ?' : `${f} ${show(o.value)}`;
}

const OUTCOME_WORD: Record<LoadedOp['type'], string> = {
  ok: 'completed',
  fail: 'failed',
  info: 'outcome unknown',
  pending: 'no response',
};

/** Where the op is in the file: a line, or for JSON the entry's index (as the parser's messages say). */
export const placeOf = (o: LoadedOp, format: Format): string =>
  format === 'json' ? `entry ${o.line}` : `line ${o.line}`;

/** The op in words, for the table beside the drawing and for screen readers. */
export function longLabel(o: LoadedOp, format: Format): string {
  const what =
    o.f === 'cas'
      ? `cas from ${show((o.value as unknown[])[0])} to ${show((o.value as unknown[])[1])}`
      : o.f === 'read'
        ? o.type === 'ok'
          ? `read ${show(o.value)}`
          : 'read'
        : `${o.f} of ${show(o.value)}`;
  const missed = o.casMissed ? ' (found another value)' : '';
  return `P${o.process} ${what}, ${OUTCOME_WORD[o.type]}${missed} (${placeOf(o, format)})`;
}
