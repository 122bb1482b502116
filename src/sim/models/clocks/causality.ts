/**
 * Happened-before from the event graph itself (process order plus send-to-receive edges), by
 * search, not by any clock: the ground truth the clocks are checked against and the chain of
 * messages the widget draws to explain a verdict.
 */
import { vectorLess } from './stamps';
import type { ClockEvent } from './types';

export type Relation = 'before' | 'after' | 'concurrent' | 'same';

/** The events that directly precede `e`: the previous one on its process and, for a receive, its send. */
function predecessors(
  e: ClockEvent,
  byId: Map<number, ClockEvent>,
  prevOnProcess: Map<number, number>,
): number[] {
  const out: number[] = [];
  const prev = prevOnProcess.get(e.id);
  if (prev !== undefined) out.push(prev);
  if (e.kind === 'receive' && e.sendId !== undefined && byId.has(e.sendId)) out.push(e.sendId);
  return out;
}

function index(events: readonly ClockEvent[]) {
  const byId = new Map<number, ClockEvent>();
  const prevOnProcess = new Map<number, number>();
  const last = new Map<number, number>();
  for (const e of events) {
    byId.set(e.id, e);
    const p = last.get(e.process);
    if (p !== undefined) prevOnProcess.set(e.id, p);
    last.set(e.process, e.id);
  }
  return { byId, prevOnProcess };
}

/**
 * A path of events from `a` to `b` along the graph's edges, both ends included, or null when
 * `a` did not happen before `b`. Among paths it takes one with the fewest messages (a 0-1
 * breadth-first search back from `b`: a step along a process costs nothing, a message one).
 */
export function causalChain(events: readonly ClockEvent[], a: number, b: number): number[] | null {
  if (a === b) return null;
  const { byId, prevOnProcess } = index(events);
  const next = new Map<number, number>();
  const cost = new Map<number, number>([[b, 0]]);
  const deque: number[] = [b];
  const done = new Set<number>();
  while (deque.length) {
    const id = deque.shift()!;
    if (done.has(id)) continue;
    done.add(id);
    if (id === a) break;
    const e = byId.get(id);
    if (!e) continue;
    for (const p of predecessors(e, byId, prevOnProcess)) {
      const step = byId.get(p)!.process === e.process ? 0 : 1;
      const c = cost.get(id)! + step;
      if (c >= (cost.get(p) ?? Infinity)) continue;
      cost.set(p, c);
      next.set(p, id);
      if (step === 0) deque.unshift(p);
      else deque.push(p);
    }
  }
  if (!cost.has(a)) return null;
  const path = [a];
  for (let x = a; x !== b;) path.push((x = next.get(x)!));
  return path;
}

/**
 * The chain with the steps along one process left out: its ends and each message's send and
 * receive, which is what the widget draws and says.
 */
export function messageHops(events: readonly ClockEvent[], chain: readonly number[]): number[] {
  const { byId } = index(events);
  return chain.filter((id, i) => {
    if (i === 0 || i === chain.length - 1) return true;
    const e = byId.get(id)!;
    const before = byId.get(chain[i - 1]!)!;
    const after = byId.get(chain[i + 1]!)!;
    return before.process !== e.process || after.process !== e.process;
  });
}

/** How `a` relates to `b` by the event graph (ground truth). */
export function relationByGraph(events: readonly ClockEvent[], a: number, b: number): Relation {
  if (a === b) return 'same';
  if (causalChain(events, a, b)) return 'before';
  if (causalChain(events, b, a)) return 'after';
  return 'concurrent';
}

/** How `a` relates to `b` by their vector clocks (exact, by Fidge and Mattern). */
export function relationByVector(a: ClockEvent, b: ClockEvent): Relation {
  if (a.id === b.id) return 'same';
  if (vectorLess(a.vector, b.vector)) return 'before';
  if (vectorLess(b.vector, a.vector)) return 'after';
  return 'concurrent';
}

/**
 * Happened-before for every pair, as bit sets of each event's causal past (ids index
 * `events`, which must hold every event from the first). `past[i]` has bit j when j -> i.
 */
export function causalPasts(events: readonly ClockEvent[]): Uint32Array[] {
  const n = events.length;
  const words = Math.ceil(n / 32) || 1;
  const { prevOnProcess } = index(events);
  const pos = new Map(events.map((e, i) => [e.id, i]));
  const past: Uint32Array[] = [];
  events.forEach((e, i) => {
    const mine = new Uint32Array(words);
    const preds = [prevOnProcess.get(e.id), e.kind === 'receive' ? e.sendId : undefined];
    for (const id of preds) {
      const j = id === undefined ? undefined : pos.get(id);
      if (j === undefined) continue;
      const pj = past[j]!;
      for (let w = 0; w < words; w++) mine[w]! |= pj[w]!;
      mine[j >> 5]! |= 1 << (j & 31);
    }
    past[i] = mine;
  });
  return past;
}

export const inPast = (past: readonly Uint32Array[], i: number, j: number): boolean =>
  (past[j]![i >> 5]! & (1 << (i & 31))) !== 0;
