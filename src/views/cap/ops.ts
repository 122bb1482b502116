/**
 * Operations as the history view draws them: each invoke paired with its process's next
 * completion (Jepsen histories put one open op per process), stale reads marked the way the model
 * counts them, and the text a bar, a tooltip or a screen reader gets.
 */
import type { CapView, HistoryEntry, ReadValue } from './types';

export type Outcome = 'ok' | 'fail' | 'info' | 'pending';

export interface HOp {
  /** History index of the invoke: the id the checker's witnesses use. */
  id: number;
  process: number;
  f: 'read' | 'write';
  key: number;
  /** Write: the value written. Read: what it returned (null when it failed or is pending). */
  value: ReadValue;
  startMs: number;
  /** null while pending. */
  endMs: number | null;
  /** History index of the completion (-1 while pending). */
  end: number;
  type: Outcome;
  /** A read that returned a value already overwritten before it began. */
  stale: boolean;
}

/**
 * Pairs invokes with completions, oldest first. Completions whose invoke is older than the
 * entries given are skipped. Staleness follows the model: a read is stale when the write of the
 * value it returned had completed before some other write began, and that write had completed
 * before the read began (values whose writes are older than `entries` count as not stale).
 */
export function pairOps(entries: readonly HistoryEntry[]): HOp[] {
  const ops: HOp[] = [];
  const open = new Map<number, HOp>();
  /** Per key: the latest invoke index among completed writes, and each value's write's ok. */
  const bar = new Map<number, number>();
  const doneAt = new Map<string, number>();
  const barAtStart = new Map<number, number>();
  for (const e of entries) {
    if (e.type === 'invoke') {
      const op: HOp = {
        id: e.index,
        process: e.process,
        f: e.f,
        key: e.key,
        value: e.f === 'write' ? e.value : null,
        startMs: e.time,
        endMs: null,
        end: -1,
        type: 'pending',
        stale: false,
      };
      open.set(e.process, op);
      ops.push(op);
      if (e.f === 'read') barAtStart.set(op.id, bar.get(e.key) ?? -1);
      continue;
    }
    const op = open.get(e.process);
    if (!op) continue;
    open.delete(e.process);
    op.type = e.type;
    op.endMs = e.time;
    op.end = e.index;
    if (e.type !== 'ok') continue;
    if (op.f === 'write') {
      bar.set(op.key, Math.max(bar.get(op.key) ?? -1, op.id));
      doneAt.set(`${op.key}:${String(op.value)}`, e.index);
      continue;
    }
    op.value = e.value;
    const b = barAtStart.get(op.id) ?? -1;
    if (b < 0) continue;
    const values = op.value === null ? null : typeof op.value === 'number' ? [op.value] : op.value;
    op.stale =
      values === null || values.some((v) => (doneAt.get(`${op.key}:${v}`) ?? Infinity) < b);
  }
  return ops;
}

/**
 * The history to draw: the heavy full history (sent in chunks) joined with the view's recent
 * entries, which are always newer than the chunk's start.
 */
export function joinHistory(
  heavy: readonly HistoryEntry[] | undefined,
  recent: readonly HistoryEntry[],
): readonly HistoryEntry[] {
  if (!heavy?.length) return recent;
  const first = recent[0]?.index ?? Infinity;
  const last = heavy[heavy.length - 1]!.index;
  // A heavy copy from before a rebuild, or one that does not reach the recent entries: skip it.
  if (last >= (recent[recent.length - 1]?.index ?? -1) + 1 || last + 1 < first) return recent;
  const older = heavy.filter((e) => e.index < first);
  return older.length ? [...older, ...recent] : recent;
}

export const showValue = (v: ReadValue): string =>
  v === null ? '∅' : typeof v === 'number' ? String(v) : `{${v.join(', ')}}`;

const OUTCOME_WORD: Record<Outcome, string> = {
  ok: 'ok',
  fail: 'failed',
  info: 'unknown',
  pending: 'pending',
};

/** The short text drawn on a bar: "W 13", "R 12", "R ✕", "W 14 ?". */
export function barLabel(op: HOp): string {
  const mark =
    op.type === 'fail' ? ' ✕' : op.type === 'info' ? ' ?' : op.type === 'pending' ? '…' : '';
  if (op.f === 'write') return `W ${showValue(op.value)}${mark}`;
  return op.type === 'ok' ? `R ${showValue(op.value)}${op.stale ? ' stale' : ''}` : `R${mark}`;
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

/** One sentence about an op, for the status line and tooltips. */
export function describeOp(op: HOp, keyName: (k: number) => string, nowMs: number): string {
  const who = `C${op.process}`;
  const what =
    op.f === 'write'
      ? `${who} write ${showValue(op.value)} to ${keyName(op.key)}`
      : `${who} read ${keyName(op.key)}${op.type === 'ok' ? ` → ${showValue(op.value)}` : ''}`;
  const end = op.endMs ?? nowMs;
  const span = `${seconds(op.startMs)} to ${op.endMs === null ? 'now' : seconds(end)}, ${Math.round(end - op.startMs)} ms`;
  const outcome =
    op.type === 'info'
      ? 'unknown: it may or may not have taken effect'
      : op.type === 'fail'
        ? 'failed: it did not take effect'
        : OUTCOME_WORD[op.type];
  return `${what}: ${outcome}${op.stale ? ', a stale read' : ''} (${span}).`;
}

/**
 * The ops to highlight with `op`: for a checker witness, the ops its sentence names; otherwise
 * the write a read got its value from, or the reads that returned a write's value.
 */
export function relatedOps(op: HOp, ops: readonly HOp[], view: CapView): number[] {
  const w = view.verdict.witnesses.find((x) => x.id === op.id);
  if (w) return w.related;
  const same = ops.filter((o) => o.key === op.key && o.id !== op.id);
  if (op.f === 'read') {
    const vals = op.value === null ? [] : typeof op.value === 'number' ? [op.value] : op.value;
    return same.filter((o) => o.f === 'write' && vals.includes(o.value as number)).map((o) => o.id);
  }
  return same
    .filter(
      (o) =>
        o.f === 'read' &&
        o.type === 'ok' &&
        (o.value === op.value || (Array.isArray(o.value) && o.value.includes(op.value as number))),
    )
    .map((o) => o.id);
}
