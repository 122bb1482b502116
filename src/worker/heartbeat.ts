/**
 * Telling a dead worker from a quiet one. A worker that throws fires `error`, but one that
 * closes itself, runs out of memory or is terminated by the browser just goes silent: its
 * pending calls never settle and the widget freezes. So the page pings every worker that has
 * started (a `dsp-ping` message on its own scope, answered with `dsp-pong` by
 * `answerPings`) and declares it dead after several pings in a row went unanswered.
 *
 * Missed pings are counted in ticks of the page's own timer, not in wall time: a page whose
 * thread was frozen (a laptop asleep, a tab in the background) wakes up with a late tick, not
 * with a dead worker. A simulation host answers within a seek chunk (50 ms), so six seconds of
 * silence is not a busy worker, even on a machine starved of CPU. Experiment workers run one long synchronous job and are not
 * watched this way (see pool.ts).
 */

export const PING = 'dsp-ping';
export const PONG = 'dsp-pong';

export interface HeartbeatOptions {
  /** How often the page pings. */
  intervalMs?: number;
  /** Ticks without an answer after which the worker counts as dead. */
  missedMax?: number;
}

interface Pingable {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (e: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (e: MessageEvent) => void): void;
}

/**
 * Pings `worker` until the returned function is called; calls `onDead` once, after `missedMax`
 * ticks in a row without a `dsp-pong`.
 */
export function watchHeartbeat(
  worker: Pingable,
  onDead: (message: string) => void,
  { intervalMs = 1000, missedMax = 6 }: HeartbeatOptions = {},
): () => void {
  let missed = 0;
  let stopped = false;
  const onMessage = (e: MessageEvent) => {
    if ((e.data as { type?: unknown } | null)?.type === PONG) missed = 0;
  };
  worker.addEventListener('message', onMessage);
  const stop = () => {
    if (stopped) return;
    stopped = true;
    clearInterval(timer);
    worker.removeEventListener('message', onMessage);
  };
  const timer = setInterval(() => {
    if (++missed > missedMax) {
      stop();
      console.warn(`A simulation worker did not answer ${missedMax} pings: restarting it.`);
      onDead(
        `the simulation worker stopped answering (no reply in ${(missedMax * intervalMs) / 1000} s)`,
      );
      return;
    }
    worker.postMessage({ type: PING });
  }, intervalMs);
  return stop;
}

/** The worker's side: answers every `dsp-ping` reaching `scope` (comlink ignores both types). */
export function answerPings(scope: Pick<Pingable, 'addEventListener' | 'postMessage'>): void {
  scope.addEventListener('message', (e) => {
    if ((e.data as { type?: unknown } | null)?.type === PING) scope.postMessage({ type: PONG });
  });
}
