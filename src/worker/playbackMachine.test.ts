import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClientOptions, SimClient } from './client';
import { Playback, RESTART_DELAY_MS, type PlaybackInput } from './playbackMachine';
import type { LoadResult } from './protocol';

const scenario = { model: 'raft', params: {}, seed: 1, inputs: [] };

/** A host that records the calls it gets; `loads` decides each load's answer. */
function fakeHost(loads: LoadResult[] = []) {
  const calls: string[] = [];
  const crashes: Array<(m: string) => void> = [];
  let boots = 0;
  const boot = async (o: ClientOptions): Promise<SimClient> => {
    const n = ++boots;
    crashes.push(o.onCrash);
    const call =
      (name: string) =>
      async (...args: unknown[]) => {
        calls.push(
          `${n}:${name}${args.length ? `(${args.map((a) => JSON.stringify(a)).join(',')})` : ''}`,
        );
      };
    return {
      kind: 'main-thread',
      dispose: () => void calls.push(`${n}:dispose`),
      api: {
        play: call('play'),
        pause: call('pause'),
        step: call('step'),
        seek: call('seek'),
        setSpeed: call('setSpeed'),
        playUntil: call('playUntil'),
        load: async (s: unknown, at?: number) => {
          calls.push(`${n}:load(${at})`);
          return loads.shift() ?? { ok: true, scenario: s as typeof scenario };
        },
      } as unknown as SimClient['api'],
    };
  };
  return { calls, crash: (m: string) => crashes.at(-1)!(m), boot, boots: () => boots };
}

function start(host: ReturnType<typeof fakeHost>, over: Partial<PlaybackInput> = {}) {
  const p = new Playback({
    scenario,
    atMs: 0,
    autoplay: false,
    onFrame: () => {},
    boot: host.boot,
    ...over,
  });
  p.start();
  return p;
}
const settle = () => vi.advanceTimersByTimeAsync(0);

