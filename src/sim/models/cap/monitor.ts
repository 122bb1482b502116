/**
 * An incremental linearizability monitor for a key-value store of registers: feed it Jepsen-style
 * invokes and completions as they happen, and check a key whenever one of its operations
 * completes. Plain data (it lives in the model's state and is cloned with checkpoints).
 *
 * Keys are checked separately (P-compositionality). Within a key, the work is kept small:
 *  - Windows. Whenever nothing is outstanding on a key, the history so far can be summarized by
 *    the set of states the register may be in: every later op starts after every earlier one
 *    returned, so real-time order puts them all after. Only the window since that cut is searched.
 *  - Unknown writes (`info`, or still pending). A write whose value no later-returning read has
 *    seen can always be linearized last (no one observes it), so it is left out. When values are
 *    unique per key (a write's value is larger than every earlier one, as generated values are),
 *    a write that was read must be linearized before the first read of its value returns, which
 *    bounds its return. Unread unknown writes are carried across cuts: a later read may still
 *    reveal them. Without unique values the monitor keeps whole histories and unbounded returns.
 *  - Violations. When a key cannot be linearized, the read the search could not get past is
 *    reported with a sentence why, then left out (as if it failed) so checking goes on; the count
 *    of such reads is the `violations` metric (a greedy count, not a proven minimum).
 */
import { explainFailure, type Names } from './explain';
import {
  searchRegister,
  type ReadValue,
  type RegisterOp,
  type RegisterState,
} from './linearizability';

export interface MonOp {
  id: number;
  process: number;
  f: 'read' | 'write';
  value: ReadValue;
  status: 'pending' | 'ok' | 'info' | 'fail';
  /** Positions in the monitor's order of events; `ret` is Infinity until it returns. */
  call: number;
  ret: number;
  callMs: number;
  retMs: number;
}

export interface Witness {
  /** Id of the op that cannot be linearized (the model uses its invoke's history index). */
  id: number;
  key: number;
  process: number;
  sentence: string;
  /** Ids of the ops the sentence refers to. */
  related: number[];
  atMs: number;
}

export interface KeyLog {
  key: number;
  ops: MonOp[];
  starts: RegisterState[];
  carried: MonOp[];
  recent: MonOp[];
  outstanding: number;
  cut: number;
  maxWritten: number;
  unique: boolean;
  dropped: number[];
  status: 'ok' | 'violated' | 'unknown';
  violations: number;
}

export interface MonitorState {
  pos: number;
  keys: Record<string, KeyLog>;
  open: Record<string, number>;
  violations: number;
  witnesses: Witness[];
  checks: number;
  steps: number;
}

export interface CheckOptions {
  budget?: number;
  names?: Names;
}

const RECENT = 64;
const WITNESSES = 20;
const MAX_DROPS_PER_CHECK = 50;

export function createMonitor(): MonitorState {
  return { pos: 0, keys: {}, open: {}, violations: 0, witnesses: [], checks: 0, steps: 0 };
}

function keyLog(m: MonitorState, key: number): KeyLog {
  let k = m.keys[key];
  if (!k) {
    k = {
      key,
      ops: [],
      starts: [null],
      carried: [],
      recent: [],
      outstanding: 0,
      cut: 0,
      maxWritten: -1,
      unique: true,
      dropped: [],
      status: 'ok',
      violations: 0,
    };
    m.keys[key] = k;
  }
  return k;
}

/** Records an invocation. `value` is the value written (ignored for reads). */
export function invoke(
  m: MonitorState,
  op: { id: number; process: number; f: 'read' | 'write'; key: number; value: number | null },
  timeMs: number,
): void {
  const k = keyLog(m, op.key);
  if (op.f === 'write') {
    const v = op.value ?? 0;
    if (v <= k.maxWritten) k.unique = false;
    k.maxWritten = Math.max(k.maxWritten, v);
  }
  k.ops.push({
    id: op.id,
    process: op.process,
    f: op.f,
    value: op.f === 'write' ? op.value : null,
    status: 'pending',
    call: m.pos++,
    ret: Infinity,
    callMs: timeMs,
    retMs: -1,
  });
  k.outstanding++;
  m.open[op.id] = op.key;
}

/** Records a completion; returns the op's key (or -1 for an unknown id). */
export function complete(
  m: MonitorState,
  id: number,
  type: 'ok' | 'fail' | 'info',
  value: ReadValue,
  timeMs: number,
): number {
  const key = m.open[id];
  if (key === undefined) return -1;
  delete m.open[id];
  const k = keyLog(m, key);
  const op = k.ops.find((o) => o.id === id);
  if (!op) return -1;
  op.status = type;
  op.retMs = timeMs;
  const at = m.pos++;
  if (type === 'ok') {
    op.ret = at;
    if (op.f === 'read') op.value = value;
  }
  if (--k.outstanding === 0) k.cut = k.ops.length;
  return key;
}

