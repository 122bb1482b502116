import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSimClient, type SimClient } from './client';
import type { HostClock } from './host';
import type { Frame } from './protocol';
import { PING, PONG } from './heartbeat';
import { serveHost, type ConnectMessage } from './serve';
import { defaultPoolSize, WorkerPool } from './workerPool';

/** Timers that run only when the test says so. */
function manualClock() {
  let timers: (() => void)[] = [];
  const clock: HostClock = {
    now: () => 0,
    setTimeout: (fn) => {
      timers.push(fn);
      return fn;
    },
    clearTimeout: (h) => {
      timers = timers.filter((t) => t !== h);
    },
  };
  const runTimers = () => {
    const due = timers;
    timers = [];
    for (const fn of due) fn();
  };
  return { clock, runTimers };
}

/**
 * A stand-in for a module worker: `dsp-connect` opens a real Host on the port, on this thread
 * (on a manual clock); `fail` fires the error event a dying worker fires.
 */
class FakeWorker extends EventTarget {
  static all: FakeWorker[] = [];
  static serve = true;
  readonly clock = manualClock();
  readonly ports: MessagePort[] = [];
  terminated = false;
  /** Closed itself: no error event, no answers (what a dying worker looks like from the page). */
  silent = false;
  constructor() {
    super();
    FakeWorker.all.push(this);
  }
  postMessage(data: ConnectMessage | { type: typeof PING }): void {
    if (this.terminated || this.silent) return;
    if (data.type === PING) {
      this.dispatchEvent(new MessageEvent('message', { data: { type: PONG } }));
      return;
    }
    this.ports.push(data.port);
    if (FakeWorker.serve) serveHost(data.port, this.clock.clock);
  }
  terminate(): void {
    this.terminated = true;
    for (const p of this.ports) p.close();
  }
  fail(message: string): void {
    this.dispatchEvent(Object.assign(new Event('error', { cancelable: true }), { message }));
  }
}

const fakeWorker = () => new FakeWorker() as unknown as Worker;

afterEach(() => {
  for (const w of FakeWorker.all) w.terminate();
  FakeWorker.all = [];
  FakeWorker.serve = true;
  vi.unstubAllGlobals();
});

