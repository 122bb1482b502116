import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { answerPings, PING, PONG, watchHeartbeat } from './heartbeat';

/** A worker stand-in that answers pings through `answerPings` until it is `closed`. */
class FakeScope extends EventTarget {
  closed = false;
  pings = 0;
  /** The page's side: what the page posts reaches the worker's scope. */
  readonly page = new EventTarget();
  constructor() {
    super();
    answerPings({
      addEventListener: (t, l) => this.addEventListener(t, l as EventListener),
      postMessage: (m) => this.page.dispatchEvent(new MessageEvent('message', { data: m })),
    });
  }
  /** As the page's Worker object: postMessage reaches the scope, its answers reach the page. */
  asWorker() {
    return {
      postMessage: (m: unknown) => {
        if ((m as { type?: string }).type === PING) this.pings++;
        if (!this.closed) this.dispatchEvent(new MessageEvent('message', { data: m }));
      },
      addEventListener: (t: 'message', l: (e: MessageEvent) => void) =>
        this.page.addEventListener(t, l as EventListener),
      removeEventListener: (t: 'message', l: (e: MessageEvent) => void) =>
        this.page.removeEventListener(t, l as EventListener),
    };
  }
}

beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('watchHeartbeat', () => {
  it('never declares a worker that answers dead', () => {
    vi.useFakeTimers();
    const scope = new FakeScope();
    const dead = vi.fn();
    const stop = watchHeartbeat(scope.asWorker(), dead, { intervalMs: 1000, missedMax: 4 });
    vi.advanceTimersByTime(60_000);
    expect(dead).not.toHaveBeenCalled();
    expect(scope.pings).toBe(60);
    stop();
  });

  it('declares a worker that went silent dead once, after missedMax unanswered ticks', () => {
    vi.useFakeTimers();
    const scope = new FakeScope();
    const dead = vi.fn();
    watchHeartbeat(scope.asWorker(), dead, { intervalMs: 1000, missedMax: 4 });
    vi.advanceTimersByTime(10_000);
    scope.closed = true;
    vi.advanceTimersByTime(4_000);
    expect(dead).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1_000);
    expect(dead).toHaveBeenCalledTimes(1);
    expect(dead.mock.calls[0]![0]).toMatch(/stopped answering \(no reply in 4 s\)/);
    // It stops pinging a dead worker and says so only once.
    const pings = scope.pings;
    vi.advanceTimersByTime(30_000);
    expect(dead).toHaveBeenCalledTimes(1);
    expect(scope.pings).toBe(pings);
  });

  it('stops pinging when told', () => {
    vi.useFakeTimers();
    const scope = new FakeScope();
    const dead = vi.fn();
    const stop = watchHeartbeat(scope.asWorker(), dead);
    vi.advanceTimersByTime(2_000);
    stop();
    scope.closed = true;
    vi.advanceTimersByTime(30_000);
    expect(dead).not.toHaveBeenCalled();
    expect(scope.pings).toBe(2);
  });

  it('answers only pings', () => {
    const scope = new FakeScope();
    const got: unknown[] = [];
    scope.page.addEventListener('message', (e) => got.push((e as MessageEvent).data));
    scope.asWorker().postMessage({ type: 'dsp-connect' });
    scope.asWorker().postMessage({ type: PING });
    expect(got).toEqual([{ type: PONG }]);
  });
});
