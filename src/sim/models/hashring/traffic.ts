/**
 * Request traffic: every 100 virtual ms, requestRate / 10 requests pick keys by Zipf popularity
 * and go to the keys' owners. Per-node counts live in a ring buffer of the last ten ticks, so
 * requests per second is an exact sliding one-second window. A few requests per tick are kept,
 * with their times, for the view to animate.
 */
import type { Rng } from '../../core/rng';
import { zipfRank } from './zipf';
import { MAX_NODES } from './params';

export const TICK_MS = 100;
const WINDOW_TICKS = 10;
const SAMPLED_PER_TICK = 12;
/** How long a sampled request stays in `recent` (the view fades it out over this time). */
export const RECENT_MS = 400;

/** One request the view animates: key index, its hash, the node serving it, its replicas. */
export interface SampledRequest {
  key: number;
  hash: number;
  /** The primary owner that served it. */
  node: number;
  /** The key's preference list (the primary first). */
  preference: number[];
  /** Virtual ms at which it arrives (spread over the 100 ms after its tick). */
  at: number;
}

export interface Traffic {
  /** Requests owed, in tenths: the rate is per second and a tick is a tenth of one. */
  carry: number;
  /** Next slot of the window to fill. */
  slot: number;
  /** Slots filled so far (fewer than ten during the first second). */
  filled: number;
  /** WINDOW_TICKS x MAX_NODES request counts, slot-major. */
  window: Uint32Array;
  recent: SampledRequest[];
  /** Requests routed since the start. */
  served: number;
}

export const newTraffic = (): Traffic => ({
  carry: 0,
  slot: 0,
  filled: 0,
  window: new Uint32Array(WINDOW_TICKS * MAX_NODES),
  recent: [],
  served: 0,
});

/** A copy safe to mutate (checkpoints share everything else, which is immutable). */
export const cloneTraffic = (t: Traffic): Traffic => ({
  ...t,
  window: t.window.slice(),
  recent: t.recent.map((r) => ({ ...r, preference: [...r.preference] })),
});

export interface TickInput {
  now: number;
  ratePerSec: number;
  cdf: Float64Array;
  owners: Uint16Array;
  keyHashes: Uint32Array;
  rng: Rng;
  preferenceOf(keyHash: number, owner: number): number[];
}

/** Routes one tick's requests and advances the window. */
export function tick(t: Traffic, input: TickInput): void {
  const { now, cdf, owners, keyHashes, rng } = input;
  t.carry += input.ratePerSec;
  let count = Math.floor(t.carry / WINDOW_TICKS);
  t.carry -= count * WINDOW_TICKS;
  if (owners.length === 0 || cdf.length !== owners.length) count = 0;
  const base = t.slot * MAX_NODES;
  t.window.fill(0, base, base + MAX_NODES);
  t.recent = t.recent.filter((r) => r.at > now - RECENT_MS);
  // Sample evenly through the tick so the animation is spread over its 100 ms.
  const stride = Math.max(1, Math.ceil(count / SAMPLED_PER_TICK));
  for (let i = 0; i < count; i++) {
    const key = zipfRank(cdf, rng.float());
    const node = owners[key]!;
    t.window[base + node]!++;
    if (i % stride === 0) {
      const hash = keyHashes[key]!;
      const at = now + Math.floor((i * TICK_MS) / count);
      t.recent.push({ key, hash, node, preference: input.preferenceOf(hash, node), at });
    }
  }
  t.served += count;
  t.slot = (t.slot + 1) % WINDOW_TICKS;
  t.filled = Math.min(WINDOW_TICKS, t.filled + 1);
}

/** Requests per second for every node id over the last second (or since the start). */
export function ratesById(t: Traffic): Float64Array {
  const out = new Float64Array(MAX_NODES);
  if (t.filled === 0) return out;
  for (let s = 0; s < WINDOW_TICKS; s++)
    for (let id = 0; id < MAX_NODES; id++) out[id]! += t.window[s * MAX_NODES + id]!;
  const scale = 1000 / (t.filled * TICK_MS);
  for (let id = 0; id < MAX_NODES; id++) out[id]! *= scale;
  return out;
}
