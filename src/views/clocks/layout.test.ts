import { describe, expect, it } from 'vitest';
import {
  eventXs,
  labelRows,
  lanes,
  messageLines,
  MIN_SEP_PX,
  neighbour,
  windowStartMs,
  xOf,
} from './layout';
import type { ClockEvent } from './types';

const ev = (
  id: number,
  process: number,
  t: number,
  extra: Partial<ClockEvent> = {},
): ClockEvent => ({
  id,
  process,
  seq: 1,
  kind: 'local',
  t,
  pt: t,
  lamport: 1,
  vector: [0, 0, 0],
  hlc: { l: t, c: 0 },
  skewMs: 0,
  ...extra,
});

describe('clocks lane layout', () => {
  it('keeps time 0 at the left until the window fills, then scrolls', () => {
    const l = lanes(3, 800, 300);
    expect(windowStartMs(l, 1000)).toBe(0);
    expect(windowStartMs(l, l.windowMs + 500)).toBe(500);
    expect(l.laneY(1) - l.laneY(0)).toBe(l.laneGap);
  });
  it('moves the cursor along a lane and to the nearest event of the next lane', () => {
    const evs = [ev(0, 0, 100), ev(1, 1, 150), ev(2, 0, 400), ev(3, 2, 390), ev(4, 1, 900)];
    expect(neighbour(evs, evs[0]!, 'ArrowRight', 3)?.id).toBe(2);
    expect(neighbour(evs, evs[0]!, 'ArrowLeft', 3)).toBeUndefined();
    expect(neighbour(evs, evs[2]!, 'ArrowDown', 3)?.id).toBe(1);
    expect(neighbour(evs, evs[3]!, 'ArrowUp', 3)?.id).toBe(4 - 3);
  });
  it('spreads events of one instant apart and staggers stamps that would collide', () => {
    const evs = [ev(0, 0, 0), ev(1, 0, 0), ev(2, 1, 0), ev(3, 0, 5000)];
    const xs = eventXs(evs);
    expect(xs.get(1)! - xs.get(0)!).toBe(MIN_SEP_PX);
    expect(xs.get(2)).toBe(xOf(0));
    expect(xs.get(3)).toBe(xOf(5000));
    const rows = labelRows(evs, xs, 46);
    expect([0, 1, 2, 3].map((id) => rows.get(id))).toEqual([0, 1, 0, 0]);
  });
  it('draws a message only when its send is in sight', () => {
    const evs = [
      ev(0, 0, 0, { kind: 'send' }),
      ev(1, 1, 5, { kind: 'receive', sendId: 0 }),
      ev(2, 1, 9, { kind: 'receive', sendId: -5 }),
    ];
    expect(messageLines(evs).map(([s, r]) => [s.id, r.id])).toEqual([[0, 1]]);
  });
});