/** The earliest return, after `after`, of a read that saw `value`. */
function firstReadOf(reads: Map<number, number[]>, value: number, after: number): number {
  let best = Infinity;
  for (const r of reads.get(value) ?? []) if (r > after && r < best) best = r;
  return best;
}

/** The register ops to search for a slice of the window, and the MonOps they came from. */
function buildWindow(
  k: KeyLog,
  ops: readonly MonOp[],
): { search: RegisterOp[]; from: MonOp[]; used: Set<MonOp> } {
  const dropped = new Set(k.dropped);
  const reads = new Map<number, number[]>();
  for (const o of ops)
    if (o.f === 'read' && o.status === 'ok' && typeof o.value === 'number' && !dropped.has(o.id)) {
      const list = reads.get(o.value);
      if (list) list.push(o.ret);
      else reads.set(o.value, [o.ret]);
    }
  const search: RegisterOp[] = [];
  const from: MonOp[] = [];
  const used = new Set<MonOp>();
  const add = (o: MonOp, ret: number): void => {
    search.push({ f: o.f, value: o.value, call: o.call, ret });
    from.push(o);
    used.add(o);
  };
  const unknownWrite = (o: MonOp): void => {
    const seen = firstReadOf(reads, o.value as number, o.call);
    if (seen === Infinity) return; // nobody saw it: it can go last, so leave it out
    add(o, k.unique ? seen : Infinity);
  };
  for (const o of k.carried) unknownWrite(o);
  for (const o of ops) {
    if (dropped.has(o.id) || o.status === 'fail') continue;
    if (o.f === 'read') {
      if (o.status === 'ok') add(o, o.ret);
    } else if (o.status === 'ok') {
      add(o, k.unique ? Math.min(o.ret, firstReadOf(reads, o.value as number, o.call)) : o.ret);
    } else unknownWrite(o);
  }
  return { search, from, used };
}

/**
 * Checks one key's current window, reporting (and then leaving out) reads that cannot be
 * linearized, and compacts the window at its latest quiescent point. Returns new witnesses.
 */
export function checkKey(m: MonitorState, key: number, options: CheckOptions = {}): Witness[] {
  const k = m.keys[key];
  if (!k) return [];
  const found: Witness[] = [];
  m.checks++;
  for (let drops = 0; drops <= MAX_DROPS_PER_CHECK; drops++) {
    const w = buildWindow(k, k.ops);
    const out = searchRegister(w.search, k.starts, { budget: options.budget ?? 2_000_000 });
    m.steps += out.steps;
    if (out.result === 'ok') break;
    if (out.result === 'unknown' || out.failed < 0 || drops === MAX_DROPS_PER_CHECK) {
      k.status = 'unknown';
      break;
    }
    const x = w.from[out.failed]!;
    const context = [...k.recent, ...k.carried, ...k.ops].filter(
      (o) => o === x || !k.dropped.includes(o.id),
    );
    const why = explainFailure(x, key, context, out.statesAtFailure, options.names);
    const witness: Witness = {
      id: x.id,
      key,
      process: x.process,
      sentence: why.sentence,
      related: why.related,
      atMs: x.retMs,
    };
    found.push(witness);
    k.dropped.push(x.id);
    k.violations++;
    m.violations++;
    if (k.status === 'ok') k.status = 'violated';
  }
  if (found.length) {
    m.witnesses.push(...found);
    if (m.witnesses.length > WITNESSES) m.witnesses.splice(0, m.witnesses.length - WITNESSES);
  }
  compact(m, k, options);
  return found;
}

/** Replaces the window before the latest quiescent point by the states it can end in. */
function compact(m: MonitorState, k: KeyLog, options: CheckOptions): void {
  if (k.cut === 0 || !k.unique) return;
  const prefix = k.ops.slice(0, k.cut);
  const w = buildWindow(k, prefix);
  const out = searchRegister(w.search, k.starts, {
    budget: options.budget ?? 2_000_000,
    enumerate: true,
  });
  m.steps += out.steps;
  k.starts = out.result === 'ok' ? out.ends : ['any'];
  if (out.result !== 'ok') k.status = 'unknown';
  const carried = k.carried.filter((o) => !w.used.has(o));
  for (const o of prefix) if (o.f === 'write' && o.status === 'info' && !w.used.has(o)) carried.push(o);
  k.carried = carried;
  const dropped = new Set(k.dropped);
  k.recent.push(...prefix.filter((o) => !dropped.has(o.id)));
  if (k.recent.length > RECENT) k.recent.splice(0, k.recent.length - RECENT);
  k.ops = k.ops.slice(k.cut);
  const left = new Set(k.ops.map((o) => o.id));
  k.dropped = k.dropped.filter((id) => left.has(id));
  k.cut = 0;
}

/** Checks every key. */
export function checkAll(m: MonitorState, options: CheckOptions = {}): Witness[] {
  return Object.keys(m.keys).flatMap((key) => checkKey(m, Number(key), options));
}

/** True when no key has a violation or a give-up. */
export function isLinearizable(m: MonitorState): boolean {
  return Object.values(m.keys).every((k) => k.status === 'ok');
}
