/**
 * What a simulation worker serves: the API of one Host, either over the worker's own scope (the
 * app: one worker per widget) or over a MessagePort the page sends in a `dsp-connect` message
 * (the embed: a few workers shared by every widget on the page, one Host per port).
 */
import * as Comlink from 'comlink';
import { Host, type HostClock } from './host';
import type { Frame, ProgressFn, SimApi } from './protocol';

/** The worker also takes a MessagePort for frames: one plain postMessage per frame, no reply. */
export interface WorkerApi extends SimApi {
  subscribePort(port: MessagePort): Promise<void>;
}

/** Sent to the worker to open a new Host on `port`. */
export interface ConnectMessage {
  type: 'dsp-connect';
  port: MessagePort;
}

/** Sent by the worker on a host's port when that host's own code threw: only it restarts. */
export interface HostCrashMessage {
  type: 'dsp-crash';
  message: string;
}

// Frames come through a MessagePort (60 a second, no answer needed); progress callbacks are
// comlink proxies.
export const hostApi = (host: Host): WorkerApi => ({
  subscribe: (onFrame: (f: Frame) => void) => host.subscribe(onFrame),
  subscribePort: (port: MessagePort) => host.subscribe((f) => port.postMessage(f)),
  load: (s, at) => host.load(s, at),
  play: () => host.play(),
  pause: () => host.pause(),
  setSpeed: (s) => host.setSpeed(s),
  step: () => host.step(),
  playUntil: (s) => host.playUntil(s),
  setSlowMotion: (ms) => host.setSlowMotion(ms),
  seek: (t) => host.seek(t),
  cancelSeek: () => host.cancelSeek(),
  fork: () => host.fork(),
  input: (raw) => host.input(raw),
  traceHash: (s, until) => host.traceHash(s, until),
  runExperiment: (id, params, onProgress: ProgressFn) => host.runExperiment(id, params, onProgress),
  crashForTest: (how) => host.crashForTest(how),
});

const realClock: HostClock = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/**
 * Serves a new Host on `port` until the page releases it (comlink's release message), which
 * disposes the Host. An error thrown by the Host's own timers (its play loop, the model's code)
 * stops that Host alone and is reported on its port, so the other widgets sharing the worker
 * keep running; an error nothing can pin on one Host still fails the whole worker.
 */
export function serveHost(port: MessagePort, clock: HostClock = realClock): void {
  const guarded: HostClock = {
    ...clock,
    setTimeout: (fn, ms) =>
      clock.setTimeout(() => {
        try {
          fn();
        } catch (e) {
          console.error(e);
          host.dispose();
          const crash: HostCrashMessage = {
            type: 'dsp-crash',
            message: e instanceof Error ? e.message : String(e),
          };
          port.postMessage(crash);
        }
      }, ms),
  };
  const host = new Host(guarded);
  Comlink.expose({ ...hostApi(host), [Comlink.finalizer]: () => host.dispose() }, port);
}

/** Opens a Host for each `dsp-connect` message that reaches `scope`. */
export function acceptConnections(scope: Pick<EventTarget, 'addEventListener'>): void {
  scope.addEventListener('message', (e) => {
    const data = (e as MessageEvent<Partial<ConnectMessage> | null>).data;
    if (data?.type === 'dsp-connect' && data.port) serveHost(data.port);
  });
}
