/**
 * The event queue: a binary min-heap of plain-data entries ordered by (time, sequence number).
 * The sequence number makes ties deterministic (first scheduled, first run). Cancelling is lazy:
 * a cancelled entry stays in the heap and is skipped when it reaches the top, which keeps
 * `cancel` O(1) for models that reset timers on every message (Raft's election timer).
 */

export interface QueueEntry<E> {
  /** Virtual time in ms. */
  at: number;
  /** Tie-breaker and identity. */
  seq: number;
  event: E;
}

/** Plain-data form of a queue, for checkpoints. */
export interface QueueSnapshot<E> {
  heap: QueueEntry<E>[];
  nextSeq: number;
  cancelled: number[];
}

const before = <E>(a: QueueEntry<E>, b: QueueEntry<E>): boolean =>
  a.at < b.at || (a.at === b.at && a.seq < b.seq);

export class EventQueue<E> {
  private heap: QueueEntry<E>[] = [];
  private nextSeq = 0;
  private cancelled = new Set<number>();

  get size(): number {
    return this.heap.length - this.cancelled.size;
  }

  /** Schedules `event` at time `at`; returns its id for `cancel`. */
  push(at: number, event: E): number {
    const seq = this.nextSeq++;
    this.pushEntry({ at, seq, event });
    return seq;
  }

  cancel(id: number): void {
    if (id >= 0 && id < this.nextSeq) this.cancelled.add(id);
  }

  /**
   * Drops every entry. Sequence numbers keep counting, so an id handed out before the clear never
   * names a later entry.
   */
  clear(): void {
    this.heap = [];
    this.cancelled.clear();
  }

  /** The earliest live entry, without removing it. */
  peek(): QueueEntry<E> | undefined {
    this.dropCancelled();
    return this.heap[0];
  }

  /** Removes and returns the earliest live entry. */
  pop(): QueueEntry<E> | undefined {
    this.dropCancelled();
    return this.popRaw();
  }

  /** All live entries, in no particular order. */
  entries(): QueueEntry<E>[] {
    return this.heap.filter((e) => !this.cancelled.has(e.seq));
  }

  snapshot(clone: (e: E) => E = (e) => e): QueueSnapshot<E> {
    return {
      heap: this.entries().map((e) => ({ at: e.at, seq: e.seq, event: clone(e.event) })),
      nextSeq: this.nextSeq,
      cancelled: [],
    };
  }

  restore(s: QueueSnapshot<E>, clone: (e: E) => E = (e) => e): void {
    this.heap = [];
    this.cancelled = new Set(s.cancelled);
    for (const e of s.heap) this.pushEntry({ at: e.at, seq: e.seq, event: clone(e.event) });
    this.nextSeq = s.nextSeq;
  }

  private pushEntry(entry: QueueEntry<E>): void {
    const heap = this.heap;
    heap.push(entry);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent]!;
      if (!before(entry, p)) break;
      heap[i] = p;
      i = parent;
    }
    heap[i] = entry;
  }

  private dropCancelled(): void {
    while (this.heap.length > 0 && this.cancelled.size > 0) {
      const top = this.heap[0]!;
      if (!this.cancelled.delete(top.seq)) return;
      this.popRaw();
    }
  }

  private popRaw(): QueueEntry<E> | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (top === undefined || last === undefined || heap.length === 0) return top;
    let i = 0;
    const n = heap.length;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && before(heap[r]!, heap[l]!) ? r : l;
      if (!before(heap[c]!, last)) break;
      heap[i] = heap[c]!;
      i = c;
    }
    heap[i] = last;
    return top;
  }
}
