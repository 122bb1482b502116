/** The simulation worker: one host per worker, served over comlink. */
import * as Comlink from 'comlink';
import { Host } from './host';
import type { Frame, ProgressFn, SimApi } from './protocol';

const host = new Host();

// Frames and progress come back through callbacks the page passes as comlink proxies.
const api: SimApi = {
  subscribe: (onFrame: (f: Frame) => void) => host.subscribe(onFrame),
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
