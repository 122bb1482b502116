/**
 * Where each sampled request is drawn at virtual time `v`. The model gives stage timestamps
 * (arrival, query queued, started, done, answered); a cache read takes no virtual time, so the
 * drawing adds a visual leg of `legMs` virtual ms for each hop and never shows a stage before
 * the model reached it. Pure: same requests, time and layout, same marks.
 */
import { jitter, slotGrid, type Layout } from './layout';
import type { Outcome } from './outcomes';
import type { SampledRequest } from './types';

export interface Mark {
  x: number;
  y: number;
  outcome: Outcome;
  alpha: number;
  /** An own query whose client already gave up: the database works for nobody. */
  hollow: boolean;
  /** Waiting in the cache for someone else's recomputation. */
  parked?: boolean;
}

/** How long a timed-out client's cross stays, in legs. */
const CROSS_LEGS = 3;

const lerp = (a: number, b: number, f: number) => a + (b - a) * Math.min(1, Math.max(0, f));
const fadeOut = (f: number) => (f < 0.7 ? 1 : Math.max(0, 1 - (f - 0.7) / 0.3));

interface DbPlaces {
  queueRank: Map<number, number>;
  queueCount: number;
  slotRank: Map<number, number>;
}

/** Ranks of the sampled requests queued and running in the database at `v`, oldest first. */
function dbPlaces(reqs: readonly SampledRequest[], v: number): DbPlaces {
  const queued: SampledRequest[] = [];
  const running: SampledRequest[] = [];
  for (const r of reqs) {
    if (r.dbQueuedAt === null || r.dbQueuedAt > v) continue;
    if (r.dbStartAt === null || r.dbStartAt > v) queued.push(r);
    else if (r.dbDoneAt === null || r.dbDoneAt > v) running.push(r);
  }
  queued.sort((a, b) => a.dbQueuedAt! - b.dbQueuedAt! || a.id - b.id);
  running.sort((a, b) => a.dbStartAt! - b.dbStartAt! || a.id - b.id);
  return {
    queueRank: new Map(queued.map((r, i) => [r.id, i])),
    queueCount: queued.length,
    slotRank: new Map(running.map((r, i) => [r.id, i])),
  };
}

