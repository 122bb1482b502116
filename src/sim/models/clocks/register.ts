/**
 * A replicated register x under last-writer-wins, kept twice side by side: once ordering writes
 * by the writer's physical (wall) clock, once by its hybrid logical clock. Each process holds a
 * copy; a write replaces the copy only if its stamp is higher, and every message carries the
 * sender's copy, which the receiver merges the same way (a state-based LWW register).
 *
 * A copy only ever holds writes from its process's causal past, so a write that loses at the
 * moment it is made loses to a write that happened before it: a later write silently discarded.
 * With HLC stamps that cannot happen (a -> b implies hlc(a) < hlc(b)); with wall clocks it can,
 * whenever the writer's clock is behind the earlier writer's by more than the chain between them.
 */
import type { Hlc } from './types';

export interface Write {
  /** w1, w2, ... in the order the writes were made. */
  n: number;
  writer: number;
  /** The writer's physical clock at the write, ms. */
  wall: number;
  hlc: Hlc;
}

/** One process's copy of x under each rule: the winning write, or null before any. */
export interface Copy {
  wall: Write | null;
  hlc: Write | null;
}

export type Rule = keyof Copy;

/** Whether `a` beats `b` under the rule (ties broken by process number, as LWW stores do). */
export function beats(rule: Rule, a: Write, b: Write): boolean {
  if (rule === 'wall') return a.wall > b.wall || (a.wall === b.wall && a.writer > b.writer);
  if (a.hlc.l !== b.hlc.l) return a.hlc.l > b.hlc.l;
  if (a.hlc.c !== b.hlc.c) return a.hlc.c > b.hlc.c;
  return a.writer > b.writer;
}

export const emptyCopy = (): Copy => ({ wall: null, hlc: null });

/** Merges a write (or another copy's winner) into `copy` under `rule`; true when it won. */
export function offer(copy: Copy, rule: Rule, w: Write | null): boolean {
  if (!w) return false;
  const held = copy[rule];
  if (held && !beats(rule, w, held)) return false;
  copy[rule] = w;
  return true;
}

/** Merges another copy (carried by a message) into `copy`. */
export function mergeCopy(copy: Copy, other: Copy): void {
  offer(copy, 'wall', other.wall);
  offer(copy, 'hlc', other.hlc);
}

export const cloneCopy = (c: Copy): Copy => ({
  wall: c.wall && { ...c.wall, hlc: { ...c.wall.hlc } },
  hlc: c.hlc && { ...c.hlc, hlc: { ...c.hlc.hlc } },
});

export const writeName = (w: Write) => `w${w.n}`;
