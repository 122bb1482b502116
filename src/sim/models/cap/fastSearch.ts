/**
 * The register search of `linearizability.ts` with three reductions that only a register allows,
 * each exact (it never changes whether a linearization exists), so that histories the plain
 * search would take exponential time on (many concurrent writes, repeated values) finish:
 *
 *  1. Forced reads. When a read that may go next returns the register's current value (or a cas
 *     that found another value, which changes nothing, may go next), it goes next and nothing
 *     else is tried at that point: in any order that works, moving it to the front changes no
 *     state and breaks no real-time constraint (every op that returned before it was invoked is
 *     already placed).
 *  2. One op per effect. Ops that may go next and would leave the register in the same state from
 *     every state (writes of one value, casses with the same pair, appends of one element) are
 *     interchangeable, so only the one returning first is tried: in an order that starts with
 *     another, swapping the two keeps every state and every real-time constraint (the later
 *     returner can stand wherever the earlier one stood). Values no read and no cas ever compares
 *     with are one value here ("unobserved"): a register holding any of them behaves the same
 *     from then on. So 40 concurrent writes of values nobody reads are one choice, not 2^40.
 *  3. Values that can no longer be seen. A read (or cas) still to be placed needs the register to
 *     hold its value then; once nothing left to place can write that value, the register must
 *     hold it now and keep it until that read. A configuration where the register does not
 *     hold such a value, or where two different values are in that position, has no
 *     linearization and is not explored.
 *
 * With appends, (2) does not merge unobserved values and (3) is off (an append builds a value
 * from the one before). The memo of (linearized set, state) configurations is the plain search's:
 * every rule above depends on the configuration only, so a configuration that failed once fails
 * again.
 *
 * It reports the same outcome as `searchRegister` (without `enumerate`); which read it names when
 * there is no linearization may differ (it explores less), so callers that must keep the plain
 * search's witness (the CAP model's logged sentences) run the plain search first.
 */
import {
  ANY_STATE,
  compile,
  Entries,
  HEAD,
  KIND,
  Memo,
  mix,
  NO,
  States,
  step,
  type RegisterOp,
  type RegisterState,
  type SearchOutcome,
  type Start,
} from './linearizability';

/** The state id of every unobserved value (see 2 above). */
const UNSEEN = -4;

export interface FastOptions {
  /** Give up (result 'unknown') after this many steps. Default: never. */
  budget?: number;
}

/** Which ops have the same effect from every state (rule 2): one class id per effect. */
function effectClasses(ops: readonly RegisterOp[], kind: Uint8Array, a: Int32Array, b: Int32Array) {
  const ids = new Map<string, number>();
  const cls = new Int32Array(ops.length);
  for (let i = 0; i < ops.length; i++) {
    const k = kind[i]!;
    const key =
      k === KIND.append ? `${k}|${JSON.stringify(ops[i]!.value)}` : `${k}|${a[i]}|${b[i]}`;
    let id = ids.get(key);
    if (id === undefined) ids.set(key, (id = ids.size));
    cls[i] = id;
  }
  return { cls, count: ids.size };
}

