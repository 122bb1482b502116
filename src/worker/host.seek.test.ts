import { describe, expect, it, vi } from 'vitest';
import { Sim } from '../sim/core/sim';
import { Host } from './host';
import type { Frame } from './protocol';
import { fakeClock } from './testClock';

const stampede = { model: 'stampede', params: {}, seed: 2, inputs: [] };
const raft = { model: 'raft', params: { clientRateHz: 20 }, seed: 1, inputs: [] };

async function setup(scenario: unknown, tickPerReadMs = 0, seekChunkMs = 50) {
  const { clock, advance } = fakeClock(tickPerReadMs);
  const host = new Host(clock, { seekChunkMs });
  const frames: Frame[] = [];
  await host.subscribe((f) => frames.push(f));
  const r = await host.load(scenario);
  expect(r.ok).toBe(true);
  return { host, frames, advance, last: () => frames.at(-1)! };
}

describe('Host seeks', () => {
  it('seeks forward from the nearest checkpoint, not by replaying from the current time', async () => {
    const { host, last } = await setup(stampede);
    await host.seek(120_000);
    await host.seek(1_000);
    const restore = vi.spyOn(Sim.prototype, 'restore');
    const before = last().status.events;
    await host.seek(119_000);
    expect(last().t).toBe(119_000);
    expect(restore).toHaveBeenCalledTimes(1);
    // The events counter is restored with the checkpoint: it matches a straight run.
    const straight = await setup(stampede);
    await straight.host.seek(119_000);
    expect(last().status.events).toBe(straight.last().status.events);
    expect(last().metrics).toEqual(straight.last().metrics);
    expect(before).toBeLessThan(last().status.events);
    restore.mockRestore();
  });

  it('runs a far seek in chunks with progress, and the latest of several seeks wins', async () => {
    // Every clock reading costs 1 ms: a 10 ms chunk ends after a handful of readings.
    const { host, frames, advance, last } = await setup(stampede, 1, 10);
    let firstLanded = false;
    const first = host.seek(3_600_000).then(() => (firstLanded = true));
    // Still on its way: the frame says where it goes.
    expect(last().status.seeking).toEqual({ fromMs: 0, targetMs: 3_600_000 });
    const second = host.seek(600_000);
    advance(5);
    expect(firstLanded).toBe(false);
    for (let i = 0; i < 10_000 && last().status.seeking; i++) advance(1);
    await Promise.all([first, second]);
    expect(last().t).toBe(600_000);
    expect(last().status.seeking).toBeNull();
    expect(frames.some((f) => f.status.seeking?.targetMs === 600_000)).toBe(true);
    // Nothing went toward the superseded target once the new one came.
    expect(Math.max(...frames.map((f) => f.t))).toBeLessThan(700_000);
  });

  it('never computes more than its chunk budget at a time (the main-thread fallback)', async () => {
    // A clock that moves 1 ms each time it is read, so the budget is counted in clock reads, the
    // same on any machine (a timed test would measure the machine, not the code); timers run one
    // at a time, each call one slice of the page's thread.
    let clockMs = 0;
    const timers: (() => void)[] = [];
    const host = new Host(
      {
        now: () => ++clockMs,
        setTimeout: (fn) => timers.push(fn),
        clearTimeout: () => {},
      },
      { seekChunkMs: 8 },
    );
    await host.subscribe(() => {});
    await host.load(stampede);
    const slices: number[] = [];
    const timed = (fn: () => void) => {
      const t0 = clockMs;
      fn();
      slices.push(clockMs - t0);
    };
    let landed = false;
    timed(() => void host.seek(2 * 3_600_000).then(() => (landed = true)));
    for (let i = 0; i < 100_000 && timers.length; i++) {
      timed(timers.shift()!);
      await Promise.resolve();
    }
    expect(landed).toBe(true);
    expect(slices.length).toBeGreaterThan(5);
    // The chunk budget, plus the reads of the frame it sends when it yields.
    expect(Math.max(...slices)).toBeLessThanOrEqual(8 + 4);
  });

  it('stops a far seek on cancel, where it has got to, on a whole millisecond', async () => {
    const { host, advance, last } = await setup(stampede, 1, 10);
    let landed = false;
    void host.seek(3_600_000).then(() => (landed = true));
    advance(20);
    await host.cancelSeek();
    await Promise.resolve();
    expect(landed).toBe(true);
    expect(last().status.seeking).toBeNull();
    expect(last().t).toBeLessThan(3_600_000);
    expect(Number.isInteger(last().t)).toBe(true);
  });

  it('replays a far start (a link with t=) in chunks instead of blocking the load', async () => {
    const { clock, advance } = fakeClock(1);
    const host = new Host(clock, { seekChunkMs: 10 });
    const frames: Frame[] = [];
    await host.subscribe((f) => frames.push(f));
    const r = await host.load(stampede, 86_400_000);
    expect(r.ok).toBe(true);
    expect(frames.at(-1)!.status.seeking?.targetMs).toBe(86_400_000);
    expect(frames.at(-1)!.t).toBeLessThan(86_400_000);
    advance(5);
    await host.cancelSeek();
  });

  it('keeps checkpoints within their count and byte caps however long the run', async () => {
    const { clock } = fakeClock();
    const host = new Host(clock, { checkpointLimits: { maxCount: 20, maxBytes: 2e6 } });
    await host.subscribe(() => {});
    await host.load(raft);
    for (let t = 60_000; t <= 600_000; t += 60_000) {
      await host.seek(t);
      const m = host.memoryReport();
      expect(m.checkpoints).toBeLessThanOrEqual(20);
      expect(m.checkpointBytes).toBeLessThanOrEqual(2e6);
    }
    expect(host.memoryReport().checkpoints).toBeGreaterThan(2);
    // Seeking back still lands on the state of a straight run.
    await host.seek(123_456);
    const a: Frame[] = [];
    await host.subscribe((f) => a.push(f));
    await host.step();
    const straight = await setup(raft);
    await straight.host.seek(123_456);
    await straight.host.step();
    expect(a.at(-1)!.metrics).toEqual(straight.last().metrics);
    expect(a.at(-1)!.t).toBe(straight.last().t);
  });
});

describe('the durable event log', () => {
  it('lists every event up to the current time after scrubbing back, later ones kept', async () => {
    const { host, frames } = await setup(raft);
    // The page's log: every reset replaces it, other frames append (as the frame store does).
    let history: Frame['events'] = [];
    const feed = () => {
      for (const f of frames.splice(0))
        history = f.resetLog ? (f.history ?? []) : history.concat(f.events);
    };
    feed();
    await host.seek(20_000);
    feed();
    const all = history.length;
    expect(all).toBeGreaterThan(20);
    await host.seek(5_000);
    feed();
    // Nothing forgotten after scrubbing back: the log still holds the whole run.
    expect(history.length).toBe(all);
    const straight = await setup(raft);
    await straight.host.seek(5_000);
    const lines = straight.frames.flatMap((f) => f.events.map((e) => e.text));
    expect(history.filter((e) => e.t <= 5_000).map((e) => e.text)).toEqual(lines);
    // Replaying forward over known history adds no duplicate lines.
    await host.seek(20_000);
    feed();
    expect(history.length).toBe(all);
  });

  it('cuts the future of the log on a fork and says when older lines were dropped', async () => {
    const { host, frames } = await setup(raft);
    await host.seek(10_000);
    await host.seek(4_000);
    await host.fork();
    const f = frames.at(-1)!;
    expect(f.resetLog).toBe(true);
    expect(f.history!.every((e) => e.t <= 4_000)).toBe(true);
    expect(f.logDropped).toBe(0);
  });
});
