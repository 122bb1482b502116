/**
 * The partition being drawn: the toolbar (Actions) turns the mode on and applies it, the ring
 * (Main) adds servers to side B when clicked. Both components get the same `send` function from
 * their widget, so it keys one draft per widget.
 */
import { useSyncExternalStore } from 'react';

export interface PartitionDraft {
  active: boolean;
  /** Servers on side B; every other server is on side A. */
  sideB: readonly number[];
}

const IDLE: PartitionDraft = { active: false, sideB: [] };

class DraftStore {
  private value: PartitionDraft = IDLE;
  private listeners = new Set<() => void>();
  readonly subscribe = (l: () => void): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };
  readonly get = (): PartitionDraft => this.value;
  set(next: PartitionDraft): void {
    this.value = next;
    for (const l of this.listeners) l();
  }
  start(): void {
    this.set({ active: true, sideB: [] });
  }
  cancel(): void {
    this.set(IDLE);
  }
  toggle(id: number): void {
    const sideB = this.value.sideB.includes(id)
      ? this.value.sideB.filter((x) => x !== id)
      : [...this.value.sideB, id].sort((a, b) => a - b);
    this.set({ ...this.value, sideB });
  }
}

const stores = new WeakMap<object, DraftStore>();

export function draftStore(key: object): DraftStore {
  let s = stores.get(key);
  if (!s) {
    s = new DraftStore();
    stores.set(key, s);
  }
  return s;
}

export function usePartitionDraft(key: object): [PartitionDraft, DraftStore] {
  const store = draftStore(key);
  return [useSyncExternalStore(store.subscribe, store.get), store];
}

/** The `partition` input's groups for a draft over n servers, or null if a side is empty. */
export function draftGroups(sideB: readonly number[], n: number): number[][] | null {
  const b = sideB.filter((x) => x >= 0 && x < n);
  const a = Array.from({ length: n }, (_, i) => i).filter((x) => !b.includes(x));
  return a.length && b.length ? [a, b] : null;
}
