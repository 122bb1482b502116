/**
 * The clock rules, as pure functions of a process's clocks. `RULES` are the published ones;
 * tests pass deliberately broken variants to check that the property tests catch them.
 */
import type { Hlc, ProcessClocks } from './types';

export interface StampIn {
  lamport: number;
  vector: readonly number[];
  hlc: Hlc;
}

export interface Rules {
  /** Lamport's IR1/IR2: tick on every event; on receipt, first move past the message's stamp. */
  lamport(own: number, received: number | null): number;
  /** Fidge/Mattern: count own events; on receipt, take the entrywise maximum first. */
  vector(own: readonly number[], me: number, received: readonly number[] | null): number[];
  /** Kulkarni et al. 2014, figure 5: l is the largest physical time heard of, c counts within it. */
  hlc(own: Hlc, pt: number, received: Hlc | null): Hlc;
}

export const RULES: Rules = {
  lamport: (own, received) => Math.max(own, received ?? 0) + 1,
  vector(own, me, received) {
    const v = own.map((x, j) => Math.max(x, received?.[j] ?? 0));
    v[me]! += 1;
    return v;
  },
  hlc(own, pt, m) {
    if (!m) {
      const l = Math.max(own.l, pt);
      return { l, c: l === own.l ? own.c + 1 : 0 };
    }
    const l = Math.max(own.l, m.l, pt);
    let c = 0;
    if (l === own.l && l === m.l) c = Math.max(own.c, m.c) + 1;
    else if (l === own.l) c = own.c + 1;
    else if (l === m.l) c = m.c + 1;
    return { l, c };
  },
};

/** The physical clock of a process at true time `t` (ms): offset plus drift, never going back. */
export const physicalMs = (p: ProcessClocks, t: number): number =>
  t + p.offsetMs + Math.floor((p.driftPpm * t) / 1_000_000);

/** Applies one event's rules to `p` in place; `received` is the message's stamp on a receive. */
export function tick(
  rules: Rules,
  p: ProcessClocks,
  me: number,
  pt: number,
  received: StampIn | null,
): void {
  p.lamport = rules.lamport(p.lamport, received?.lamport ?? null);
  p.vector = rules.vector(p.vector, me, received?.vector ?? null);
  p.hlc = rules.hlc(p.hlc, pt, received?.hlc ?? null);
  p.seq += 1;
}

/** Vector order: `a` < `b` when every entry is <= and they differ. */
export function vectorLess(a: readonly number[], b: readonly number[]): boolean {
  let strict = false;
  for (let j = 0; j < a.length; j++) {
    const x = a[j]!;
    const y = b[j] ?? 0;
    if (x > y) return false;
    if (x < y) strict = true;
  }
  return strict;
}

/** HLC order: by l, then c. */
export const hlcLess = (a: Hlc, b: Hlc): boolean => a.l < b.l || (a.l === b.l && a.c < b.c);

export const formatVector = (v: readonly number[]): string => `[${v.join(',')}]`;
export const formatHlc = (h: Hlc): string => `${h.l}.${h.c}`;
