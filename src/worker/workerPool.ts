/**
 * A few simulation workers shared by every widget on a page (the embed: a docs page may hold
 * twenty). Each widget leases a host of its own on the least loaded worker, starting a new worker
 * while there are fewer than `size`; a worker with no host left is terminated, after `idleMs` if
 * given, so widgets that come back soon (a docs site's client-side navigation, an attribute
 * change) reuse it instead of starting and loading a worker again. A worker that
 * fails takes every host on it down: each lease hears of it and the worker leaves the pool, so
 * the next lease starts a fresh one.
 */
import { watchHeartbeat } from './heartbeat';
import type { ConnectMessage } from './serve';

export interface Lease {
  /** The port to this lease's own host in the worker (served with comlink). */
  readonly port: MessagePort;
  /** The host answered: the worker runs, so a later failure is a crash, not a failed start. */
  started(): void;
  /** Lets go of the host; the last lease on a worker terminates it. Idempotent. */
  release(): void;
}

/**
 * Told when the lease's worker failed. `workerStarted`: some host on it had answered (a crash),
 * else the worker never ran (blocked by CSP, say: no worker will run on this page).
 */
export type OnWorkerFailure = (message: string, workerStarted: boolean) => void;

interface Slot {
  worker: Worker;
  /** One entry per lease (the same callback may be passed twice). */
  leases: Set<{ onFailure: OnWorkerFailure }>;
  started: boolean;
  /** Pending termination of a worker with no host left. */
  idle: ReturnType<typeof setTimeout> | null;
  /** Stops pinging the worker (set once a host on it answered). */
  stopHeartbeat: (() => void) | null;
}

/** At most 4 workers, and no more than the machine has cores. */
export const defaultPoolSize = (cores = globalThis.navigator?.hardwareConcurrency): number =>
  Math.max(1, Math.min(4, cores || 2));

export class WorkerPool {
  #slots: Slot[] = [];
  /** Why workers cannot start on this page, once one failed before running at all. */
  #broken: string | null = null;

  constructor(
    private readonly createWorker: () => Worker,
    private readonly size = defaultPoolSize(),
    private readonly idleMs = 0,
  ) {}

  /** Hosts on each running worker, oldest first (for tests). */
  get load(): number[] {
    return this.#slots.map((s) => s.leases.size);
  }

  /** Opens a host on the least loaded worker. Throws when workers cannot start here. */
  lease(onFailure: OnWorkerFailure): Lease {
    if (this.#broken) throw new Error(this.#broken);
    const slot = this.#pick();
    const { port1, port2 } = new MessageChannel();
    const connect: ConnectMessage = { type: 'dsp-connect', port: port2 };
    slot.worker.postMessage(connect, [port2]);
    const entry = { onFailure };
    slot.leases.add(entry);
    return {
      port: port1,
      started: () => {
        slot.started = true;
        // A worker that closes itself or is killed fires no error: listen for its pulse.
        slot.stopHeartbeat ??= watchHeartbeat(slot.worker, (m) => this.#fail(slot, m));
      },
      release: () => {
        if (!slot.leases.delete(entry) || slot.leases.size) return;
        if (this.idleMs <= 0) this.#remove(slot);
        else slot.idle = setTimeout(() => this.#remove(slot), this.idleMs);
      },
    };
  }

  /**
   * An idle worker if there is one, else a new worker while there are fewer than `size`, else the
   * least loaded.
   */
  #pick(): Slot {
    const idle = this.#slots.find((s) => s.leases.size === 0);
    if (idle) {
      if (idle.idle !== null) clearTimeout(idle.idle);
      idle.idle = null;
      return idle;
    }
    if (this.#slots.length < this.size) return this.#spawn();
    let best = this.#slots[0]!;
    for (const s of this.#slots) if (s.leases.size < best.leases.size) best = s;
    return best;
  }

  #spawn(): Slot {
    const worker = this.createWorker();
    const slot: Slot = {
      worker,
      leases: new Set(),
      started: false,
      idle: null,
      stopHeartbeat: null,
    };
    worker.addEventListener('error', (e) => {
      e.preventDefault();
      this.#fail(slot, (e as ErrorEvent).message || 'the simulation worker stopped');
    });
    worker.addEventListener('messageerror', () =>
      this.#fail(slot, 'a message from the worker could not be read'),
    );
    this.#slots.push(slot);
    return slot;
  }

  #fail(slot: Slot, message: string): void {
    if (!this.#remove(slot)) return;
    if (!slot.started) this.#broken = message;
    const leases = [...slot.leases];
    slot.leases.clear();
    for (const l of leases) l.onFailure(message, slot.started);
  }

  #remove(slot: Slot): boolean {
    if (slot.idle !== null) clearTimeout(slot.idle);
    slot.idle = null;
    const i = this.#slots.indexOf(slot);
    if (i < 0) return false;
    this.#slots.splice(i, 1);
    slot.stopHeartbeat?.();
    slot.worker.terminate();
    return true;
  }
}
