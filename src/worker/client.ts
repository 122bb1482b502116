/**
 * Starts a simulation host for the page: in a module worker when the browser has them (a worker
 * of its own, or a host on a worker shared through a WorkerPool), else on the main thread (same
 * API, same results). Reports a crashed worker once, so the widget can restart from its scenario.
 */
import * as Comlink from 'comlink';
import type { Parsed } from '../sim/core/errors';
import { watchHeartbeat } from './heartbeat';
import type { Frame, ProgressFn, SimApi } from './protocol';
import type { HostCrashMessage, WorkerApi } from './serve';
import type { WorkerPool } from './workerPool';

export interface SimClient {
  api: SimApi;
  /** 'worker' or 'main-thread'. */
  kind: 'worker' | 'main-thread';
  dispose(): void;
}

export interface ClientOptions {
  onFrame(frame: Frame): void;
  onCrash(message: string): void;
  /** Force the main-thread fallback (tests, `?worker=off`). */
  noWorker?: boolean;
  /** Run on a worker of this pool, shared with other clients (the embed), not on one of its own. */
  pool?: WorkerPool;
}

/** A worker that had run fine failed while this client was starting on it: start again. */
class CrashedWhileStarting extends Error {}

/** Where the client's host lives: a comlink endpoint, and how to let go of it. */
interface Link {
  endpoint: Comlink.Endpoint;
  started(): void;
  close(): void;
}

type Crash = (message: string, workerStarted?: boolean) => void;

/** A client whose frames are delivered through `onFrame`. */
/**
 * A scenario's trace hash (its fingerprint) at `untilMs`, computed in a simulation client of its
 * own, so no playing widget stalls for it; the client goes when done, or at once when `signal`
 * aborts (the promise then never settles).
 */
export async function fingerprintOnce(
  scenario: unknown,
  untilMs: number,
  signal?: AbortSignal,
): Promise<Parsed<string> & { host: SimClient['kind'] }> {
  const client = await createSimClient({ onFrame: () => {}, onCrash: () => {} });
  const stop = () => client.dispose();
  signal?.addEventListener('abort', stop, { once: true });
  try {
    if (signal?.aborted) return await new Promise<never>(() => {});
    const r = await client.api.traceHash(scenario, untilMs);
    return { ...r, host: client.kind };
  } finally {
    signal?.removeEventListener('abort', stop);
    client.dispose();
  }
}

export async function createSimClient(options: ClientOptions): Promise<SimClient> {
  if (!options.noWorker && typeof Worker !== 'undefined') {
    try {
      return await workerClient(options);
    } catch (e) {
      if (e instanceof CrashedWhileStarting) throw e;
      // Fall through: some environments forbid module workers.
      console.warn('The simulation worker could not start; running on the main thread.', e);
    }
  }
  const { Host } = await import('./host');
  // On the page's own thread a seek computes at most a frame's budget at a time.
  const host = new Host(undefined, { seekChunkMs: 8 });
  await host.subscribe(options.onFrame);
  return { api: host, kind: 'main-thread', dispose: () => host.dispose() };
}

async function workerClient(options: ClientOptions): Promise<SimClient> {
  let crashed = false;
  let booted = false;
  // A worker that dies before answering (its script blocked by CSP or CORS, say) would leave
  // `subscribe` pending forever: fail the boot instead and run on the main thread.
  let bootFailed: (e: Error) => void = () => {};
  const bootFailure = new Promise<never>((_, reject) => {
    bootFailed = reject;
  });
  const crash: Crash = (message, workerStarted = false) => {
    if (crashed) return;
    crashed = true;
    link.close();
    if (booted) options.onCrash(message);
    else bootFailed(workerStarted ? new CrashedWhileStarting(message) : new Error(message));
  };
  const link = options.pool ? pooledHost(options.pool, crash) : ownWorker(crash);
  const remote = Comlink.wrap<WorkerApi>(link.endpoint);
  // Frames arrive on their own channel: a comlink callback would cost a reply message and
  // wire-value wrapping for each of 60 frames a second.
  const frames = new MessageChannel();
  frames.port1.onmessage = (e: MessageEvent<Frame>) => options.onFrame(e.data);
  let disposed = false;
  // Idempotent: comlink throws on releasing a proxy twice, and callers (an effect's cleanup and
  // its own finally) may both let go.
  const dispose = () => {
    if (disposed) return;
    disposed = true;
    crashed = true;
    frames.port1.close();
    remote[Comlink.releaseProxy]();
    link.close();
  };
  try {
    await Promise.race([
      remote.subscribePort(Comlink.transfer(frames.port2, [frames.port2])),
      bootFailure,
    ]);
  } catch (e) {
    dispose();
    throw e;
  }
  booted = true;
  link.started();
  return { api: wrapRemote(remote), kind: 'worker', dispose };
}

function ownWorker(crash: Crash): Link {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), {
    type: 'module',
    name: 'ds-playground-sim',
  });
  worker.addEventListener('error', (e) => {
    e.preventDefault();
    crash(e.message || 'the simulation worker stopped');
  });
  worker.addEventListener('messageerror', () =>
    crash('a message from the worker could not be read'),
  );
  // A worker that closes itself or is killed fires no error: once it runs, listen for its pulse.
  let stopHeartbeat = () => {};
  return {
    endpoint: worker,
    started: () => {
      stopHeartbeat = watchHeartbeat(worker, (m) => crash(m, true));
    },
    close: () => {
      stopHeartbeat();
      worker.terminate();
    },
  };
}

/** A host of its own on a shared worker: the pool reports the worker's failures to every lease. */
function pooledHost(pool: WorkerPool, crash: Crash): Link {
  const lease = pool.lease(crash);
  const { port } = lease;
  // This host's own code threw: the worker and its other hosts run on.
  port.addEventListener('message', (e: MessageEvent<Partial<HostCrashMessage> | null>) => {
    if (e.data?.type === 'dsp-crash') crash(e.data.message ?? 'the simulation stopped', true);
  });
  port.addEventListener('messageerror', () => crash('a message from the worker could not be read'));
  return { endpoint: port, started: lease.started, close: lease.release };
}

/** Callbacks must cross the worker boundary as comlink proxies. */
function wrapRemote(remote: Comlink.Remote<WorkerApi>): SimApi {
  return {
    subscribe: (f) => remote.subscribe(f),
    load: (s, at) => remote.load(s, at),
    play: () => remote.play(),
    pause: () => remote.pause(),
    setSpeed: (s) => remote.setSpeed(s),
    step: () => remote.step(),
    playUntil: (s) => remote.playUntil(s),
    setSlowMotion: (ms) => remote.setSlowMotion(ms),
    seek: (t) => remote.seek(t),
    cancelSeek: () => remote.cancelSeek(),
    fork: () => remote.fork(),
    input: (raw) => remote.input(raw),
    traceHash: (s, until) => remote.traceHash(s, until),
    runExperiment: (id, params, onProgress: ProgressFn) =>
      remote.runExperiment(id, params, Comlink.proxy(onProgress)),
    crashForTest: (how) => remote.crashForTest(how),
  };
}
