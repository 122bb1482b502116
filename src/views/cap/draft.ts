/**
 * UI state the drawing and the toolbar share: the partition being drawn (replicas on side B, and
 * clients moved across from their home's side), and the client and key that manual reads and
 * writes use. Both components get the same `send` function from their widget, so it keys one
 * store per widget.
 */
import { useSyncExternalStore } from 'react';

export interface CapUi {
  drafting: boolean;
  /** Replicas on side B; the rest are on side A. */
  sideB: readonly number[];
  /** Clients drawn on the other side from their home replica. */
  moved: readonly number[];
  /** Client for manual reads and writes. */
  client: number;
  /** Key shown in the replicas and used by manual ops. */
  key: number;
}

const INITIAL: CapUi = { drafting: false, sideB: [], moved: [], client: 0, key: 0 };

const toggle = (xs: readonly number[], x: number): number[] =>
  xs.includes(x) ? xs.filter((y) => y !== x) : [...xs, x].sort((a, b) => a - b);

export class CapUiStore {
  private value: CapUi = INITIAL;
  private listeners = new Set<() => void>();
  readonly subscribe = (l: () => void): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };
  readonly get = (): CapUi => this.value;
  set(patch: Partial<CapUi>): void {
    this.value = { ...this.value, ...patch };
    for (const l of this.listeners) l();
  }
  startDraft(): void {
    this.set({ drafting: true, sideB: [], moved: [] });
  }
  cancelDraft(): void {
    this.set({ drafting: false, sideB: [], moved: [] });
  }
  toggleReplica(id: number): void {
    this.set({ sideB: toggle(this.value.sideB, id) });
  }
  toggleClient(id: number): void {
    this.set({ moved: toggle(this.value.moved, id) });
  }
}

const stores = new WeakMap<object, CapUiStore>();

export function capUiStore(key: object): CapUiStore {
  let s = stores.get(key);
  if (!s) {
    s = new CapUiStore();
    stores.set(key, s);
  }
  return s;
}

export function useCapUi(key: object): [CapUi, CapUiStore] {
  const store = capUiStore(key);
  return [useSyncExternalStore(store.subscribe, store.get), store];
}

/** Is client `c` (with home `home`) on side B in this draft? */
export const clientOnB = (ui: Pick<CapUi, 'sideB' | 'moved'>, c: number, home: number): boolean =>
  ui.sideB.includes(home) !== ui.moved.includes(c);

/**
 * The `partition` input's groups for a draft, naming clients by node id, or null when a side
 * would be empty.
 */
export function draftGroups(
  ui: Pick<CapUi, 'sideB' | 'moved'>,
  replicas: number,
  clients: readonly { id: number; node: number; home: number }[],
): number[][] | null {
  const a: number[] = [];
  const b: number[] = [];
  for (let r = 0; r < replicas; r++) (ui.sideB.includes(r) ? b : a).push(r);
  for (const c of clients) (clientOnB(ui, c.id, c.home) ? b : a).push(c.node);
  return a.length && b.length ? [a, b] : null;
}
