import { describe, expect, it } from 'vitest';
import { Host, type HostClock } from './host';
import { fakeClock } from './testClock';
import type { Frame } from './protocol';

const scenario = {
  model: 'hashring',
  params: { nodes: 4, vnodes: 8, keys: 2000 },
  seed: 5,
  inputs: [],
};

async function hostWithFrames() {
  const { clock, advance } = fakeClock();
  const host = new Host(clock);
  const frames: Frame[] = [];
  await host.subscribe((f) => frames.push(f));
  return { host, frames, advance, last: () => frames[frames.length - 1]! };
}

describe('Host', () => {
  it('reports validation errors naming the field and limit', async () => {
    const { host } = await hostWithFrames();
    const r = await host.load({ ...scenario, params: { nodes: 500 } });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors[0]).toEqual({
      path: 'params.nodes',
      message: '500 is above the maximum 64',
    });
  });

  it('plays against the wall clock at the chosen speed', async () => {
    const { host, advance, last } = await hostWithFrames();
    await host.load(scenario);
    await host.setSpeed(2);
    await host.play();
    advance(1000);
    expect(last().t).toBeGreaterThan(1800);
    expect(last().t).toBeLessThanOrEqual(2050);
    await host.pause();
    const t = last().t;
    advance(1000);
    expect(last().t).toBe(t);
  });

  it('seeks back and forward to exactly the state of a straight run', async () => {
    const a = await hostWithFrames();
    await a.host.load(scenario);
    await a.host.input({ action: 'addNode' });
    await a.host.seek(5300);
    const straight = a.last();
    const b = await hostWithFrames();
    await b.host.load(scenario);
    await b.host.input({ action: 'addNode' });
    await b.host.seek(7900);
    await b.host.seek(1200);
    await b.host.seek(5300);
    expect(b.last().metrics).toEqual(straight.metrics);
    expect(b.last().view).toEqual(straight.view);
    expect(b.last().t).toBe(5300);
  });

  it('keeps inputs made at t = 0 across a reload (crash recovery replays the scenario)', async () => {
    const { host, last } = await hostWithFrames();
    await host.load(scenario);
    const r = await host.input({ action: 'addNode' });
    expect(r.ok).toBe(true);
    expect((last().view as { nodes: unknown[] }).nodes).toHaveLength(5);
    const again = await hostWithFrames();
    await again.host.load({ ...scenario, inputs: r.inputs }, 0);
    expect((again.last().view as { nodes: unknown[] }).nodes).toHaveLength(5);
    await again.host.seek(0);
    expect((again.last().view as { nodes: unknown[] }).nodes).toHaveLength(5);
  });

  it('forks: acting in the past drops later inputs; acting at the live edge keeps scripted ones', async () => {
    const { host, last } = await hostWithFrames();
    await host.load({ ...scenario, inputs: [{ at: 3000, action: 'addNode' }] });
    const live = await host.input({ action: 'addNode' });
    expect(live.inputs.map((i) => i.at)).toEqual([0, 3000]);
    await host.seek(4000);
    expect((last().view as { nodes: unknown[] }).nodes).toHaveLength(6);
    await host.seek(1000);
    const forked = await host.input({ action: 'removeNode', node: 0 });
    expect(forked.inputs.map((i) => [i.at, i.action])).toEqual([
      [0, 'addNode'],
      [1000, 'removeNode'],
    ]);
    await host.seek(4000);
    expect((last().view as { nodes: unknown[] }).nodes).toHaveLength(4);
  });

  it('rejects a bad live input with the field and limit', async () => {
    const { host } = await hostWithFrames();
    await host.load(scenario);
    const r = await host.input({ action: 'setVnodes', vnodes: 5000 });
    expect(r.ok).toBe(false);
    expect(r.errors?.[0]).toEqual({
      path: 'input.vnodes',
      message: '5000 is above the maximum 1000',
    });
  });

  it('stops on whole milliseconds when the tick budget runs out between fractional events', async () => {
    const { clock, advance } = fakeClock();
    // Every read of the clock costs 3 ms, so each tick runs out of budget mid-chunk.
    let spent = 0;
    const busy: HostClock = { ...clock, now: () => clock.now() + (spent += 3) };
    const host = new Host(busy);
    const frames: Frame[] = [];
    await host.subscribe((f) => frames.push(f));
    // Arrivals microseconds apart: event times are fractional milliseconds.
    const r = await host.load({
      model: 'stampede',
      params: { rate: 20_000, keys: 1000, dbConcurrency: 100 },
      seed: 3,
      inputs: [],
    });
    expect(r.ok).toBe(true);
    await host.setSpeed(10);
    await host.play();
    advance(300);
    await host.pause();
    await host.step();
    const times = frames.map((f) => f.t);
    expect(times.at(-1)).toBeGreaterThan(0);
    expect(times.filter((t) => !Number.isInteger(t))).toEqual([]);
  });

  it('once disposed, stops playing, keeps no run and drops a load still in flight', async () => {
    const { host, frames, advance } = await hostWithFrames();
    await host.load(scenario);
    await host.play();
    advance(200);
    const pending = host.load({ ...scenario, seed: 9 });
    host.dispose();
    expect(await pending).toEqual({
      ok: false,
      errors: [{ path: 'model', message: 'superseded by a newer load' }],
    });
    const seen = frames.length;
    advance(1000);
    await host.play();
    await host.step();
    expect(frames).toHaveLength(seen);
    expect(await host.fork()).toEqual([]);
  });

  it('sends heavy fields only when their version changes', async () => {
    const { host, frames } = await hostWithFrames();
    await host.load(scenario);
    await host.step();
    await host.step();
    const withHeavy = frames.filter((f) => Object.keys(f.heavy).length > 0);
    expect(withHeavy).toHaveLength(1);
    await host.input({ action: 'addNode' });
    expect(Object.keys(frames[frames.length - 1]!.heavy).length).toBeGreaterThan(0);
  });
});
