import { describe, expect, it } from 'vitest';
import { C_FINISHED, C_TIMEOUTS, createWindow, recordFinish, summarize } from './window';

describe('the live statistics window', () => {
  it('never reports a quantile above the longest latency it saw', () => {
    const w = createWindow();
    // Every request timed out at exactly 1000 ms: the bucket's middle is about 1017 ms.
    for (let i = 0; i < 100; i++) recordFinish(w, 5000 + i, 1000, C_TIMEOUTS);
    const s = summarize(w, 5100);
    expect(s.p50).toBe(1000);
    expect(s.p99).toBe(1000);
  });

  it('forgets latencies older than a second', () => {
    const w = createWindow();
    recordFinish(w, 100, 800, C_FINISHED);
    for (let i = 0; i < 10; i++) recordFinish(w, 2000 + i, 10, C_FINISHED);
    const s = summarize(w, 2050);
    expect(s.p99).toBeLessThanOrEqual(10);
    expect(s.p99).toBeGreaterThan(9);
  });
});