export function searchRegisterFast(
  ops: readonly RegisterOp[],
  starts: readonly Start[],
  options: FastOptions = {},
): SearchOutcome {
  const budget = options.budget ?? Infinity;
  const n = ops.length;
  const outcome: SearchOutcome = {
    result: 'ok',
    steps: 0,
    failed: -1,
    statesAtFailure: [],
    ends: [],
  };
  if (n === 0) return outcome;

  const list = new Entries(ops);
  const states = new States();
  const c = compile(ops, states);
  const startIds = starts.map((s) => states.id(s.state));
  const hasAppend = ops.some((o) => o.f === 'append');
  // Rule 2's merge of unobserved values (not with appends: they build on the value before).
  const observed = new Set<number>();
  for (let i = 0; i < n; i++) {
    const k = c.kind[i]!;
    if (k === KIND.read || k === KIND.cas || k === KIND.casMissed) observed.add(c.a[i]!);
  }
  const merge = (id: number): number => (hasAppend || id < 0 || observed.has(id) ? id : UNSEEN);
  for (let i = 0; i < n; i++) {
    if (c.kind[i] === KIND.write) c.a[i] = merge(c.a[i]!);
    else if (c.kind[i] === KIND.cas) c.b[i] = merge(c.b[i]!);
  }
  const { cls, count: classes } = effectClasses(ops, c.kind, c.a, c.b);
  const finite = ops.map((o) => Number.isFinite(o.ret));

  // Rule 3's counts, per state id: ops left to place that write it, and required ops left that
  // need it. A value is pinned when something still needs it and nothing left can write it.
  const useRule3 = !hasAppend && !startIds.includes(ANY_STATE);
  const S = states.size;
  const producers = new Int32Array(S);
  const consumers = new Int32Array(S);
  const produces = new Int32Array(n).fill(-1);
  const consumes = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const k = c.kind[i]!;
    if (k === KIND.write) produces[i] = c.a[i]!;
    else if (k === KIND.cas) produces[i] = c.b[i]!;
    if (finite[i] && (k === KIND.read || k === KIND.cas)) consumes[i] = c.a[i]!;
  }
  let pinned = 0;
  let pinnedSum = 0;
  const pin = (v: number, sign: 1 | -1): void => {
    pinned += sign;
    pinnedSum += sign * v;
  };
  /** Op i leaves (+1: placed) or returns to (-1: unplaced) the ops still to place. */
  const account = (i: number, placed: boolean): void => {
    const p = produces[i]!;
    const q = consumes[i]!;
    if (placed) {
      if (p >= 0 && --producers[p]! === 0 && consumers[p]! > 0) pin(p, 1);
      if (q >= 0 && --consumers[q]! === 0 && producers[q]! === 0) pin(q, -1);
    } else {
      if (q >= 0 && consumers[q]!++ === 0 && producers[q]! === 0) pin(q, 1);
      if (p >= 0 && producers[p]!++ === 0 && consumers[p]! > 0) pin(p, -1);
    }
  };
  const dead = (state: number): boolean =>
    useRule3 && (pinned > 1 || (pinned === 1 && pinnedSum !== state));

  const zobrist = new Uint32Array(n);
  for (let i = 0; i < n; i++) zobrist[i] = mix(i + 1);
  const words = (n + 31) >>> 5;
  const bits = new Uint32Array(words);
  const memo = new Memo(words);
  const has = (i: number): boolean => (bits[i >> 5]! & (1 << (i & 31))) !== 0;
  const flip = (i: number): void => {
    bits[i >> 5]! ^= 1 << (i & 31);
  };
  // Per depth: the op placed to get there, the state before it, its branches, the blocking op.
  const frameOp = new Int32Array(n + 1);
  const frameState = new Int32Array(n + 1);
  const frameFrom = new Int32Array(n + 1);
  const frameAt = new Int32Array(n + 1);
  const frameTo = new Int32Array(n + 1);
  const frameBlock = new Int32Array(n + 1);
  const branches: number[] = [];
  const classSeen = new Int32Array(classes).fill(-1);
  const classRep = new Int32Array(classes);
  const classList: number[] = [];
  let stamp = 0;

  let furthest = -Infinity;
  const failStates = new Set<number>();
  const recordFailure = (i: number, state: number): void => {
    if (ops[i]!.ret > furthest) {
      furthest = ops[i]!.ret;
      outcome.failed = i;
      failStates.clear();
    }
    if (outcome.failed === i && failStates.size < 4) failStates.add(state);
  };
  /**
   * A dead configuration (rule 3) names the first read (or cas) it strands: without this, the
   * op named would be one the search reached before the pruning, often one that fits.
   */
  const recordStranded = (state: number): void => {
    let best = -1;
    for (let i = 0; i < n; i++) {
      const q = consumes[i]!;
      if (q < 0 || has(i) || q === state || producers[q]! > 0) continue;
      if (best < 0 || ops[i]!.ret < ops[best]!.ret) best = i;
    }
    if (best >= 0) recordFailure(best, state);
  };

  for (let s = 0; s < starts.length; s++) {
    let state = merge(startIds[s]!);
    producers.fill(0);
    consumers.fill(0);
    pinned = pinnedSum = 0;
    for (let i = 0; i < n; i++) {
      if (produces[i]! >= 0) producers[produces[i]!]!++;
      if (consumes[i]! >= 0) consumers[consumes[i]!]!++;
    }
    for (let v = 0; v < S; v++) if (consumers[v]! > 0 && producers[v] === 0) pin(v, 1);
    let finiteLeft = finite.filter(Boolean).length;
    const done = [...new Set(starts[s]!.done ?? [])].filter((i) => i >= 0 && i < n);
    let hash = 0;
    for (const i of done) {
      flip(i);
      hash ^= zobrist[i]!;
      list.unlink(2 * i);
      list.unlink(2 * i + 1);
      account(i, true);
      if (finite[i]) finiteLeft--;
    }
    let depth = 0;
    let expand = true;
    if (dead(state)) recordStranded(state);
    else
      for (;;) {
        if (++outcome.steps > budget) {
          outcome.result = 'unknown';
          return outcome;
        }
        if (expand) {
          expand = false;
          if (finiteLeft === 0) return outcome;
          // The ops that may go next: calls before the first return still to place.
          stamp++;
          classList.length = 0;
          let forced = -1;
          let e = list.head;
          for (; e !== HEAD && (e & 1) === 0; e = list.next[e]!) {
            const i = e >> 1;
            const k = c.kind[i]!;
            const ns = step(state, i, c, ops, states);
            if (ns === NO) continue;
            if (ns === state && (k === KIND.read || k === KIND.casMissed)) {
              forced = i;
              break;
            }
            const id = cls[i]!;
            if (classSeen[id] !== stamp) {
              classSeen[id] = stamp;
              classRep[id] = i;
              classList.push(id);
            } else if (ops[i]!.ret < ops[classRep[id]!]!.ret) classRep[id] = i;
          }
          if (forced >= 0) while (e !== HEAD && (e & 1) === 0) e = list.next[e]!;
          frameFrom[depth] = frameAt[depth] = branches.length;
          if (forced >= 0) branches.push(forced);
          else for (const id of classList) branches.push(classRep[id]!);
          frameTo[depth] = branches.length;
          frameBlock[depth] = e === HEAD ? -1 : e >> 1;
        }
        // The next branch of the current frame.
        if (frameAt[depth]! < frameTo[depth]!) {
          const i = branches[frameAt[depth]!]!;
          frameAt[depth]!++;
          const ns = step(state, i, c, ops, states);
          flip(i);
          account(i, true);
          if (dead(ns)) {
            recordStranded(ns);
          } else if (memo.add(hash ^ zobrist[i]!, bits, ns)) {
            hash ^= zobrist[i]!;
            list.unlink(2 * i);
            list.unlink(2 * i + 1);
            if (finite[i]) finiteLeft--;
            frameOp[depth] = i;
            frameState[depth] = state;
            depth++;
            state = ns;
            expand = true;
            continue;
          }
          flip(i);
          account(i, false);
          continue;
        }
        // Every branch failed: the op blocking this configuration could not be placed.
        const b = frameBlock[depth]!;
        // (An append can fail too, where the register holds no list: unlike the plain search's,
        // it is named then, so a history with no linearization always has an op to show.)
        if (b >= 0 && c.kind[b] !== KIND.write) recordFailure(b, state);
        branches.length = frameFrom[depth]!;
        if (depth === 0) break;
        depth--;
        const i = frameOp[depth]!;
        state = frameState[depth]!;
        hash ^= zobrist[i]!;
        flip(i);
        account(i, false);
        list.relink(2 * i + 1);
        list.relink(2 * i);
        if (finite[i]) finiteLeft++;
      }
    for (let d = done.length - 1; d >= 0; d--) {
      const i = done[d]!;
      flip(i);
      account(i, false);
      list.relink(2 * i + 1);
      list.relink(2 * i);
    }
  }
  outcome.result = 'violation';
  outcome.statesAtFailure = [...failStates]
    .filter((id) => id !== UNSEEN)
    .map((id): RegisterState => states.value(id));
  return outcome;
}
