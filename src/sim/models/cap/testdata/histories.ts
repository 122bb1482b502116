/**
 * Test helpers: terse history construction, a random history generator, and a brute-force
 * linearizability reference (every order of every allowed subset, pruned only by the definition).
 */
import type { HistoryEntry } from '../history';
import type { ReadValue } from '../linearizability';

type Step =
  | [type: 'invoke', process: number, f: 'read' | 'write', value?: number | undefined]
  | [
      type: 'ok' | 'fail' | 'info',
      process: number,
      f: 'read' | 'write',
      value?: ReadValue | undefined,
    ];

/** Builds a one-key history from steps; time = position. */
export function hist(steps: Step[], key = 0): HistoryEntry[] {
  return steps.map(([type, process, f, value], index) => ({
    index,
    type,
    f,
    key,
    value: type === 'invoke' && f === 'read' ? null : (value ?? null),
    process,
    time: index,
  }));
}

interface RefOp {
  f: 'read' | 'write';
  value: ReadValue;
  call: number;
  ret: number;
  required: boolean;
}

/** The ops of one key: ok ops are required; unknown writes optional; fails and unknown reads out. */
export function refOps(entries: readonly HistoryEntry[], key = 0): RefOp[] {
  const open = new Map<number, HistoryEntry>();
  const ops: RefOp[] = [];
  const byInvoke = new Map<HistoryEntry, RefOp>();
  for (const e of entries) {
    if (e.key !== key) continue;
    if (e.type === 'invoke') {
      open.set(e.process, e);
      const op: RefOp = { f: e.f, value: e.value, call: e.index, ret: Infinity, required: false };
      byInvoke.set(e, op);
      ops.push(op);
      continue;
    }
    const inv = open.get(e.process);
    if (!inv) continue;
    open.delete(e.process);
    const op = byInvoke.get(inv)!;
    if (e.type === 'ok') {
      op.ret = e.index;
      op.required = true;
      if (op.f === 'read') op.value = e.value;
    } else if (e.type === 'fail') ops.splice(ops.indexOf(op), 1);
  }
  // Reads that never returned have no effect and no value to check.
  return ops.filter((o) => o.f === 'write' || o.required);
}

/** True iff some order of the required ops plus any subset of the optional ones is a legal,
 *  real-time-respecting register history starting empty. */
export function bruteForce(ops: readonly RefOp[]): boolean {
  const placed = new Array<boolean>(ops.length).fill(false);
  const go = (state: number | null, left: number): boolean => {
    if (left === 0) return true;
    for (let i = 0; i < ops.length; i++) {
      if (placed[i]) continue;
      const c = ops[i]!;
      // Every op that returned before c was called must already be placed.
      if (ops.some((m, j) => !placed[j] && j !== i && m.ret < c.call)) continue;
      let next: number | null;
      if (c.f === 'write') next = c.value as number;
      else if (c.value === state) next = state;
      else continue;
      placed[i] = true;
      const ok = go(next, left - (c.required ? 1 : 0));
      placed[i] = false;
      if (ok) return true;
    }
    return false;
  };
  return go(null, ops.filter((o) => o.required).length);
}

/** A deterministic generator of random one-key histories from a list of choices in [0, 1). */
export function randomHistory(
  choices: readonly number[],
  processes: number,
  uniqueValues: boolean,
  maxOps = Infinity,
  /** Probability that a read returns the latest value invoked (mostly linearizable histories). */
  latest = 0,
): HistoryEntry[] {
  const steps: Step[] = [];
  const pending: ({ f: 'read' | 'write'; value: number } | null)[] = new Array<null>(
    processes,
  ).fill(null);
  const written: number[] = [];
  let next = 1;
  let invoked = 0;
  for (let i = 0; i + 2 < choices.length; i += 3) {
    const p = Math.floor(choices[i]! * processes);
    const a = choices[i + 1]!;
    const b = choices[i + 2]!;
    const op = pending[p];
    if (!op) {
      if (invoked++ >= maxOps) continue;
      const f = a < 0.5 ? 'write' : 'read';
      const value = uniqueValues ? next++ : 1 + Math.floor(b * 3);
      if (f === 'write') written.push(value);
      pending[p] = { f, value };
      steps.push(['invoke', p, f, f === 'write' ? value : undefined]);
      continue;
    }
    pending[p] = null;
    if (op.f === 'write') {
      const type = a < 0.6 ? 'ok' : a < 0.8 ? 'info' : 'fail';
      steps.push([type, p, 'write', op.value]);
    } else if (a < 0.85) {
      const pool = [null, ...written, 99];
      const value =
        b < latest
          ? (written[written.length - 1] ?? null)
          : (pool[Math.floor(((b - latest) / (1 - latest)) * pool.length)] ?? null);
      steps.push(['ok', p, 'read', value]);
    } else steps.push(['fail', p, 'read']);
  }
  return hist(steps);
}
