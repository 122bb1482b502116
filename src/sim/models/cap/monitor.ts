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
 *    only the ops since P. Every op invoked before P has completed, and every op that returned
 *    before P precedes every op invoked after it, so none can need a place before P that the
 *    frontier does not record. This holds with repeated values too; only the bound on a read
 *    write's return needs unique ones. Of two configurations with the same state, one whose
 *    linearized set adds only unknown ops to the other's is dropped (leaving those out is always
 *    allowed), which keeps frontiers small when unknown writes pile up.
 *  - Checks that cannot fail are skipped: a write that completes ok can always go last, and an
 *    op that ends `info` stays as optional as it was while pending, so only a read returning or
 *    an op failing can break a key that was linearizable.
 *  - Give-ups. A key whose search ran out of budget is not searched again until its window has
 *    doubled (an equal search would give up equally); a key with a violation found stays
 *    violated whatever a later search does.
 *  - Violations. When a key cannot be linearized, the read the search could not get past is
 *    reported with a sentence why, then left out (as if it failed) so checking goes on; the count
 *    of such reads is the `violations` metric (a greedy count, not a proven minimum).
 */
import { decideRegister } from './decide';
import { explainFailure, type Names } from './explain';
import {
  searchRegister,
  type ReadValue,
  type RegisterOp,
  type RegisterState,
  type Start,
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
  /** Since the last check, a read returned or an op failed (only these can break the key). */
  dirty: boolean;
  /** A search gave up; the key is not searched again before its window holds this many ops. */
  retryAt: number;
  /**
   * Compaction gave up (its budget spent, or too many end configurations); it is not tried again
   * before the window holds this many ops, so an equal doomed search is not rerun on every
   * completion. 0: try at every check.
   */
  compactAt: number;
  /** Compacted writes (the newest), so explanations can still name them. */
  goneWrites: MonOp[];
  /** Every value ever written to the key, as sorted [from, to] ranges (flat pairs). */
  written: number[];
  /**
   * The plain search gave up on this key once: later checks go straight to the exact register
   * checks (`decide.ts`), instead of spending the plain search's budget again on a larger window.
   */
  hard: boolean;
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
const GONE_WRITES = 512;
/** Frontiers larger than this are not cut (the window then stays whole). */
const FRONTIER_MAX = 256;
const WITNESSES = 20;
const MAX_DROPS_PER_CHECK = 50;
const BUDGET = 2_000_000;
/**
 * Windows of at most this many ops are decided without a step budget once the plain search gives
 * up, so a history of 100 ops or fewer never ends `unknown`; larger ones get `BUDGET` again.
 */
const UNBOUNDED_WINDOW = 100;
/**
 * Enumerating a prefix's end configurations can cost far more than checking it (repeated values,
 * many clients): past this many steps (a base plus so many per op of the prefix) the window is
 * kept whole a while longer instead; a whole window is always correct. Measured on the bench's
 * histories, 100,000 steps made 10 clients x 100 ops with repeated values cost 96,000 search
 * steps, this budget about 18,000 (the whole search: 615).
 */
const COMPACT_BUDGET_BASE = 2_000;
const COMPACT_BUDGET_PER_OP = 50;

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
      dirty: false,
      retryAt: 0,
      compactAt: 0,
      goneWrites: [],
      written: [],
      hard: false,
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
    addWritten(k.written, v);
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
  if (type === 'fail' || (type === 'ok' && op.f === 'read')) k.dirty = true;
  if (type === 'ok') {
    op.ret = at;
    if (op.f === 'read') op.value = value;
  }
  return key;
}

/** Adds `v` to sorted, disjoint [from, to] ranges (values mostly count up, so this stays short). */
function addWritten(ranges: number[], v: number): void {
  for (let i = 0; i < ranges.length; i += 2) {
    const from = ranges[i]!;
    const to = ranges[i + 1]!;
    if (v >= from && v <= to) return;
    if (v === to + 1) {
      ranges[i + 1] = v;
      if (ranges[i + 2] === v + 1) ranges.splice(i + 1, 2);
      return;
    }
    if (v === from - 1) {
      ranges[i] = v;
      return;
    }
    if (v < from) {
      ranges.splice(i, 0, v, v);
      return;
    }
  }
  ranges.push(v, v);
}

