/**
 * Starts a simulation host for the page: in a module worker when the browser has them, else on
 * the main thread (same API, same results). Reports a crashed worker once, so the widget can
 * restart from its scenario.
 */
import * as Comlink from 'comlink';
import type { Frame, ProgressFn, SimApi } from './protocol';
import type { WorkerApi } from './worker';

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
  /** Builds the worker; embeds pass one that starts from a blob URL (cross-origin safe). */
  createWorker?: () => Worker;
}

const defaultWorker = (): Worker =>
  new Worker(new URL('./worker.ts', import.meta.url), {
    type: 'module',
    name: 'ds-playground-sim',
  });

/** A client whose frames are delivered through `onFrame`. */
export async function createSimClient(options: ClientOptions): Promise<SimClient> {
  if (!options.noWorker && typeof Worker !== 'undefined') {
    try {
      const worker = (options.createWorker ?? defaultWorker)();
      let crashed = false;
      let booted = false;
      // A worker that dies before answering (its script blocked by CSP or CORS, say) would
      // leave `subscribe` pending forever: fail the boot instead and run on the main thread.
      let bootFailed: (message: string) => void = () => {};
      const bootFailure = new Promise<never>((_, reject) => {
        bootFailed = (message) => reject(new Error(message));
      });
      const crash = (message: string): void => {
        if (crashed) return;
        crashed = true;
        worker.terminate();
        if (booted) options.onCrash(message);
        else bootFailed(message);
      };
      worker.addEventListener('error', (e) => {
        e.preventDefault();
        crash(e.message || 'the simulation worker stopped');
      });
      worker.addEventListener('messageerror', () =>
        crash('a message from the worker could not be read'),
      );
      const remote = Comlink.wrap<WorkerApi>(worker);
      const api = wrapRemote(remote);
      // Frames arrive on their own channel: a comlink callback would cost a reply message and
      // wire-value wrapping for each of 60 frames a second.
      const frames = new MessageChannel();
      frames.port1.onmessage = (e: MessageEvent<Frame>) => options.onFrame(e.data);
      await Promise.race([
        remote.subscribePort(Comlink.transfer(frames.port2, [frames.port2])),
        bootFailure,
      ]);
      booted = true;
      return {
        api,
        kind: 'worker',
        dispose: () => {
          crashed = true;
          frames.port1.close();
          remote[Comlink.releaseProxy]();
          worker.terminate();
        },
      };
    } catch (e) {
      // Fall through: some environments forbid module workers.
      console.warn('The simulation worker could not start; running on the main thread.', e);
    }
  }
  const { Host } = await import('./host');
  const host = new Host();
  await host.subscribe(options.onFrame);
  return { api: host, kind: 'main-thread', dispose: () => host.dispose() };
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
    seek: (t) => remote.seek(t),
    fork: () => remote.fork(),
    input: (raw) => remote.input(raw),
    traceHash: (s, until) => remote.traceHash(s, until),
    runExperiment: (id, params, onProgress: ProgressFn) =>
      remote.runExperiment(id, params, Comlink.proxy(onProgress)),
    crashForTest: () => remote.crashForTest(),
  };
}
