/**
 * Linearizability of a read/write register whose writes all write different values, in
 * O(n log n): Gibbons & Korach's zones ("Testing shared memories", SIAM J. Comput. 1997). Each
 * written value (and the start value, written "at minus infinity") forms a cluster: its write and
 * the reads that returned it. The cluster's ops all returned by its earliest return f and were
 * all invoked by its latest invoke s. When f < s the register must hold the value from before f
 * until after s: a forward zone (f, s). Otherwise the cluster fits at one point of [s, f]: a
 * backward zone. The register is linearizable iff every read has a write of its value that was
 * invoked before the read returned, no two forward zones overlap, and no backward zone lies
 * inside a forward zone.
 *
 * Only for what it covers: reads and writes, values unique among the writes and the start value,
 * one start with nothing linearized yet. `zonesApply` says when; `searchRegister` decides the rest.
 */
import type { RegisterOp, SearchOutcome, Start } from './linearizability';

const key = (v: unknown): string =>
  v === null || typeof v === 'number' ? String(v) : JSON.stringify(v);

/** Whether `checkZones` can decide these ops from these starts. */
export function zonesApply(ops: readonly RegisterOp[], starts: readonly Start[]): boolean {
  if (starts.length !== 1 || (starts[0]!.done?.length ?? 0) > 0 || starts[0]!.state === 'any')
    return false;
  const seen = new Set<string>([key(starts[0]!.state)]);
  for (const o of ops) {
    if (o.f === 'read') continue;
    if (o.f !== 'write' || Array.isArray(o.value)) return false;
    const k = key(o.value);
    if (seen.has(k)) return false;
    seen.add(k);
  }
  return true;
}

interface Cluster {
  /** Earliest return among the cluster's ops; latest invoke. */
  f: number;
  s: number;
  /** The read invoked last (it needs the value latest), or -1. */
  lastRead: number;
}

/** The verdict for ops `zonesApply` accepts, with a read to name when there is no order. */
export function checkZones(ops: readonly RegisterOp[], start: Start): SearchOutcome {
  const outcome: SearchOutcome = {
    result: 'ok',
    steps: ops.length,
    failed: -1,
    statesAtFailure: [],
    ends: [],
  };
  const fail = (i: number): SearchOutcome => {
    outcome.result = 'violation';
    outcome.failed = i;
    return outcome;
  };
  const clusters = new Map<string, Cluster>();
  const writeCall = new Map<string, number>();
  clusters.set(key(start.state), { f: -Infinity, s: -Infinity, lastRead: -1 });
  writeCall.set(key(start.state), -Infinity);
  ops.forEach((o) => {
    if (o.f !== 'write') return;
    clusters.set(key(o.value), { f: o.ret, s: o.call, lastRead: -1 });
    writeCall.set(key(o.value), o.call);
  });
  // Reads: each needs a write of its value invoked before it returned.
  let bad = -1;
  ops.forEach((o, i) => {
    if (o.f !== 'read' || bad >= 0) return;
    const c = clusters.get(key(o.value));
    if (!c || !(writeCall.get(key(o.value))! < o.ret)) {
      bad = i;
      return;
    }
    c.f = Math.min(c.f, o.ret);
    if (o.call > c.s) {
      c.s = o.call;
      c.lastRead = i;
    }
  });
  if (bad >= 0) return fail(bad);
  const forward = [...clusters.values()].filter((c) => c.f < c.s).sort((a, b) => a.f - b.f);
  for (let j = 1; j < forward.length; j++)
    if (forward[j]!.f < forward[j - 1]!.s) {
      // Two values needed at once: name the read of the one needed later.
      const a = forward[j - 1]!;
      const b = forward[j]!;
      return fail((a.s > b.s ? a : b).lastRead);
    }
  for (const c of clusters.values()) {
    if (c.f < c.s || c.s === -Infinity) continue;
    // The last forward zone starting before this backward one (the zones are disjoint now).
    let lo = 0;
    let hi = forward.length - 1;
    let at = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (forward[mid]!.f < c.s) {
        at = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (at >= 0 && c.f < forward[at]!.s) return fail(forward[at]!.lastRead);
  }
  return outcome;
}
