/**
 * A linearizability checker for one register with read, write, compare-and-set and append (to a
 * list, or to a string as Porcupine's key-value model does): Wing & Gong's search (1993) with Lowe's
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

/** One element of a register's contents: Jepsen's integers, or Porcupine's key-value strings. */
export type Scalar = number | string;

/**
 * A register's contents, or what an op carries: null (nothing written), a scalar, or a list
 * (the contents of an append register, the `[expected, new]` pair of a cas, or siblings, which no
 * register state equals).
 */
export type Value = Scalar | null | readonly (Scalar | null)[];

/** A register state: a value, or `'any'` (unknown after a give-up). */
export type RegisterState = Value | 'any';

export type OpKind = 'read' | 'write' | 'cas' | 'append';

export interface RegisterOp {
  f: OpKind;
  /**
   * Write: the value written. Append: the element appended (to a list, or to a string).
   * Read: the value returned. Cas: `[expected, new]`.
   */
  value: Value;
  call: number;
  ret: number;
  /**
   * A cas that returned saying the register did not hold the expected value (Porcupine's reading
   * of etcd's failed cas): it had no effect, and the register held something else at that point.
   */
  casMissed?: boolean;
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

export const ANY_STATE = -2;
export const NO = -3;
export const HEAD = -1;

/**
 * Register states interned as small integers for the search: the memo and the stacks hold
 * integers, and the transitions of cas and append are computed once per (state, op).
 */
export class States {
  private readonly ids = new Map<string, number>();
  private readonly values: Value[] = [];
  private readonly appended = new Map<string, number>();
  private readonly numbers = new Map<number | null, number>();

  id(v: RegisterState): number {
    if (v === 'any') return ANY_STATE;
    // Numbers and null (every register the model writes) skip JSON.stringify: compiling a
    // window's ops is most of a small search's cost.
    return v === null || typeof v === 'number'
      ? this.intern(this.numbers, v, v)
      : this.intern(this.ids, JSON.stringify(v), v);
  }

  private intern<K>(map: Map<K, number>, key: K, v: Value): number {
    let id = map.get(key);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(v);
      map.set(key, id);
    }
    return id;
  }

  /** How many states have been interned (ids are 0 .. size - 1). */
  get size(): number {
    return this.values.length;
  }

  value(id: number): RegisterState {
    return id === ANY_STATE ? 'any' : this.values[id]!;
  }

  /** The state after appending `element` (a list grows by one; a string is concatenated). */
  append(state: number, element: Scalar | null, op: number): number {
    if (state === ANY_STATE) return ANY_STATE;
    const key = `${state},${op}`;
    let next = this.appended.get(key);
    if (next === undefined) {
      const v = this.values[state]!;
      if (element === null) next = NO;
      else if (v === null) next = this.id(typeof element === 'string' ? element : [element]);
      else if (typeof v === 'string') next = this.id(v + String(element));
      else if (Array.isArray(v)) next = this.id([...(v as Scalar[]), element]);
      else next = NO;
      this.appended.set(key, next);
    }
    return next;
  }
}

