import { afterEach, describe, expect, it, vi } from 'vitest';
import { ExperimentPool, WORKER_DIED } from './pool';

/** A worker that never answers; `fail` fires the error event a dying worker fires. */
class SilentWorker extends EventTarget {
  static all: SilentWorker[] = [];
  terminated = false;
  posted = 0;
  constructor() {
    super();
    SilentWorker.all.push(this);
  }
  postMessage(): void {
    this.posted++;
  }
  terminate(): void {
    this.terminated = true;
  }
  fail(message: string): void {
    this.dispatchEvent(Object.assign(new Event('error', { cancelable: true }), { message }));
  }
}

afterEach(() => {
  SilentWorker.all = [];
  vi.unstubAllGlobals();
});

describe('ExperimentPool', () => {
  it('fails the job of a worker that died, and runs the next job on a fresh worker', async () => {
    vi.stubGlobal('Worker', SilentWorker);
    const pool = new ExperimentPool(1, () => new SilentWorker() as unknown as Worker);
    const job = (id: string) => ({ id, params: {}, onProgress: () => {} });
    const first = pool.run(job('a'));
    const second = pool.run(job('b'));
    await vi.waitFor(() => expect(SilentWorker.all[0]?.posted).toBeGreaterThan(0));
    SilentWorker.all[0]!.fail('out of memory');
    await expect(first).rejects.toThrow(`${WORKER_DIED}: out of memory`);
    expect(SilentWorker.all[0]!.terminated).toBe(true);
    // The queued job did not wait for Cancel: it went to a new worker.
    await vi.waitFor(() => expect(SilentWorker.all).toHaveLength(2));
    await vi.waitFor(() => expect(SilentWorker.all[1]!.posted).toBeGreaterThan(0));
    SilentWorker.all[1]!.fail('again');
    await expect(second).rejects.toThrow(`${WORKER_DIED}: again`);
    pool.dispose();
  }, 5000);
});
