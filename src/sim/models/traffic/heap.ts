/**
 * The model's own event queue: a binary min-heap by (time, sequence). The traffic model runs
 * thousands of requests a second; each is a few entries here rather than kernel events, so a
 * request costs O(log n) and the kernel sees one tick every few milliseconds. Cancelling is lazy:
 * an entry whose target moved on is skipped when it is popped (see `Ev.gen`).
 */

export const ARRIVE = 0;
export const DONE = 1;
export const CLIENT_TIMER = 2;
export const RETRY = 3;
export const SECOND = 4;
export const RESUME = 5;

export interface Ev {
  /** Virtual ms, fractional. */
  at: number;
  seq: number;
  kind: number;
  /** The attempt, request or instance index the event is about. */
  ref: unknown;
  /** Generation the target must still have for the event to count. */
  gen: number;
}

export interface Heap {
  items: Ev[];
  nextSeq: number;
}

const less = (a: Ev, b: Ev): boolean => a.at < b.at || (a.at === b.at && a.seq < b.seq);

export function push(h: Heap, at: number, kind: number, ref: unknown, gen = 0): void {
  const items = h.items;
  const e: Ev = { at, seq: h.nextSeq++, kind, ref, gen };
  let i = items.length;
  items.push(e);
  while (i > 0) {
    const p = (i - 1) >> 1;
    if (!less(e, items[p]!)) break;
    items[i] = items[p]!;
    i = p;
  }
  items[i] = e;
}

export function peek(h: Heap): Ev | undefined {
  return h.items[0];
}

export function pop(h: Heap): Ev | undefined {
  const items = h.items;
  const top = items[0];
  const last = items.pop();
  if (top === undefined || last === undefined || items.length === 0) return top;
  const n = items.length;
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    if (l >= n) break;
    const r = l + 1;
    const c = r < n && less(items[r]!, items[l]!) ? r : l;
    if (!less(items[c]!, last)) break;
    items[i] = items[c]!;
    i = c;
  }
  items[i] = last;
  return top;
}
