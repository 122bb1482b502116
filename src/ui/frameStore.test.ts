import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Frame } from '../sim/core/frame';
import { FrameStore, VIEW_MS } from './frameStore';

const frame = (t: number, playing: boolean): Frame => ({
  t,
  status: {
    t,
    horizonMs: t,
    playing,
    speed: 1,
    events: 0,
    violation: null,
    lagging: false,
    seeking: null,
  },
  params: {},
  view: { t },
  heavy: {},
  inFlight: [],
  events: [],
  resetLog: false,
  logDropped: 0,
  metrics: {},
  invariants: [],
  series: null,
});

afterEach(() => {
  vi.useRealTimers();
});

describe('FrameStore view channel', () => {
  it('re-renders views at most every VIEW_MS while playing, ending on the latest frame', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const store = new FrameStore();
    let renders = 0;
    store.subscribeView(() => renders++);
    let every = 0;
    store.subscribe(() => every++);
    // One second of frames at 60 a second.
    for (let i = 0; i < 60; i++) {
      store.push(frame(i * 16, true), performance.now());
      vi.advanceTimersByTime(16);
    }
    vi.advanceTimersByTime(VIEW_MS);
    expect(every).toBe(60);
    expect(renders).toBeLessThanOrEqual(Math.ceil((60 * 16) / VIEW_MS) + 1);
    expect(renders).toBeGreaterThanOrEqual(Math.floor((60 * 16) / VIEW_MS) - 1);
    expect(store.getView().frame?.t).toBe(59 * 16);
  });

  it('shows a paused frame (a step, an action) at once', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const store = new FrameStore();
    store.push(frame(0, true), performance.now());
    vi.advanceTimersByTime(5);
    store.push(frame(16, false), performance.now());
    expect(store.getView().frame?.t).toBe(16);
  });
});
