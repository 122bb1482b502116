/** The simulation worker: one host per worker, served over comlink. */
import * as Comlink from 'comlink';
import { Host } from './host';
import type { Frame, ProgressFn, SimApi } from './protocol';

const host = new Host();

/** The worker also takes a MessagePort for frames: one plain postMessage per frame, no reply. */
export interface WorkerApi extends SimApi {
  subscribePort(port: MessagePort): Promise<void>;
}

// Frames come through a MessagePort (60 a second, no answer needed); progress callbacks are
// comlink proxies.
const api: WorkerApi = {
  subscribe: (onFrame: (f: Frame) => void) => host.subscribe(onFrame),
  subscribePort: (port: MessagePort) => host.subscribe((f) => port.postMessage(f)),
  load: (s, at) => host.load(s, at),
  play: () => host.play(),
  pause: () => host.pause(),
  setSpeed: (s) => host.setSpeed(s),
  step: () => host.step(),
  seek: (t) => host.seek(t),
  fork: () => host.fork(),
  input: (raw) => host.input(raw),
  traceHash: (s, until) => host.traceHash(s, until),
  runExperiment: (id, params, onProgress: ProgressFn) => host.runExperiment(id, params, onProgress),
  crashForTest: () => host.crashForTest(),
};

Comlink.expose(api);
