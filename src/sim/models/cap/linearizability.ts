/**
 * A linearizability checker for one read/write register: Wing & Gong's search (1993) with Lowe's
 * just-in-time linearization and memoization of (linearized set, state) (Lowe 2017, as Porcupine
 * does it). Histories of many keys are split by key first (P-compositionality, Herlihy & Wing
 * 1990): a history is linearizable iff each key's sub-history is. See `monitor.ts` for that and for
 * the incremental, windowed use the model makes of it.
 *
 * Positions (`call`, `ret`) are places in the history's total order of events: operation a
 * precedes b in real time iff a.ret < b.call. An operation whose outcome is unknown (Jepsen `info`)
 * has ret = Infinity: it may be linearized anywhere after its call, or never (an operation
 * linearized after every other one has no observable effect). Failed operations did not happen
 * and are simply left out by the caller.
 *
 * Pure and synchronous; no state survives a call.
 */

/** What a read returned: a value, null (nothing written yet), or several siblings. */
export type ReadValue = number | null | readonly number[];

/** A register state: a value, null (nothing written), or `'any'` (unknown after a give-up). */
export type RegisterState = number | null | 'any';

export interface RegisterOp {
  f: 'read' | 'write';
  /** Write: the value written (a non-negative integer). Read: the value returned. */
  value: ReadValue;
  call: number;
  ret: number;
}

/**
 * Where a search may start: a register state, and ops (indices) already linearized before the
 * window began (ops that straddle a cut, see `monitor.ts`).
 */
export interface Start {
  state: RegisterState;
  done?: readonly number[];
}

export interface SearchOptions {
  /** Give up (result 'unknown') after this many search steps. Default 2,000,000. */
  budget?: number;
  /** Explore everything and collect every state the register can end in (all ops finite). */
  enumerate?: boolean;
}

export interface SearchOutcome {
  result: 'ok' | 'violation' | 'unknown';
  steps: number;
  /** Index in `ops` of the read that could not be placed, furthest along the history, or -1. */
  failed: number;
  /** States the register held when that read had to have happened (a sample, at most 4). */
  statesAtFailure: RegisterState[];
  /**
   * With `enumerate`: every configuration reachable once all ops with a finite return are
   * linearized: the state, and which ops with an infinite return were linearized on the way.
   */
  ends: Start[];
}

const NULL_STATE = -1;
const ANY_STATE = -2;
const HEAD = -1;

const encode = (s: RegisterState): number =>
  s === null ? NULL_STATE : s === 'any' ? ANY_STATE : s;
const decode = (s: number): RegisterState =>
  s === NULL_STATE ? null : s === ANY_STATE ? 'any' : s;

