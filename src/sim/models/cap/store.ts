/**
 * A replica's versions of a key, and how versions merge: last writer wins by (timestamp, node),
 * or version vectors that keep concurrent writes as siblings (Dynamo, section 4.4).
 */
import type { ReadValue } from './linearizability';
import type { Replica, Ver } from './types';

/** a is newer than b under last-writer-wins. */
export const newer = (a: Ver, b: Ver): boolean => a.ts > b.ts || (a.ts === b.ts && a.node > b.node);

export const sameVer = (a: Ver | null, b: Ver | null): boolean =>
  a === b || (a !== null && b !== null && a.ts === b.ts && a.node === b.node);

/** The newest version by last-writer-wins, or null. */
export function top(vers: readonly Ver[]): Ver | null {
  let best: Ver | null = null;
  for (const v of vers) if (!best || newer(v, best)) best = v;
  return best;
}

const vvAt = (v: Ver, i: number): number => v.vv?.[i] ?? 0;

/** a's vector is >= b's everywhere. */
export function dominates(a: Ver, b: Ver, n: number): boolean {
  for (let i = 0; i < n; i++) if (vvAt(a, i) < vvAt(b, i)) return false;
  return true;
}

/**
 * Merges incoming versions into a cell in place; returns whether the cell changed.
 * With `siblings`, keeps every version no other version dominates (ties: one copy);
 * otherwise keeps the single newest.
 */
export function merge(
  cell: Ver[],
  incoming: readonly Ver[],
  siblings: boolean,
  n: number,
): boolean {
  if (!siblings) {
    const best = top([...cell, ...incoming]);
    if (!best || (cell.length === 1 && sameVer(cell[0]!, best))) return false;
    cell.length = 0;
    cell.push(best);
    return true;
  }
  const all = [...cell, ...incoming];
  const keep: Ver[] = [];
  for (const v of all) {
    const beaten = all.some((o) => o !== v && dominates(o, v, n) && !dominates(v, o, n));
    if (beaten || keep.some((k) => dominates(k, v, n) && dominates(v, k, n))) continue;
    keep.push(v);
  }
  keep.sort((a, b) => a.ts - b.ts || a.node - b.node);
  const changed = keep.length !== cell.length || keep.some((v, i) => !sameVer(v, cell[i]!));
  if (changed) {
    cell.length = 0;
    cell.push(...keep);
  }
  return changed;
}

/** What a read of this cell returns: a value, nothing, or the sorted sibling values. */
export function readCell(cell: readonly Ver[], siblings: boolean): ReadValue {
  if (cell.length === 0) return null;
  if (!siblings || cell.length === 1) return top(cell)!.value;
  return [...new Set(cell.map((v) => v.value))].sort((a, b) => a - b);
}

/** A timestamp above every one this replica has seen and not below now. */
export function tick(r: Replica, nowMs: number): number {
  r.clock = Math.max(r.clock + 1, nowMs);
  return r.clock;
}

/** Notes the timestamps a replica has seen, so its own stay ahead. */
export function observe(r: Replica, vers: readonly Ver[]): void {
  for (const v of vers) if (v.ts > r.clock) r.clock = v.ts;
}

/** A new version written at replica `r` that supersedes the siblings it holds. */
export function writeVersion(
  r: Replica,
  cell: readonly Ver[],
  value: number,
  nowMs: number,
  n: number,
): Ver {
  const vv = new Array<number>(n).fill(0);
  for (const v of cell) for (let i = 0; i < n; i++) vv[i] = Math.max(vv[i]!, vvAt(v, i));
  r.vvCounter = Math.max(r.vvCounter, vv[r.id]!) + 1;
  vv[r.id] = r.vvCounter;
  return { value, ts: tick(r, nowMs), node: r.id, vv };
}

/** A comparable fingerprint of a cell, to tell whether replicas agree. */
export const cellKey = (cell: readonly Ver[]): string =>
  cell
    .map((v) => `${v.ts}.${v.node}`)
    .sort()
    .join(',');

/** Keys whose replicas hold different versions. */
export function divergedKeys(replicas: readonly Replica[]): number[] {
  const keys = replicas[0]?.data.length ?? 0;
  const out: number[] = [];
  for (let k = 0; k < keys; k++) {
    const first = cellKey(replicas[0]!.data[k]!);
    if (replicas.some((r) => cellKey(r.data[k]!) !== first)) out.push(k);
  }
  return out;
}
