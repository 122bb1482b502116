/**
 * Slow motion while messages fly: a playback concern (the simulation is unchanged). At a model's
 * lesson speed a Raft message crosses the ring in 2 to 5 virtual ms, 8 to 20 ms of real time at
 * 0.25x: too fast to follow. While a message is in the air and has been on screen less than
 * `onScreenMs` of real time, virtual time runs just slowly enough for it to last that long; once
 * every message in the air has had its time, and between messages, play is at the chosen speed.
 * At the chosen speed, play stops at the next event and looks again, so a message sent there is
 * slowed from its first millisecond.
 */

export interface PaceInput {
  /** Virtual time now, and the fraction of a virtual ms already played past it (drawing only). */
  nowMs: number;
  aheadMs: number;
  /** Real ms to play in this tick. */
  wallMs: number;
  speed: number;
  /** Play no further than this (a guided step's stop once known); read after every advance. */
  capMs(): number;
  /**
   * The fastest speed that keeps every message in the air on screen long enough, `wallMs` into
   * the tick at virtual time `atMs`; undefined when nothing is in the air.
   */
  flightSpeed(atMs: number, wallMs: number): number | undefined;
  nextAt(): number | undefined;
  /** Runs the simulation to a whole virtual ms (after `nowMs`); returns the time reached. */
  advanceTo(t: number): number;
}

export interface PaceResult {
  aheadMs: number;
  /** The speed the end of this tick played at (virtual ms per real ms). */
  speed: number;
}

/** Plays `wallMs` of real time in slow motion where messages fly. */
export function playPaced(i: PaceInput): PaceResult {
  let used = 0;
  let now = i.nowMs;
  let ahead = i.aheadMs;
  let speed = i.speed;
  // Each round either ends the tick or reaches an event; a busy instant cannot loop forever.
  for (let round = 0; round < 64 && i.wallMs - used > 1e-9; round++) {
    const cap = i.capMs();
    if (now >= cap) return { aheadMs: 0, speed };
    const flight = i.flightSpeed(now + ahead, used);
    speed = flight === undefined ? i.speed : Math.min(i.speed, flight);
    const wall = i.wallMs - used;
    const reach = Math.min(cap, now + ahead + wall * speed);
    // At the chosen speed (nothing in the air, or every message there has had its time), stop
    // at the next event and look again: it may send a message, slowed from its first ms.
    const next = speed >= i.speed ? i.nextAt() : undefined;
    if (next !== undefined && Math.ceil(next) <= reach) {
      const to = Math.max(now + 1, Math.ceil(next));
      used += Math.max(0, to - now - ahead) / speed;
      now = i.advanceTo(to);
      ahead = 0;
      continue;
    }
    const whole = Math.floor(reach);
    if (whole > now) now = i.advanceTo(whole);
    // Behind (out of budget) or at the cap: draw no further ahead than the next whole ms.
    ahead = Math.min(0.999, Math.max(0, reach - now));
    used = i.wallMs;
  }
  return { aheadMs: ahead, speed };
}

/**
 * When each message was first on screen (real ms), and the speed that gives every one in the
 * air its `onScreenMs`: a message with `left` real ms still owed and `remaining` virtual ms to
 * go allows at most remaining / left.
 */
export class FlightClock {
  private firstSeen = new Map<number, number>();

  clear(): void {
    this.firstSeen.clear();
  }

  speed(
    forEachFlight: (fn: (id: number, deliverAt: number) => void) => void,
    atMs: number,
    wallNowMs: number,
    onScreenMs: number,
  ): number | undefined {
    let speed: number | undefined;
    const live = new Set<number>();
    forEachFlight((id, deliverAt) => {
      live.add(id);
      let first = this.firstSeen.get(id);
      if (first === undefined) this.firstSeen.set(id, (first = wallNowMs));
      const left = onScreenMs - (wallNowMs - first);
      if (left <= 0) return;
      const s = Math.max(deliverAt - atMs, 0.001) / left;
      speed = speed === undefined ? s : Math.min(speed, s);
    });
    for (const id of this.firstSeen.keys()) if (!live.has(id)) this.firstSeen.delete(id);
    // In the air but every message has had its time: no limit, yet still "in flight" (no skip).
    return live.size ? (speed ?? Infinity) : undefined;
  }
}