/** A 32-bit mix (murmur3 finalizer): Zobrist keys for ops and a hash of the state. */
export function mix(x: number): number {
  let h = Math.imul(x ^ 0x9e3779b9, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The set of explored (linearized set, state) configurations, hashed with Zobrist keys. */
export class Memo {
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

/** Per op, the interned values `step` compares with and moves to. */
export interface Compiled {
  kind: Uint8Array;
  /** read: the value returned; write: the value written; cas: expected. */
  a: Int32Array;
  /** cas: the new value. */
  b: Int32Array;
}

export const KIND = { read: 0, write: 1, cas: 2, append: 3, casMissed: 4 } as const;

export function compile(ops: readonly RegisterOp[], states: States): Compiled {
  const n = ops.length;
  const c: Compiled = { kind: new Uint8Array(n), a: new Int32Array(n), b: new Int32Array(n) };
  for (let i = 0; i < n; i++) {
    const op = ops[i]!;
    if (op.f === 'cas') {
      const pair = Array.isArray(op.value) ? (op.value as readonly Value[]) : [null, null];
      c.kind[i] = op.casMissed ? KIND.casMissed : KIND.cas;
      c.a[i] = states.id(pair[0] ?? null);
      c.b[i] = states.id(pair[1] ?? null);
    } else {
      c.kind[i] = KIND[op.f];
      if (op.f !== 'append') c.a[i] = states.id(op.value);
    }
  }
  return c;
}

/** The state after op `i` in `state`, or NO when it cannot happen there. */
export function step(
  state: number,
  i: number,
  c: Compiled,
  ops: readonly RegisterOp[],
  states: States,
) {
  const a = c.a[i]!;
  switch (c.kind[i]) {
    case KIND.write:
      return a;
    case KIND.read:
      return state === ANY_STATE || state === a ? a : NO;
    case KIND.cas:
      return state === ANY_STATE || state === a ? c.b[i]! : NO;
    case KIND.casMissed:
      return state !== a ? state : NO;
    default:
      return states.append(state, ops[i]!.value as Scalar | null, i);
  }
}

/**
 * The ops' call and return entries (2i and 2i+1) in history order, as a doubly linked list the
 * search unlinks linearized ops from; at equal positions calls come first, so an op returning at
 * p overlaps one called at p.
 */
export class Entries {
  readonly next: Int32Array;
  readonly prev: Int32Array;
  head: number;

  constructor(ops: readonly RegisterOp[]) {
    const n = ops.length;
    const order = Array.from({ length: 2 * n }, (_, e) => e);
    const pos = (e: number): number => (e & 1 ? ops[e >> 1]!.ret : ops[e >> 1]!.call);
    order.sort((a, b) => pos(a) - pos(b) || (a & 1) - (b & 1) || a - b);
    this.next = new Int32Array(2 * n);
    this.prev = new Int32Array(2 * n);
    this.head = order[0] ?? HEAD;
    for (let i = 0; i < order.length; i++) {
      const e = order[i]!;
      this.prev[e] = i === 0 ? HEAD : order[i - 1]!;
      this.next[e] = i === order.length - 1 ? HEAD : order[i + 1]!;
    }
  }

  unlink(e: number): void {
    const p = this.prev[e]!;
    const q = this.next[e]!;
    if (p === HEAD) this.head = q;
    else this.next[p] = q;
    if (q !== HEAD) this.prev[q] = p;
  }

  relink(e: number): void {
    const p = this.prev[e]!;
    const q = this.next[e]!;
    if (p === HEAD) this.head = e;
    else this.next[p] = e;
    if (q !== HEAD) this.prev[q] = e;
  }
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

  const list = new Entries(ops);
  const { next } = list;
  const unlink = (e: number): void => list.unlink(e);
  const relink = (e: number): void => list.relink(e);

  const states = new States();
  const compiled = compile(ops, states);
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
    let state = states.id(start.state);
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
    let e = list.head;
    for (;;) {
      if (++outcome.steps > budget) {
        outcome.result = 'unknown';
        return outcome;
      }
      if (finiteLeft === 0) {
        if (!enumerate) return outcome;
        const linearized = optional.filter((i) => bits[i >> 5]! & (1 << (i & 31)));
        ends.set(`${state}|${linearized.join(',')}`, {
          state: states.value(state),
          done: linearized,
        });
      } else if ((e & 1) === 0) {
        const i = e >> 1;
        const ns = step(state, i, compiled, ops, states);
        if (ns !== NO) {
          bits[i >> 5]! |= 1 << (i & 31);
          if (memo.add(hash ^ zobrist[i]!, bits, ns)) {
            hash ^= zobrist[i]!;
            stackOp[depth] = i;
            stackState[depth++] = state;
            state = ns;
            unlink(2 * i);
            unlink(2 * i + 1);
            if (Number.isFinite(ops[i]!.ret)) finiteLeft--;
            e = list.head;
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
        if (op.f !== 'write' && op.f !== 'append') {
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
  outcome.statesAtFailure = [...failStates].map((id) => states.value(id));
  return outcome;
}
