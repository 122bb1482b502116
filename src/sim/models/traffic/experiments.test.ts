import { describe, expect, it } from 'vitest';
import { latencyMeta, retriesMeta, type LatencyParams, type RetriesParams } from './experimentMeta';
import { runLatency, runRetries } from './experiments';

const latency = (p: Partial<LatencyParams>) =>
  runLatency(latencyMeta.params.parse({ durationMs: 30_000, ...p }) as LatencyParams);
const retries = (p: Partial<RetriesParams>) =>
  runRetries(retriesMeta.params.parse({ durationMs: 30_000, ...p }) as RetriesParams);

describe('traffic-latency', () => {
  it('draws the hockey stick: flat when idle, steep near saturation', () => {
    const low = latency({ utilization: 0.1 });
    const mid = latency({ utilization: 0.5 });
    const high = latency({ utilization: 0.9 });
    expect(low.meanMs).toBeGreaterThan(9);
    expect(low.meanMs).toBeLessThan(12);
    expect(high.p99Ms).toBeGreaterThan(3 * mid.p99Ms);
  });

  it('two random choices flatten it against one random choice', () => {
    const random = latency({ utilization: 0.9, balancer: 'random' });
    const two = latency({ utilization: 0.9, balancer: 'twoChoices' });
    expect(two.p99Ms * 2).toBeLessThan(random.p99Ms);
    expect(two.maxQueue * 2).toBeLessThan(random.maxQueue);
  });

  it('gives the same result for the same params and seed', () => {
    expect(latency({ utilization: 0.7 })).toEqual(latency({ utilization: 0.7 }));
  });
});

describe('traffic-retries', () => {
  it('immediate retries keep the system down after the stall; a budget or LIFO recovers', () => {
    const storm = retries({ strategy: 'immediate' });
    expect(storm.recovered).toBe(0);
    expect(storm.peakTriesPerSec).toBeGreaterThan(2 * storm.capacityPerSec);
    expect(retries({ strategy: 'immediate-budget' }).recovered).toBe(1);
    expect(retries({ strategy: 'immediate-lifo' }).recovered).toBe(1);
  });

  it('without the stall nothing needs to recover', () => {
    const calm = retries({ strategy: 'immediate', outageMs: 0 });
    expect(calm.recovered).toBe(1);
    expect(calm.goodputShare).toBeGreaterThan(0.99);
  });
});
