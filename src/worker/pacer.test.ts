import { describe, expect, it } from 'vitest';
import { Host } from './host';
import { fakeClock } from './testClock';
import type { Frame } from './protocol';

const raft = { model: 'raft', params: {}, seed: 1, inputs: [] };

/** Plays Raft at 0.25x for `wallMs`, recording the real time each message was on screen. */
async function onScreen(slowMotionMs: number, wallMs: number) {
  const { clock, advance } = fakeClock();
  const host = new Host(clock);
  const frames: Frame[] = [];
  let wall = 0;
  const seen = new Map<number, { first: number; last: number }>();
  await host.subscribe((f) => {
    frames.push(f);
    for (const m of f.inFlight) {
      const s = seen.get(m.id);
      if (s) s.last = wall;
      else seen.set(m.id, { first: wall, last: wall });
    }
  });
  await host.load(raft);
  await host.setSpeed(0.25);
  await host.setSlowMotion(slowMotionMs);
  await host.play();
  for (; wall < wallMs; wall += 33) advance(33);
  // Messages still in the air at the end are not whole: leave them out.
  const inAir = new Set(frames.at(-1)!.inFlight.map((m) => m.id));
  const times = [...seen].filter(([id]) => !inAir.has(id)).map(([, s]) => s.last - s.first);
  return { times, last: frames.at(-1)!, frames };
}

describe('slow motion while messages fly', () => {
  it('keeps each Raft message on screen for half a second at the lesson speed', async () => {
    const { times, last } = await onScreen(600, 20_000);
    expect(times.length).toBeGreaterThan(10);
    expect(Math.min(...times)).toBeGreaterThanOrEqual(500);
    // Between messages the run goes on at the chosen speed: a leader and heartbeats by now.
    expect(last.metrics.leader).toBeGreaterThanOrEqual(0);
    const without = await onScreen(0, 2000);
    expect(Math.max(...without.times)).toBeLessThan(100);
  });

  it('changes nothing about the run: the same state at the same virtual time', async () => {
    const slow = await onScreen(600, 6000);
    const t = slow.last.t;
    const { clock } = fakeClock();
    const host = new Host(clock);
    const frames: Frame[] = [];
    await host.subscribe((f) => frames.push(f));
    await host.load(raft);
    await host.seek(t);
    expect(frames.at(-1)!.view).toEqual(slow.last.view);
  });
});