describe('Playback', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('boots, loads at the start time and speed, and waits paused', async () => {
    const host = fakeHost();
    const p = start(host, { atMs: 500, speed: 4 });
    expect(p.getSnapshot().matches('booting')).toBe(true);
    await settle();
    expect(p.getSnapshot().matches({ ready: 'paused' })).toBe(true);
    expect(p.getSnapshot().context.scenario).toEqual(scenario);
    expect(host.calls).toEqual(['1:setSpeed(4)', '1:load(500)']);
  });

  it('plays and pauses the host on PLAY, TOGGLE, PAUSE and STEP; ignores PLAY while playing', async () => {
    const host = fakeHost();
    const p = start(host, { autoplay: true });
    await settle();
    expect(p.getSnapshot().matches({ ready: 'playing' })).toBe(true);
    const before = p.getSnapshot();
    p.send({ type: 'PLAY' });
    expect(p.getSnapshot()).toBe(before);
    p.send({ type: 'TOGGLE' });
    p.send({ type: 'STEP' });
    p.send({ type: 'PLAY' });
    p.send({ type: 'STEP' });
    expect(p.getSnapshot().matches({ ready: 'paused' })).toBe(true);
    expect(host.calls.slice(2)).toEqual([
      '1:play',
      '1:pause',
      '1:step',
      '1:play',
      '1:pause',
      '1:step',
    ]);
  });

  it('reloads on LOAD (paused), shows errors while invalid, and accepts a good LOAD after', async () => {
    const bad = { ok: false as const, errors: [{ path: 'params.nodes', message: 'too many' }] };
    const host = fakeHost([{ ok: true, scenario }, bad]);
    const p = start(host, { autoplay: true });
    await settle();
    p.send({ type: 'LOAD', scenario: { ...scenario, seed: 2 }, atMs: 30 });
    expect(p.getSnapshot().matches('loading')).toBe(true);
    await settle();
    expect(p.getSnapshot().matches('invalid')).toBe(true);
    expect(p.getSnapshot().context.errors).toEqual(bad.errors);
    p.send({ type: 'LOAD', scenario });
    await settle();
    expect(p.getSnapshot().matches({ ready: 'paused' })).toBe(true);
    expect(p.getSnapshot().context.errors).toEqual([]);
    expect(host.calls.filter((c) => /load|pause/.test(c))).toEqual([
      '1:load(0)',
      '1:pause',
      '1:pause',
      '1:load(30)',
      '1:load(0)',
    ]);
  });

  it('after a crash boots a new host at the same time and inputs, up to three times in a row', async () => {
    const host = fakeHost();
    const p = start(host);
    await settle();
    const inputs = [{ at: 10, action: 'crash', target: 'S1' }];
    p.send({ type: 'INPUTS', inputs });
    p.send({ type: 'TIME', t: 250 });
    for (let n = 1; n <= 4; n++) {
      host.crash('worker died');
      expect(p.getSnapshot().matches('crashed')).toBe(true);
      expect(p.getSnapshot().context).toMatchObject({ crash: 'worker died', crashes: n });
      await vi.advanceTimersByTimeAsync(RESTART_DELAY_MS);
      if (n <= 3) {
        expect(p.getSnapshot().matches({ ready: 'paused' })).toBe(true);
        expect(p.getSnapshot().context.crash).toBe(null);
        expect(host.calls.at(-1)).toBe(`${n + 1}:load(250)`);
      }
    }
    expect(p.getSnapshot().matches('crashed')).toBe(true);
    expect(host.boots()).toBe(4);
    expect(host.calls.filter((c) => c.endsWith('dispose'))).toEqual([
      '1:dispose',
      '2:dispose',
      '3:dispose',
      '4:dispose',
    ]);
  });

  it('keeps the time each frame brings without a new snapshot (the widget would re-render per frame)', async () => {
    const host = fakeHost();
    const p = start(host);
    await settle();
    p.send({ type: 'PLAY' });
    const before = p.getSnapshot();
    let notified = 0;
    p.subscribe(() => notified++);
    for (let t = 10; t <= 300; t += 10) p.send({ type: 'TIME', t });
    expect(notified).toBe(0);
    expect(p.getSnapshot()).toBe(before);
    // The time is kept: a crash restarts the host where the learner was.
    host.crash('worker died');
    await vi.advanceTimersByTimeAsync(RESTART_DELAY_MS);
    expect(host.calls).toContain('2:load(300)');
  });

  it('ignores events a state does not list, and after stop disposes a host that arrives late', async () => {
    const host = fakeHost();
    const p = start(host);
    const seen: string[] = [];
    p.subscribe(() => seen.push(JSON.stringify(p.getSnapshot().value)));
    p.send({ type: 'PAUSE' });
    p.stop();
    await settle();
    expect(p.getSnapshot().matches('booting')).toBe(true);
    expect(seen).toEqual([]);
    expect(host.calls).toEqual(['1:dispose']);
  });

  it('plays until a guided step asked for while loading once ready; ARRIVED pauses without a call', async () => {
    const host = fakeHost();
    const p = start(host);
    await settle();
    p.send({ type: 'LOAD', scenario, atMs: 0 });
    expect(p.getSnapshot().matches('loading')).toBe(true);
    // The load's first frame reaches the tour before the load answers: the request waits.
    const stop = { id: 3, when: { kind: 'time' as const, atMs: 100 } };
    p.send({ type: 'PLAY_UNTIL', stop });
    await settle();
    expect(p.getSnapshot().matches({ ready: 'playing' })).toBe(true);
    expect(host.calls.slice(-1)).toEqual([`1:playUntil(${JSON.stringify(stop)})`]);
    const n = host.calls.length;
    p.send({ type: 'ARRIVED' });
    expect(p.getSnapshot().matches({ ready: 'paused' })).toBe(true);
    expect(host.calls.length).toBe(n);
  });
});