/** Whether `v` was ever written to the key. */
export function wasWritten(k: KeyLog, v: number): boolean {
  for (let i = 0; i < k.written.length; i += 2)
    if (v >= k.written[i]! && v <= k.written[i + 1]!) return true;
  return false;
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
  // Writes a start configuration has already linearized stay in the window whether or not a read
  // in it saw them: left out, they would look unplaced and could be linearized a second time.
  const placed = new Set(k.starts.flatMap((f) => f.done));
  const write = (o: MonOp): void => {
    const seen = firstReadOf(reads, o.value as number, o.call);
    if (o.status === 'ok') add(o, k.unique ? Math.min(o.ret, seen) : o.ret);
    // Nobody saw it (yet): it can go last, so leave it out.
    else if (seen !== Infinity || placed.has(o.id)) add(o, k.unique ? seen : Infinity);
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
  if (k.retryAt > 0 ? k.ops.length + k.carried.length < k.retryAt : !k.dirty) return found;
  k.dirty = false;
  for (let drops = 0; ; drops++) {
    const w = buildWindow(k);
    const out = decideRegister(w.search, startsOf(k, w), {
      budget: options.budget ?? BUDGET,
      fallbackBudget: options.budget ?? (w.search.length <= UNBOUNDED_WINDOW ? Infinity : BUDGET),
      skipPlain: k.hard,
    });
    if (out.by !== 'search') k.hard = true;
    m.steps += out.steps;
    if (out.result === 'ok') {
      k.retryAt = 0;
      // A prefix of a linearizable history is linearizable: an earlier give-up is settled.
      if (k.status === 'unknown') k.status = k.violations > 0 ? 'violated' : 'ok';
      break;
    }
    if (out.result === 'unknown' || out.failed < 0 || drops === MAX_DROPS_PER_CHECK) {
      k.retryAt = 2 * Math.max(1, k.ops.length + k.carried.length);
      // A violation already found is definite; only a key with none is unknown.
      if (k.status === 'ok') k.status = 'unknown';
      break;
    }
    const x = w.from[out.failed]!;
    found.push(witnessFor(k, x, out.statesAtFailure, options));
    k.dropped.push(x.id);
    k.violations++;
    m.violations++;
    if (k.status !== 'violated') k.status = 'violated';
  }
  if (found.length) {
    m.witnesses.push(...found);
    if (m.witnesses.length > WITNESSES) m.witnesses.splice(0, m.witnesses.length - WITNESSES);
  }
  if (k.retryAt === 0 && k.ops.length + k.carried.length >= k.compactAt) compact(m, k, options);
  return found;
}

/** The witness for read `x`: the sentence, with compacted writes of its value still in view. */
function witnessFor(k: KeyLog, x: MonOp, states: RegisterState[], options: CheckOptions): Witness {
  const dropped = new Set(k.dropped);
  const seen = new Set<MonOp>();
  const context: MonOp[] = [];
  const gone = k.goneWrites.filter((o) => o.value === x.value);
  for (const o of [...k.recent, ...gone, ...k.carried, ...k.ops]) {
    if (seen.has(o) || (o !== x && dropped.has(o.id))) continue;
    seen.add(o);
    context.push(o);
  }
  const why = explainFailure(x, k.key, context, states, options.names, (v) => wasWritten(k, v));
  return {
    id: x.id,
    key: k.key,
    process: x.process,
    sentence: why.sentence,
    related: why.related,
    atMs: x.retMs,
  };
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
    budget: Math.min(
      options.budget ?? BUDGET,
      COMPACT_BUDGET_BASE + COMPACT_BUDGET_PER_OP * prefix.length,
    ),
    enumerate: true,
  });
  m.steps += out.steps;
  // Out of budget or too many configurations: keep the whole window (correct, only slower), and
  // wait for it to grow by half before trying again.
  const giveUp = () => {
    k.compactAt = Math.ceil(1.5 * (k.ops.length + k.carried.length));
  };
  if (out.result !== 'ok') return giveUp();
  const ends = prune(out.ends, (j) => !Number.isFinite(w.search[before[j]!]!.ret));
  if (ends.length > FRONTIER_MAX) return giveUp();
  k.compactAt = 0;
  // An op of unknown outcome that every configuration has linearized is placed for good: it
  // leaves the window (and is not carried, which would offer it again).
  const everywhere = before.filter(
    (i, j) => !Number.isFinite(w.search[i]!.ret) && ends.every((e) => (e.done ?? []).includes(j)),
  );
  const settled = new Set(everywhere.map((i) => w.from[i]!));
  const straddlers = before
    .filter((i) => w.search[i]!.ret >= p)
    .map((i) => w.from[i]!)
    .filter((o) => !settled.has(o));
  k.starts = ends.map((e) => ({
    state: e.state,
    done: (e.done ?? [])
      .map((j) => w.from[before[j]!]!)
      .filter((o) => !settled.has(o))
      .map((o) => o.id),
  }));
  const used = new Set(before.map((i) => w.from[i]!));
  const gone = [...before.filter((i) => w.search[i]!.ret < p).map((i) => w.from[i]!), ...settled];
  // Ops invoked before p that the window left out: failed, unseen info writes, or dropped.
  const leftOut = k.ops.filter((o) => o.call < p && !used.has(o));
  k.carried = [
    ...k.carried.filter((o) => !used.has(o)),
    ...leftOut.filter((o) => o.f === 'write' && o.status === 'info'),
  ];
  k.ops = [...straddlers, ...k.ops.filter((o) => o.call >= p)].sort((a, b) => a.call - b.call);
  k.recent.push(...gone, ...leftOut.filter((o) => o.f === 'write' && o.status === 'fail'));
  if (k.recent.length > RECENT) k.recent.splice(0, k.recent.length - RECENT);
  k.goneWrites.push(...gone.filter((o) => o.f === 'write'));
  if (k.goneWrites.length > GONE_WRITES) k.goneWrites.splice(0, k.goneWrites.length - GONE_WRITES);
  const left = new Set(k.ops.map((o) => o.id));
  k.dropped = k.dropped.filter((id) => left.has(id));
}