/** A 32-bit mix (murmur3 finalizer): Zobrist keys for ops and a hash of the state. */
function mix(x: number): number {
  let h = Math.imul(x ^ 0x9e3779b9, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The set of explored (linearized set, state) configurations, hashed with Zobrist keys. */
class Memo {
  private readonly table = new Map<number, { bits: Uint32Array; state: number }[]>();
  constructor(private readonly words: number) {}

  /** Adds the configuration; false if it was already there. */
  add(hash: number, bits: Uint32Array, state: number): boolean {
    const key = (hash ^ mix(state + 0x51ed27)) >>> 0;
    let bucket = this.table.get(key);
    if (bucket) {
      outer: for (const e of bucket) {
        if (e.state !== state) continue;
        for (let w = 0; w < this.words; w++) if (e.bits[w] !== bits[w]) continue outer;
        return false;
      }
    } else {
      bucket = [];
      this.table.set(key, bucket);
    }
    bucket.push({ bits: bits.slice(), state });
    return true;
  }
}

/** Whether `op` may happen in `state`, and the state after it (or -3 when it may not). */
function step(state: number, op: RegisterOp): number {
  const v = op.value;
  if (op.f === 'write') return v as number;
  if (typeof v === 'object' && v !== null) return -3; // siblings: no single register returns them
  const want = v === null ? NULL_STATE : v;
  if (state === ANY_STATE) return want;
  return state === want ? state : -3;
}

/**
 * Searches for a linearization of `ops` (one register) from any of `starts`. With `enumerate`,
 * collects every end configuration instead (callers summarize a window with it).
 */
export function searchRegister(
  ops: readonly RegisterOp[],
  starts: readonly Start[],
  options: SearchOptions = {},
): SearchOutcome {
  const budget = options.budget ?? 2_000_000;
  const enumerate = options.enumerate ?? false;
  const n = ops.length;
  const outcome: SearchOutcome = {
    result: 'ok',
    steps: 0,
    failed: -1,
    statesAtFailure: [],
    ends: [],
  };
  if (n === 0) {
    outcome.ends = starts.map((st) => ({ state: st.state, done: [] }));
    return outcome;
  }

  // Entries 2i (call of op i) and 2i+1 (its return), in history order; at equal positions calls
  // come first, so an op returning at p overlaps one called at p.
  const order = Array.from({ length: 2 * n }, (_, e) => e);
  const pos = (e: number): number => (e & 1 ? ops[e >> 1]!.ret : ops[e >> 1]!.call);
  order.sort((a, b) => pos(a) - pos(b) || (a & 1) - (b & 1) || a - b);
  const next = new Int32Array(2 * n);
  const prev = new Int32Array(2 * n);
  let head = order[0]!;
  for (let i = 0; i < order.length; i++) {
    const e = order[i]!;
    prev[e] = i === 0 ? HEAD : order[i - 1]!;
    next[e] = i === order.length - 1 ? HEAD : order[i + 1]!;
  }
  const unlink = (e: number): void => {
    const p = prev[e]!;
    const q = next[e]!;
    if (p === HEAD) head = q;
    else next[p] = q;
    if (q !== HEAD) prev[q] = p;
  };
  const relink = (e: number): void => {
    const p = prev[e]!;
    const q = next[e]!;
    if (p === HEAD) head = e;
    else next[p] = e;
    if (q !== HEAD) prev[q] = e;
  };

  const zobrist = new Uint32Array(n);
  for (let i = 0; i < n; i++) zobrist[i] = mix(i + 1);
  const words = (n + 31) >>> 5;
  const bits = new Uint32Array(words);
  const memo = new Memo(words);
  const stackOp = new Int32Array(n);
  const stackState = new Float64Array(n);
  let finiteTotal = 0;
  for (const op of ops) if (Number.isFinite(op.ret)) finiteTotal++;
  const optional: number[] = [];
  for (let i = 0; i < n; i++) if (!Number.isFinite(ops[i]!.ret)) optional.push(i);
  const ends = new Map<string, Start>();
  let furthest = -Infinity;
  const failStates = new Set<number>();

  for (const start of starts) {
    let state = encode(start.state);
    let depth = 0;
    let hash = 0;
    let finiteLeft = finiteTotal;
    const done = [...new Set(start.done ?? [])].filter((i) => i >= 0 && i < n);
    for (const i of done) {
      bits[i >> 5]! |= 1 << (i & 31);
      hash ^= zobrist[i]!;
      unlink(2 * i);
      unlink(2 * i + 1);
      if (Number.isFinite(ops[i]!.ret)) finiteLeft--;
    }
    let e = head;
    for (;;) {
      if (++outcome.steps > budget) {
        outcome.result = 'unknown';
        return outcome;
      }
      if (finiteLeft === 0) {
        if (!enumerate) return outcome;
        const linearized = optional.filter((i) => bits[i >> 5]! & (1 << (i & 31)));
        ends.set(`${state}|${linearized.join(',')}`, { state: decode(state), done: linearized });
      } else if ((e & 1) === 0) {
        const i = e >> 1;
        const ns = step(state, ops[i]!);
        if (ns !== -3) {
          bits[i >> 5]! |= 1 << (i & 31);
          if (memo.add(hash ^ zobrist[i]!, bits, ns)) {
            hash ^= zobrist[i]!;
            stackOp[depth] = i;
            stackState[depth++] = state;
            state = ns;
            unlink(2 * i);
            unlink(2 * i + 1);
            if (Number.isFinite(ops[i]!.ret)) finiteLeft--;
            e = head;
            continue;
          }
          bits[i >> 5]! &= ~(1 << (i & 31));
        }
        // A return entry with a finite position is still ahead, so this is never past the end.
        e = next[e]!;
        continue;
      } else {
        // The return of an op not yet linearized: nothing can be placed before it any more.
        const i = e >> 1;
        const op = ops[i]!;
        if (op.f === 'read') {
          if (op.ret > furthest) {
            furthest = op.ret;
            outcome.failed = i;
            failStates.clear();
          }
          if (outcome.failed === i && failStates.size < 4) failStates.add(state);
        }
      }
      // Backtrack: undo the latest linearization and try the next candidate after it.
      if (depth === 0) break;
      const i = stackOp[--depth]!;
      state = stackState[depth]!;
      hash ^= zobrist[i]!;
      bits[i >> 5]! &= ~(1 << (i & 31));
      relink(2 * i + 1);
      relink(2 * i);
      if (Number.isFinite(ops[i]!.ret)) finiteLeft++;
      // Its own return entry follows its call, so the scan goes on from a real entry.
      e = next[2 * i]!;
    }
    for (let d = done.length - 1; d >= 0; d--) {
      const i = done[d]!;
      bits[i >> 5]! &= ~(1 << (i & 31));
      relink(2 * i + 1);
      relink(2 * i);
    }
  }
  if (enumerate && ends.size > 0) {
    outcome.ends = [...ends.values()];
    return outcome;
  }
  outcome.result = 'violation';
  outcome.statesAtFailure = [...failStates].map(decode);
  return outcome;
}
