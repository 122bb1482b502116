import { describe, expect, it } from 'vitest';
import { Host } from './host';
import { fakeClock } from './testClock';
import type { Frame, PlayStop, Speed } from './protocol';

const raft = { model: 'raft', params: {}, seed: 1, inputs: [] };

/** Plays a Raft run to `stop` at `speed`, with the wall clock moving `wallStepMs` at a time. */
async function stopOf(
  stop: PlayStop['when'],
  speed: Speed,
  wallStepMs: number,
  tickPerReadMs = 0,
  slowMotionMs = 0,
) {
  const { clock, advance } = fakeClock(tickPerReadMs);
  const host = new Host(clock);
  const frames: Frame[] = [];
  await host.subscribe((f) => frames.push(f));
  const r = await host.load(raft);
  expect(r.ok).toBe(true);
  await host.setSpeed(speed);
  await host.setSlowMotion(slowMotionMs);
  await host.playUntil({ id: 7, when: stop });
  for (let i = 0; i < 20_000 && !frames.at(-1)?.status.arrived; i++) advance(wallStepMs);
  const last = frames.at(-1)!;
  return { last, frames, host, advance };
}

describe('Host.playUntil (guided steps)', () => {
  it('stops at the same millisecond whatever the speed and the wall clock did', async () => {
    const when = { kind: 'event', event: 'leader', nth: 1 } as const;
    const a = await stopOf(when, 0.25, 33);
    const b = await stopOf(when, 'max', 7);
    const c = await stopOf(when, 3, 50, 3);
    // Slow motion while messages fly (lessons) changes how long it takes, not where it stops.
    const d = await stopOf(when, 0.25, 33, 0, 600);
    expect(d.last.t).toBe(a.last.t);
    expect(d.last.view).toEqual(a.last.view);
    expect(a.last.status.arrived).toEqual({ id: 7, found: true });
    expect(a.last.status.playing).toBe(false);
    expect(b.last.t).toBe(a.last.t);
    expect(c.last.t).toBe(a.last.t);
    expect(b.last.view).toEqual(a.last.view);
    // The stop is the leader's election: its line is the last one at or before the stop.
    const leaderLines = a.frames.flatMap((f) => f.events).filter((e) => e.kind === 'leader');
    expect(Math.ceil(leaderLines[0]!.t)).toBe(a.last.t);
  });

  it('counts the nth event after the step starts', async () => {
    const first = await stopOf({ kind: 'event', event: 'vote', nth: 1 }, 'max', 10);
    const second = await stopOf({ kind: 'event', event: 'vote', nth: 2 }, 'max', 10);
    expect(second.last.t).toBeGreaterThanOrEqual(first.last.t);
    expect(second.last.status.arrived?.found).toBe(true);
  });

  it('stops at a time, and at the first metric sample meeting a condition', async () => {
    const t = await stopOf({ kind: 'time', atMs: 1234 }, 1, 33);
    expect(t.last.t).toBe(1234);
    const m = await stopOf({ kind: 'metric', metric: 'term', op: '>=', value: 1 }, 'max', 10);
    expect(m.last.metrics.term).toBeGreaterThanOrEqual(1);
    expect(m.last.t % 100).toBe(0);
  });

  it('gives up past the limit and says it did not find the event', async () => {
    const r = await stopOf({ kind: 'event', event: 'no-such-kind', nth: 1 }, 'max', 10);
    expect(r.last.status.arrived).toEqual({ id: 7, found: false });
    expect(r.last.t).toBe(120_000);
  });

  it('a pause cancels the stop: playing on runs past it', async () => {
    const { clock, advance } = fakeClock();
    const host = new Host(clock);
    const frames: Frame[] = [];
    await host.subscribe((f) => frames.push(f));
    await host.load(raft);
    await host.playUntil({ id: 1, when: { kind: 'time', atMs: 500 } });
    expect(frames.at(-1)!.status.armed).toBe(1);
    advance(100);
    await host.pause();
    expect(frames.at(-1)!.status.armed).toBeUndefined();
    await host.play();
    advance(700);
    expect(frames.at(-1)!.t).toBeGreaterThan(500);
    expect(frames.some((f) => f.status.arrived)).toBe(false);
  });
});