/**
 * Drops a configuration when another with the same state linearized a subset of its ops and
 * the difference is only optional ops (unknown outcome): leaving those out is always allowed,
 * so the smaller set can do everything the larger can.
 */
function prune(ends: readonly Start[], optional: (j: number) => boolean): Start[] {
  const groups = new Map<string, Start[]>();
  for (const e of ends) {
    const key = JSON.stringify(e.state);
    const g = groups.get(key);
    if (g) g.push(e);
    else groups.set(key, [e]);
  }
  const kept: Start[] = [];
  for (const g of groups.values()) {
    g.sort((a, b) => (a.done?.length ?? 0) - (b.done?.length ?? 0));
    const mine: Set<number>[] = [];
    for (const e of g) {
      const done = new Set(e.done ?? []);
      const covered = mine.some((f) => {
        for (const j of f) if (!done.has(j)) return false;
        for (const j of done) if (!f.has(j) && !optional(j)) return false;
        return true;
      });
      if (covered) continue;
      mine.push(done);
      kept.push(e);
    }
  }
  return kept;
}

/** Checks every key. */
export function checkAll(m: MonitorState, options: CheckOptions = {}): Witness[] {
  return Object.keys(m.keys).flatMap((key) => checkKey(m, Number(key), options));
}

/** True when no key has a violation or a give-up. */
export function isLinearizable(m: MonitorState): boolean {
  return Object.values(m.keys).every((k) => k.status === 'ok');
}
