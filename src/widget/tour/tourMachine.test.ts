import { describe, expect, it } from 'vitest';
import type { StopWhen } from '../../worker/protocol';
import { Tour, type TourFrame } from './tourMachine';
import type { TourStep } from './steps';

const step = (event: string, extra: Partial<TourStep> = {}): TourStep => ({
  until: { kind: 'event', event, nth: 1 },
  caption: event,
  text: event,
  highlight: [],
  ...extra,
});

function setup() {
  const calls: string[] = [];
  let id = 0;
  const tour = new Tour(
    [step('election'), step('leader', { do: { action: 'crash', args: {} } })],
    {
      load: (p) => calls.push(`load@${p.t}`),
      apply: (s) => {
        if (s.do) calls.push(`apply ${s.do.action}`);
        return Promise.resolve(null);
      },
      playUntil: (w: StopWhen) => {
        calls.push(`until ${w.kind === 'event' ? w.event : ''}`);
        return ++id;
      },
      pause: () => calls.push('pause'),
      scenario: () => ({ model: 'raft', params: {}, seed: 1, inputs: [] }),
    },
    () => ({ model: 'raft' }),
  );
  const frame = (t: number, status: Partial<TourFrame['status']> = {}, resetLog = false) =>
    tour.frame({ t, resetLog, status: { playing: false, seeking: null, ...status } });
  const settle = () => new Promise((r) => setTimeout(r, 0));
  return { tour, calls, frame, settle, id: () => id };
}

describe('Tour', () => {
  it('loads, plays to each stop, waits for Continue, and finishes', async () => {
    const { tour, calls, frame, settle, id } = setup();
    tour.start();
    expect(tour.getSnapshot().state).toBe('loading');
    frame(0); // a frame from before the load: ignored
    expect(tour.getSnapshot().state).toBe('loading');
    frame(0, {}, true);
    await settle();
    expect(calls).toEqual(['load@0', 'until election']);
    frame(50, { playing: true, armed: id() });
    frame(180, { arrived: { id: id(), found: true } });
    expect(tour.getSnapshot()).toMatchObject({ state: 'stopped', index: 0, stopMs: 180 });
    tour.continue();
    // While step 2's action applies, frames still carry step 1's arrival: not a stop.
    frame(180, { arrived: { id: id(), found: true } });
    expect(tour.getSnapshot().state).toBe('playing');
    await settle();
    expect(calls.slice(2)).toEqual(['apply crash', 'until leader']);
    frame(300, { arrived: { id: id(), found: true } });
    expect(tour.getSnapshot()).toMatchObject({ state: 'stopped', index: 1, stopMs: 300 });
    tour.continue();
    expect(tour.getSnapshot().state).toBe('finished');
  });

  it('goes away when the learner pauses mid-step, and comes back to the step it was at', async () => {
    const { tour, calls, frame, settle, id } = setup();
    tour.start();
    frame(0, {}, true);
    await settle();
    frame(10, { playing: true, armed: id() });
    frame(20, { playing: false }); // the learner paused: the stop was cancelled
    expect(tour.getSnapshot().state).toBe('away');
    tour.back();
    expect(calls.at(-1)).toBe('load@0');
    frame(0, {}, true);
    await settle();
    frame(180, { arrived: { id: id(), found: true } });
    frame(180);
    expect(tour.getSnapshot().state).toBe('stopped');
    // Pressing play (or a prediction playing the widget) at a stop leaves the tour too.
    frame(190, { playing: true });
    expect(tour.getSnapshot().state).toBe('away');
    tour.back();
    expect(calls.at(-1)).toBe('load@180');
    frame(180, {}, true);
    tour.leave();
    tour.back();
    expect(calls.at(-1)).toBe('load@180');
    frame(180, {}, true);
    expect(tour.getSnapshot()).toMatchObject({ state: 'stopped', index: 0, stopMs: 180 });
  });
});
