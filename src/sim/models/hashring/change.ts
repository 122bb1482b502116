/**
 * A change of placement (a node joins or leaves, weights, vnodes, strategy...): which keys moved,
 * what hash % N would have moved for the same membership change, which monotonicity rule the
 * move must obey, and the sentence that narrates it.
 */
import { formatInt, formatPercent } from './format';
import type { StrategyId } from './params';

export type ChangeOp =
  'add' | 'remove' | 'weight' | 'vnodes' | 'strategy' | 'hash' | 'epsilon' | 'keys' | 'params';

/**
 * Monotonicity (Karger et al.): after a change, keys move only to an added node (`to`) or only
 * away from a removed one (`from`); `none` means no existing key may move at all.
 */
export type MoveRule =
  | { kind: 'to'; nodes: readonly number[] }
  | { kind: 'from'; nodes: readonly number[] }
  | { kind: 'none' };

export interface Change {
  /** Counts changes since the start: the view animates when it bumps. */
  readonly seq: number;
  readonly op: ChangeOp;
  /** The node a single-node change concerns. */
  readonly node: number | null;
  readonly added: readonly number[];
  readonly removed: readonly number[];
  /** Indices of keys whose owner changed (among keys that existed before and after). */
  readonly moved: Uint32Array;
  /** Every key's owner before the change (shorter than now if keys were added). */
  readonly previousOwners: Uint16Array;
  /** Keys present both before and after. */
  readonly comparedKeys: number;
  /** Keys hash % N would have moved for the same membership change; null for other changes. */
  readonly moduloMoved: number | null;
  readonly rule: MoveRule | null;
  readonly text: string;
}

/** Indices k < min(lengths) with prev[k] !== next[k]. */
export function diffOwners(prev: Uint16Array, next: Uint16Array): Uint32Array {
  const n = Math.min(prev.length, next.length);
  let count = 0;
  for (let k = 0; k < n; k++) if (prev[k] !== next[k]) count++;
  const out = new Uint32Array(count);
  let j = 0;
  for (let k = 0; k < n; k++) if (prev[k] !== next[k]) out[j++] = k;
  return out;
}

/** Keys whose bucket under hash % N differs between the two live lists (ids ascending). */
export function moduloMovedCount(
  keyHashes: Uint32Array,
  before: readonly number[],
  after: readonly number[],
): number {
  let moved = 0;
  for (let k = 0; k < keyHashes.length; k++) {
    const h = keyHashes[k]!;
    if (before[h % before.length] !== after[h % after.length]) moved++;
  }
  return moved;
}

/**
 * The rule a change must obey. Ring and rendezvous are monotone for every join, leave and weight
 * change; jump hash only when the changed buckets are the last ones; hash % N and bounded loads
 * are not monotone (their moves cascade), so they get no rule.
 */
export function moveRule(
  strategy: StrategyId,
  op: ChangeOp,
  before: readonly number[],
  added: readonly number[],
  removed: readonly number[],
  weight?: { node: number; up: boolean },
): MoveRule | null {
  if (strategy === 'bounded') return null;
  if (op === 'keys') return { kind: 'none' };
  if (op === 'weight' && weight) {
    // Modulo and jump ignore weights altogether.
    if (strategy === 'modulo' || strategy === 'jump') return { kind: 'none' };
    return weight.up
      ? { kind: 'to', nodes: [weight.node] }
      : { kind: 'from', nodes: [weight.node] };
  }
  if (strategy === 'modulo') return null;
  if (op === 'add' && removed.length === 0) {
    if (strategy === 'jump' && !added.every((id) => before.every((b) => id > b))) return null;
    return { kind: 'to', nodes: added };
  }
  if (op === 'remove' && added.length === 0) {
    if (strategy === 'jump') {
      const kept = before.filter((id) => !removed.includes(id));
      if (!removed.every((id) => kept.every((k) => id > k))) return null;
    }
    return { kind: 'from', nodes: removed };
  }
  return null;
}

/** ": 1,987 of 10,000 keys moved (19.9%)" */
export function movedClause(moved: number, compared: number): string {
  if (compared === 0) return ': no keys to move';
  return `: ${formatInt(moved)} of ${formatInt(compared)} keys moved (${formatPercent(moved / compared)})`;
}

/**
 * What to compare a membership change with: hash % N's moves, or for hash % N itself, what an
 * ideal consistent scheme would move (1/(n+1) of keys on a join, the leaver's keys on a leave).
 */
export function comparisonClause(
  strategy: StrategyId,
  compared: number,
  moduloMoved: number,
  idealMoved: number,
): string {
  if (compared === 0) return '';
  if (strategy === 'modulo')
    return `; a consistent hash would move only about ${formatInt(idealMoved)} (${formatPercent(idealMoved / compared)})`;
  return `; hash % N would have moved ${formatInt(moduloMoved)} (${formatPercent(moduloMoved / compared)})`;
}
