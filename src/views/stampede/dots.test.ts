import { describe, expect, it } from 'vitest';
import { placeRequests, tally } from './dots';
import { layout } from './layout';
import type { SampledRequest } from './types';

const g = layout(800, 420, 1);
const LEG = 100;
const req = (over: Partial<SampledRequest>): SampledRequest => ({
  id: 1,
  key: 0,
  arriveAt: 1000,
  path: 'hit',
  dbQueuedAt: null,
  dbStartAt: null,
  dbDoneAt: null,
  doneAt: 1000,
  timedOut: false,
  ...over,
});
const at = (r: SampledRequest, v: number, capacity = 20) => placeRequests([r], v, g, capacity, LEG);

describe('placing sampled requests', () => {
  it('shows nothing before a request arrives, then grey on its way to the cache', () => {
    const r = req({});
    expect(at(r, 999)).toEqual([]);
    const [m] = at(r, 1050);
    expect(m!.outcome).toBe('pending');
    expect(m!.x).toBeGreaterThan(g.clients.x1);
    expect(m!.x).toBeLessThan(g.cache.x0);
    expect(m!.y).toBe(g.laneReq);
  });

  it('turns a hit around at the cache and fades it out at the clients', () => {
    const r = req({});
    const [back] = at(r, 1150);
    expect(back!.outcome).toBe('hit');
    expect(back!.x).toBeLessThan(g.cache.x0);
    expect(at(r, 1200)).toEqual([]);
  });

  it('keeps an own query in the database queue until it starts, then in a slot', () => {
    const r = req({ path: 'db', dbQueuedAt: 1000, dbStartAt: 1500, dbDoneAt: 1600, doneAt: 1600 });
    const queued = at(r, 1400)[0]!;
    expect(queued.outcome).toBe('db');
    expect(queued.y).toBeCloseTo((g.queue.y0 + g.queue.y1) / 2);
    const running = at(r, 1550)[0]!;
    expect(running.y).toBeGreaterThanOrEqual(g.slots.y0);
    expect(running.y).toBeLessThanOrEqual(g.slots.y1);
    const answered = at(r, 1650)[0]!;
    expect(answered.y).toBeCloseTo(g.laneResp, 0);
    expect(at(r, 1600 + 2 * LEG)).toEqual([]);
  });

  it('parks a waiter in the cache until its answer, then sends it back', () => {
    const r = req({ path: 'wait', doneAt: 1400 });
    const parked = at(r, 1300)[0]!;
    expect(parked.parked).toBe(true);
    expect(parked.x).toBeGreaterThanOrEqual(g.park.x0);
    expect(parked.x).toBeLessThanOrEqual(g.park.x1);
    expect(at(r, 1450)[0]!.outcome).toBe('wait');
  });

  it('shows a timed-out client as a cross while its query runs on, hollow', () => {
    const r = req({
      path: 'db',
      dbQueuedAt: 1000,
      dbStartAt: 1900,
      dbDoneAt: 2000,
      doneAt: 1500,
      timedOut: true,
    });
    const marks = at(r, 1600);
    const cross = marks.find((m) => m.outcome === 'timeout')!;
    expect(cross.x).toBeGreaterThanOrEqual(g.timeouts.x0);
    expect(cross.x).toBeLessThanOrEqual(g.timeouts.x1);
    expect(marks.find((m) => m.outcome === 'db')!.hollow).toBe(true);
  });

  it('counts outcomes of the last second for reduced motion', () => {
    const reqs = [
      req({ id: 1 }),
      req({ id: 2, path: 'stale' }),
      req({ id: 3, path: 'wait', doneAt: null }),
      req({ id: 4, path: 'db', dbQueuedAt: 1000, doneAt: 2100, timedOut: true }),
    ];
    const { counts, waiting } = tally(reqs, 1500, 1000);
    expect(counts).toEqual({ hit: 1, stale: 1, db: 1, wait: 1, timeout: 0 });
    expect(waiting).toBe(1);
  });
});
