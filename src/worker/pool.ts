/**
 * A pool of simulation workers for experiments: jobs run in parallel, one per worker, each
 * reporting progress. Without workers, jobs run one by one on the main thread.
 */
import * as Comlink from 'comlink';
import type { Parsed } from '../sim/core/errors';
import type { ExperimentOutput, ProgressFn, SimApi } from './protocol';

export interface Job {
  id: string;
  params: Record<string, unknown>;
  onProgress: ProgressFn;
}

interface Queued {
  job: Job;
  resolve(r: Parsed<ExperimentOutput>): void;
  reject(e: unknown): void;
}

interface Slot {
  worker: Worker;
  api: Comlink.Remote<SimApi>;
  busy: boolean;
  /** The job running on it, failed at once if the worker dies. */
  current: Queued | null;
}

/** The message a job fails with when its worker died (the page says it; Run tries again). */
export const WORKER_DIED = 'The worker running this experiment stopped';

export class ExperimentPool {
  private slots: Slot[] = [];
  private queue: Queued[] = [];
  readonly size: number;

  constructor(
    size?: number,
    private readonly createWorker?: () => Worker,
  ) {
    const cores = typeof navigator !== 'undefined' ? (navigator.hardwareConcurrency ?? 2) : 2;
    this.size = size ?? Math.max(1, Math.min(4, cores - 1));
  }

  run(job: Job): Promise<Parsed<ExperimentOutput>> {
    return new Promise((resolve, reject) => {
      this.queue.push({ job, resolve, reject });
      this.pump();
    });
  }

  /** Stops every running and queued job. */
  cancelAll(): void {
    for (const q of this.queue) q.reject(new Error('cancelled'));
    this.queue = [];
    this.dispose();
  }

  dispose(): void {
    for (const s of this.slots) s.worker.terminate();
    this.slots = [];
  }

  private pump(): void {
    while (this.queue.length) {
      if (typeof Worker === 'undefined') {
        void this.runOnMainThread(this.queue.shift()!);
        continue;
      }
      const slot =
        this.slots.find((s) => !s.busy) ??
        (this.slots.length < this.size ? this.spawn() : undefined);
      if (!slot) return;
      this.execute(slot, this.queue.shift()!);
    }
  }

  private spawn(): Slot {
    const worker = this.createWorker
      ? this.createWorker()
      : new Worker(new URL('./worker.ts', import.meta.url), {
          type: 'module',
          name: 'ds-playground-experiment',
        });
    const slot: Slot = { worker, api: Comlink.wrap<SimApi>(worker), busy: false, current: null };
    // A worker that dies (an error it did not catch, a message it cannot read) would leave its
    // job pending and its progress bar stuck: fail the job, and the next one starts a new worker.
    const fail = (why: string) => {
      const i = this.slots.indexOf(slot);
      if (i < 0) return;
      this.slots.splice(i, 1);
      worker.terminate();
      const item = slot.current;
      slot.current = null;
      item?.reject(new Error(`${WORKER_DIED}: ${why}`));
      this.pump();
    };
    worker.addEventListener('error', (e) => {
      e.preventDefault();
      fail((e as ErrorEvent).message || 'it failed');
    });
    worker.addEventListener('messageerror', () => fail('a message from it could not be read'));
    this.slots.push(slot);
    return slot;
  }

  private execute(slot: Slot, item: Queued): void {
    slot.busy = true;
    slot.current = item;
    const { job } = item;
    slot.api
      .runExperiment(job.id, job.params, Comlink.proxy(job.onProgress))
      .then(item.resolve, item.reject)
      .finally(() => {
        if (slot.current !== item) return;
        slot.current = null;
        slot.busy = false;
        this.pump();
      });
  }

  private async runOnMainThread(item: Queued): Promise<void> {
    const { Host } = await import('./host');
    // Let the page paint the progress bar before the synchronous run.
    await new Promise((r) => setTimeout(r, 0));
    new Host()
      .runExperiment(item.job.id, item.job.params, item.job.onProgress)
      .then(item.resolve, item.reject);
  }
}
