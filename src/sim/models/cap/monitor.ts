/**
 * An incremental linearizability monitor for a key-value store of registers: feed it Jepsen-style
 * invokes and completions as they happen, and check a key whenever one of its operations
 * completes. Plain data (it lives in the model's state and is cloned with checkpoints).
 *
 * Keys are checked separately (P-compositionality). Within a key, the work stays small:
 *  - Unknown writes (`info`, or still pending). A write whose value no read returning after its
 *    invoke has seen can always be linearized last (no one observes it), so it is left out and
 *    carried along until a read reveals it. When values are unique per key (each write's value is
 *    above every earlier one, as generated values are), a write that was read must be linearized
 *    before the first read of its value returns, which bounds its return.
 *  - Windows. After a check, everything before a cut point P (the invoke of the oldest op still
 *    pending) is replaced by the frontier: every (register state, set of ops straddling P already
 *    linearized) the prefix can end in. Later searches start from those configurations and see
 *    only the ops since P. Every op invoked before P has completed, so none can need a place
 *    before P that the frontier does not record. Without unique values nothing is cut.
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

/** A configuration the window may start from: a state and the ids of ops already linearized. */
export interface Frontier {
  state: RegisterState;
  done: number[];
}

export interface KeyLog {
  key: number;
  /** Ops in the current window, in invoke order. */
  ops: MonOp[];
  starts: Frontier[];
  /** Unknown writes from before the window that no read has revealed yet. */
  carried: MonOp[];
  /** Ops compacted away lately, kept to explain violations. */
  recent: MonOp[];
  maxWritten: number;
  unique: boolean;
  /** Reads left out after being reported as violations. */
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
const BUDGET = 2_000_000;

export function createMonitor(): MonitorState {
  return { pos: 0, keys: {}, open: {}, violations: 0, witnesses: [], checks: 0, steps: 0 };
}

function keyLog(m: MonitorState, key: number): KeyLog {
  let k = m.keys[key];
  if (!k) {
    k = {
      key,
      ops: [],
      starts: [{ state: null, done: [] }],
      carried: [],
      recent: [],
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
  const op = k.ops.find((o) => o.id === id) ?? k.carried.find((o) => o.id === id);
  const at = m.pos++;
  if (!op) return key;
  op.status = type;
  op.retMs = timeMs;
  if (type === 'ok') {
    op.ret = at;
    if (op.f === 'read') op.value = value;
  }
  return key;
}

/** The earliest return, after `after`, of a read that saw `value`. */
function firstReadOf(reads: Map<number, number[]>, value: number, after: number): number {
  let best = Infinity;
  for (const r of reads.get(value) ?? []) if (r > after && r < best) best = r;
  return best;
}

interface Window {
  search: RegisterOp[];
  from: MonOp[];
}

/** The register ops to search for the current window, and the MonOps they came from. */
function buildWindow(k: KeyLog): Window {
  const dropped = new Set(k.dropped);
  const reads = new Map<number, number[]>();
  for (const o of k.ops)
    if (o.f === 'read' && o.status === 'ok' && typeof o.value === 'number' && !dropped.has(o.id)) {
      const list = reads.get(o.value);
      if (list) list.push(o.ret);
      else reads.set(o.value, [o.ret]);
    }
  const w: Window = { search: [], from: [] };
  const add = (o: MonOp, ret: number): void => {
    w.search.push({ f: o.f, value: o.value, call: o.call, ret });
    w.from.push(o);
  };
  const write = (o: MonOp): void => {
    const seen = firstReadOf(reads, o.value as number, o.call);
    if (o.status === 'ok') add(o, k.unique ? Math.min(o.ret, seen) : o.ret);
    // Nobody saw it (yet): it can go last, so leave it out.
    else if (seen !== Infinity) add(o, k.unique ? seen : Infinity);
  };
  for (const o of k.carried) if (o.status !== 'fail') write(o);
  for (const o of k.ops) {
    if (dropped.has(o.id) || o.status === 'fail') continue;
    if (o.f === 'write') write(o);
    else if (o.status === 'ok') add(o, o.ret);
  }
  return w;
}

/** The window's start configurations, as indices into `from`. */
function startsOf(k: KeyLog, w: Window): { state: RegisterState; done: number[] }[] {
  const index = new Map(w.from.map((o, i) => [o.id, i]));
  return k.starts.map((f) => ({
    state: f.state,
    done: f.done.map((id) => index.get(id) ?? -1).filter((i) => i >= 0),
  }));
}

/**
 * Checks one key's current window, reporting (and then leaving out) reads that cannot be
 * linearized, then moves the window's start forward. Returns the new witnesses.
 */
export function checkKey(m: MonitorState, key: number, options: CheckOptions = {}): Witness[] {
  const k = m.keys[key];
  if (!k) return [];
  const found: Witness[] = [];
  m.checks++;
  for (let drops = 0; ; drops++) {
    const w = buildWindow(k);
    const out = searchRegister(w.search, startsOf(k, w), { budget: options.budget ?? BUDGET });
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
    found.push({
      id: x.id,
      key,
      process: x.process,
      sentence: why.sentence,
      related: why.related,
      atMs: x.retMs,
    });
    k.dropped.push(x.id);
    k.violations++;
    m.violations++;
    if (k.status === 'ok') k.status = 'violated';
  }
  if (found.length) {
    m.witnesses.push(...found);
    if (m.witnesses.length > WITNESSES) m.witnesses.splice(0, m.witnesses.length - WITNESSES);
  }
  if (k.status !== 'unknown') compact(m, k, options);
  return found;
}

/**
 * Where the window can be cut: the invoke of the oldest op still pending. A pending read may
 * return a value that needs an early place; a pending write may still turn out ok, and an ok
 * write nobody read may have taken effect anywhere since its invoke, even unseen. (A write that
 * ended `info` may also never take effect, so an unseen one is simply carried.)
 */
function cutPoint(m: MonitorState, k: KeyLog): number {
  let p = m.pos;
  for (const o of k.ops) if (o.status === 'pending') p = Math.min(p, o.call);
  return p;
}

/** Replaces the window before the cut point by the frontier configurations it can end in. */
function compact(m: MonitorState, k: KeyLog, options: CheckOptions): void {
  if (!k.unique) return;
  const w = buildWindow(k);
  const p = cutPoint(m, k);
  const before = w.search.map((_, i) => i).filter((i) => w.search[i]!.call < p);
  if (!before.some((i) => w.search[i]!.ret < p)) return;
  // The prefix: ops invoked before p; those still open at p may or may not be linearized yet.
  const local = new Map(before.map((i, j) => [i, j]));
  const prefix = before.map((i) => {
    const o = w.search[i]!;
    return o.ret < p ? o : { ...o, ret: Infinity };
  });
  const starts = startsOf(k, w).map((s) => ({
    state: s.state,
    done: s.done.map((i) => local.get(i) ?? -1).filter((j) => j >= 0),
  }));
  const out = searchRegister(prefix, starts, {
    budget: options.budget ?? BUDGET,
    enumerate: true,
  });
  m.steps += out.steps;
  if (out.result !== 'ok') {
    k.status = 'unknown';
    return;
  }
  const straddlers = before.filter((i) => w.search[i]!.ret >= p).map((i) => w.from[i]!);
  k.starts = out.ends.map((e) => ({
    state: e.state,
    done: (e.done ?? []).map((j) => w.from[before[j]!]!.id),
  }));
  const used = new Set(before.map((i) => w.from[i]!));
  const gone = before.filter((i) => w.search[i]!.ret < p).map((i) => w.from[i]!);
  // Ops invoked before p that the window left out: failed, unseen info writes, or dropped.
  const leftOut = k.ops.filter((o) => o.call < p && !used.has(o));
  k.carried = [
    ...k.carried.filter((o) => !used.has(o)),
    ...leftOut.filter((o) => o.f === 'write' && o.status === 'info'),
  ];
  k.ops = [...straddlers, ...k.ops.filter((o) => o.call >= p)].sort((a, b) => a.call - b.call);
  k.recent.push(...gone, ...leftOut.filter((o) => o.f === 'write' && o.status === 'fail'));
  if (k.recent.length > RECENT) k.recent.splice(0, k.recent.length - RECENT);
  const left = new Set(k.ops.map((o) => o.id));
  k.dropped = k.dropped.filter((id) => left.has(id));
}

/** Checks every key. */
export function checkAll(m: MonitorState, options: CheckOptions = {}): Witness[] {
  return Object.keys(m.keys).flatMap((key) => checkKey(m, Number(key), options));
}

/** True when no key has a violation or a give-up. */
export function isLinearizable(m: MonitorState): boolean {
  return Object.values(m.keys).every((k) => k.status === 'ok');
}