describe('WorkerPool: assignment and cleanup', () => {
  const noop = () => {};

  it('is at most 4 workers, and no more than the cores', () => {
    expect(defaultPoolSize(16)).toBe(4);
    expect(defaultPoolSize(2)).toBe(2);
    expect(defaultPoolSize(1)).toBe(1);
    expect(defaultPoolSize(0)).toBe(2);
    expect(defaultPoolSize(undefined)).toBe(2);
  });

  it('starts workers up to its size, then puts each host on the least loaded one', () => {
    FakeWorker.serve = false;
    const pool = new WorkerPool(fakeWorker, 3);
    const leases = Array.from({ length: 3 }, () => pool.lease(noop));
    expect(FakeWorker.all).toHaveLength(3);
    expect(pool.load).toEqual([1, 1, 1]);
    // Every host gets a port of its own, sent to the worker in a dsp-connect message.
    expect(new Set(FakeWorker.all.flatMap((w) => w.ports)).size).toBe(3);
    const more = Array.from({ length: 4 }, () => pool.lease(noop));
    expect(FakeWorker.all).toHaveLength(3);
    expect(pool.load).toEqual([3, 2, 2]);
    // Freeing a host on the second worker makes it the least loaded.
    more[1]!.release();
    expect(pool.load).toEqual([3, 1, 2]);
    const x = pool.lease(noop);
    expect(pool.load).toEqual([3, 2, 2]);
    // A worker left with no host goes; the next lease starts a new one (the pool is not full).
    leases[1]!.release();
    x.release();
    expect(pool.load).toEqual([3, 2]);
    expect(FakeWorker.all[1]!.terminated).toBe(true);
    pool.lease(noop);
    expect(pool.load).toEqual([3, 2, 1]);
    expect(FakeWorker.all).toHaveLength(4);
  });

  it('terminates a worker once its last host is released, and starts a new one when needed', () => {
    FakeWorker.serve = false;
    const pool = new WorkerPool(fakeWorker, 2);
    const a = pool.lease(noop);
    const b = pool.lease(noop);
    const c = pool.lease(noop);
    const [w0, w1] = FakeWorker.all;
    expect(pool.load).toEqual([2, 1]);
    b.release();
    b.release(); // twice: no effect
    expect(w1!.terminated).toBe(true);
    expect(pool.load).toEqual([2]);
    a.release();
    expect(w0!.terminated).toBe(false);
    c.release();
    expect(w0!.terminated).toBe(true);
    expect(pool.load).toEqual([]);
    pool.lease(noop);
    expect(FakeWorker.all).toHaveLength(3);
    expect(FakeWorker.all[2]!.terminated).toBe(false);
  });

  it('keeps a worker left with no host for idleMs, for a host that comes back', () => {
    vi.useFakeTimers();
    try {
      FakeWorker.serve = false;
      const pool = new WorkerPool(fakeWorker, 2, 5000);
      const a = pool.lease(noop);
      const b = pool.lease(noop);
      expect(pool.load).toEqual([1, 1]);
      a.release();
      b.release();
      vi.advanceTimersByTime(4000);
      expect(FakeWorker.all.map((w) => w.terminated)).toEqual([false, false]);
      // A new host goes to an idle worker, which then stays; the other still goes on time.
      const c = pool.lease(noop);
      expect(FakeWorker.all).toHaveLength(2);
      vi.advanceTimersByTime(1000);
      expect(FakeWorker.all.map((w) => w.terminated)).toEqual([false, true]);
      expect(pool.load).toEqual([1]);
      vi.advanceTimersByTime(60_000);
      expect(FakeWorker.all[0]!.terminated).toBe(false);
      c.release();
      vi.advanceTimersByTime(5000);
      expect(FakeWorker.all[0]!.terminated).toBe(true);
      expect(pool.load).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('tells every host on a failed worker, drops it and starts a fresh one', () => {
    FakeWorker.serve = false;
    const pool = new WorkerPool(fakeWorker, 2);
    const heard: string[] = [];
    const leases = ['a', 'b', 'c', 'd'].map((id) =>
      pool.lease((message, started) => heard.push(`${id}: ${message} (${String(started)})`)),
    );
    for (const l of leases) l.started();
    const [w0, w1] = FakeWorker.all;
    w0!.fail('boom');
    expect(heard).toEqual(['a: boom (true)', 'c: boom (true)']);
    expect(w0!.terminated).toBe(true);
    expect(w1!.terminated).toBe(false);
    expect(pool.load).toEqual([2]);
    // Releasing a lease of the dead worker changes nothing; the next lease starts a new worker.
    leases[0]!.release();
    pool.lease(noop);
    expect(FakeWorker.all).toHaveLength(3);
    expect(pool.load).toEqual([2, 1]);
    w0!.fail('again');
    expect(heard).toHaveLength(2);
  });

  it('tells every host on a worker that went silent (closed itself, killed), once', () => {
    vi.useFakeTimers();
    try {
      FakeWorker.serve = false;
      const pool = new WorkerPool(fakeWorker, 1);
      const heard: string[] = [];
      const leases = ['a', 'b'].map((id) =>
        pool.lease((message, started) => heard.push(`${id} (${String(started)}): ${message}`)),
      );
      vi.advanceTimersByTime(20_000);
      // Not pinged before a host on it answered: a slow start is not a death.
      expect(heard).toEqual([]);
      for (const l of leases) l.started();
      vi.advanceTimersByTime(20_000);
      expect(heard).toEqual([]);
      FakeWorker.all[0]!.silent = true;
      vi.advanceTimersByTime(20_000);
      expect(heard).toEqual([
        'a (true): the simulation worker stopped answering (no reply in 6 s)',
        'b (true): the simulation worker stopped answering (no reply in 6 s)',
      ]);
      expect(FakeWorker.all[0]!.terminated).toBe(true);
      expect(pool.load).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('gives up on workers once one failed before running at all (CSP, say)', () => {
    FakeWorker.serve = false;
    const pool = new WorkerPool(fakeWorker, 2);
    const heard: boolean[] = [];
    pool.lease((_, started) => heard.push(started));
    FakeWorker.all[0]!.fail('blocked');
    expect(heard).toEqual([false]);
    expect(() => pool.lease(noop)).toThrow('blocked');
    expect(FakeWorker.all).toHaveLength(1);
  });
});

describe('clients on a shared worker', () => {
  const scenario = { model: 'hashring', params: { nodes: 4 }, seed: 3, inputs: [] };

  async function start(pool: WorkerPool) {
    const frames: Frame[] = [];
    const crashes: string[] = [];
    const client = await createSimClient({
      pool,
      onFrame: (f) => frames.push(f),
      onCrash: (m) => crashes.push(m),
    });
    const loaded = await client.api.load(scenario);
    expect(loaded.ok).toBe(true);
    return { client, frames, crashes };
  }
  const lastT = async (c: { frames: Frame[] }) => {
    await vi.waitFor(() => expect(c.frames.length).toBeGreaterThan(0));
    return c.frames.at(-1)!.t;
  };

  it('runs a host of its own for each client, and frees the worker with the last one', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const pool = new WorkerPool(fakeWorker, 1);
    const a = await start(pool);
    const b = await start(pool);
    expect(a.client.kind).toBe('worker');
    expect(FakeWorker.all).toHaveLength(1);
    expect(pool.load).toEqual([2]);
    await a.client.api.seek(1500);
    await b.client.api.seek(700);
    await vi.waitFor(async () => expect(await lastT(a)).toBe(1500));
    await vi.waitFor(async () => expect(await lastT(b)).toBe(700));
    a.client.dispose();
    // Twice is harmless (an effect's cleanup and its own finally may both let go).
    expect(() => a.client.dispose()).not.toThrow();
    expect(pool.load).toEqual([1]);
    await b.client.api.seek(800);
    await vi.waitFor(async () => expect(await lastT(b)).toBe(800));
    b.client.dispose();
    expect(FakeWorker.all[0]!.terminated).toBe(true);
    expect(a.crashes).toEqual([]);
  });

  it("a host's own error restarts that client alone; a worker failure restarts them all", async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const pool = new WorkerPool(fakeWorker, 1);
    const a = await start(pool);
    const b = await start(pool);
    const c = await start(pool);
    const worker = FakeWorker.all[0]!;
    // The test hook throws from the host's timer: pinned on `a`'s host.
    await a.client.api.crashForTest();
    worker.clock.runTimers();
    await vi.waitFor(() => expect(a.crashes).toEqual(['Simulated worker crash (test hook)']));
    expect(b.crashes).toEqual([]);
    a.client.dispose();
    expect(worker.terminated).toBe(false);
    await b.client.api.seek(900);
    await vi.waitFor(async () => expect(await lastT(b)).toBe(900));

    worker.fail('out of memory');
    expect(b.crashes).toEqual(['out of memory']);
    expect(c.crashes).toEqual(['out of memory']);
    expect(worker.terminated).toBe(true);
    b.client.dispose();
    c.client.dispose();
    // The restart gets a fresh worker.
    const d = await start(pool);
    expect(FakeWorker.all).toHaveLength(2);
    await d.client.api.seek(300);
    await vi.waitFor(async () => expect(await lastT(d)).toBe(300));
    d.client.dispose();
  });

  it('falls back to the main thread when the shared worker never starts', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    FakeWorker.serve = false;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const pool = new WorkerPool(fakeWorker, 2);
    const booting = createSimClient({ pool, onFrame: () => {}, onCrash: () => {} });
    FakeWorker.all[0]!.fail('worker-src forbidden');
    const client: SimClient = await booting;
    expect(client.kind).toBe('main-thread');
    // The next one does not even try.
    const next = await createSimClient({ pool, onFrame: () => {}, onCrash: () => {} });
    expect(next.kind).toBe('main-thread');
    expect(FakeWorker.all).toHaveLength(1);
    expect(warn).toHaveBeenCalledTimes(2);
    client.dispose();
    next.dispose();
  });
});