/** Places every sampled request (and the crosses of clients that gave up) at virtual time v. */
export function placeRequests(
  reqs: readonly SampledRequest[],
  v: number,
  g: Layout,
  capacity: number,
  legMs: number,
): Mark[] {
  const places = dbPlaces(reqs, v);
  const grid = slotGrid(g.slots, capacity);
  const out: Mark[] = [];
  const clientX = g.clients.x1;
  const cacheX = g.cache.x0;

  const parkAt = (id: number) => ({
    x: lerp(g.park.x0 + 4, g.park.x1 - 4, jitter(id, 1)),
    y: lerp(g.park.y0 + 4, g.park.y1 - 4, jitter(id, 2)),
  });
  const dbTarget = (r: SampledRequest) => {
    const q = places.queueRank.get(r.id);
    if (q !== undefined) {
      const span = g.queue.x1 - g.queue.x0;
      const step = Math.min(9, span / Math.max(1, places.queueCount));
      return { x: g.queue.x0 + 4 + q * step, y: (g.queue.y0 + g.queue.y1) / 2 };
    }
    const s = places.slotRank.get(r.id) ?? 0;
    if (grid) {
      const i = s % Math.max(1, capacity);
      return {
        x: g.slots.x0 + (i % grid.cols) * grid.size + grid.size / 2,
        y: g.slots.y0 + Math.floor(i / grid.cols) * grid.size + grid.size / 2,
      };
    }
    return {
      x: lerp(g.slots.x0 + 4, g.slots.x1 - 4, jitter(r.id, 3)),
      y: lerp(g.slots.y0 + 4, g.slots.y1 - 4, jitter(r.id, 4)),
    };
  };
  const answer = (from: { x: number; y: number }, t0: number, legs: number, o: Outcome) => {
    const f = (v - t0) / (legMs * legs);
    if (f >= 1) return;
    out.push({
      x: lerp(from.x, clientX, f),
      y: lerp(from.y, g.laneResp, Math.min(1, f * 4)),
      outcome: o,
      alpha: fadeOut(f),
      hollow: false,
    });
  };

  for (const r of reqs) {
    const a = r.arriveAt;
    if (v < a) continue;
    const t1 = a + legMs;
    const gaveUp = r.timedOut && r.doneAt !== null;
    if (gaveUp) {
      const tx = Math.max(r.doneAt!, t1);
      const f = (v - tx) / (legMs * CROSS_LEGS);
      if (f >= 0 && f < 1)
        out.push({
          x: lerp(g.timeouts.x0, g.timeouts.x1, jitter(r.id, 5)),
          y: lerp(g.timeouts.y0, g.timeouts.y1, jitter(r.id, 6)),
          outcome: 'timeout',
          alpha: fadeOut(f),
          hollow: false,
        });
    }
    if (v < t1) {
      out.push({
        x: lerp(clientX, cacheX, (v - a) / legMs),
        y: g.laneReq,
        outcome: 'pending',
        alpha: 1,
        hollow: false,
      });
      continue;
    }
    const park = parkAt(r.id);
    const parked = (since: number): Mark => {
      const f = (v - since) / (legMs / 2);
      return {
        x: lerp(cacheX, park.x, f),
        y: lerp(g.laneReq, park.y, f),
        outcome: 'wait',
        alpha: 1,
        hollow: false,
        parked: true,
      };
    };
    if (r.dbQueuedAt !== null) {
      // An own query; a lock or lease waiter may have waited in the cache before issuing it.
      const tq = Math.max(t1, r.dbQueuedAt);
      if (v < tq) {
        out.push(parked(t1));
        continue;
      }
      // Along the request lane to the database, then into a slot or the queue.
      const target = dbTarget(r);
      const t2 = tq + legMs;
      const t3 = t2 + legMs / 3;
      const orphan = gaveUp && r.doneAt! <= v;
      if (v < t3) {
        const parkedFirst = tq > t1;
        let x: number;
        let y: number;
        if (v < t2) {
          const f = (v - tq) / legMs;
          x = lerp(parkedFirst ? park.x : cacheX, g.db.x0, f);
          y = parkedFirst ? lerp(park.y, g.laneReq, f * 3) : g.laneReq;
        } else {
          const f = (v - t2) / (legMs / 3);
          x = lerp(g.db.x0, target.x, f);
          y = lerp(g.laneReq, target.y, f);
        }
        out.push({ x, y, outcome: 'db', alpha: 1, hollow: orphan });
        continue;
      }
      const tDone = r.dbDoneAt === null ? Infinity : Math.max(t3, r.dbDoneAt);
      if (v < tDone) {
        out.push({ ...target, outcome: 'db', alpha: 1, hollow: orphan });
        continue;
      }
      // Its client gave up before the answer: the value only fills the cache.
      if (gaveUp && r.doneAt! <= r.dbDoneAt!) {
        const f = (v - tDone) / legMs;
        if (f < 1)
          out.push({
            x: lerp(g.db.x0, g.cache.x1, f),
            y: g.laneResp,
            outcome: 'db',
            alpha: fadeOut(f),
            hollow: true,
          });
        continue;
      }
      answer({ x: g.db.x0, y: g.laneResp }, tDone, 2, 'db');
      continue;
    }
    if (r.path === 'wait' || (r.doneAt !== null && r.doneAt > a)) {
      // Waited for someone else's recomputation (or a lease holder's, then got a stale value).
      const tw = r.doneAt === null ? Infinity : Math.max(t1 + legMs / 2, r.doneAt);
      if (v < tw) {
        out.push(parked(t1));
        continue;
      }
      if (!gaveUp) answer(park, tw, 1, r.path === 'stale' ? 'stale' : 'wait');
      continue;
    }
    answer({ x: cacheX, y: g.laneResp }, t1, 1, r.path === 'stale' ? 'stale' : 'hit');
  }
  return out;
}

/** Counts of the sampled requests by how they were (or are being) answered, for reduced motion. */
export function tally(reqs: readonly SampledRequest[], v: number, sinceMs: number) {
  const counts: Record<Exclude<Outcome, 'pending'>, number> = {
    hit: 0,
    stale: 0,
    db: 0,
    wait: 0,
    timeout: 0,
  };
  let waiting = 0;
  for (const r of reqs) {
    if (r.arriveAt > v) continue;
    if (r.doneAt === null || r.doneAt > v) {
      if (r.dbQueuedAt === null || r.dbQueuedAt > v) waiting++;
    }
    if (r.arriveAt < v - sinceMs) continue;
    if (r.timedOut && r.doneAt !== null && r.doneAt <= v) counts.timeout++;
    else if (r.path === 'db') counts.db++;
    else if (r.path === 'wait') counts.wait++;
    else if (r.path === 'stale') counts.stale++;
    else if (r.path === 'hit') counts.hit++;
  }
  return { counts, waiting };
}
