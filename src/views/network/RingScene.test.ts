import { describe, expect, it } from 'vitest';
import { ringSplit } from './RingScene';

describe('ring split', () => {
  it('puts the diagram beside the ring when wide, under it when narrow', () => {
    const wide = ringSplit(1000, 480, 140, 220);
    expect(wide.wide).toBe(true);
    expect(wide.ring).toEqual({ w: 550, h: 480 });
    expect(wide.time).toEqual({ left: 550, top: 0, width: 450, height: 480 });

    const narrow = ringSplit(400, 600, 140, 220);
    expect(narrow.wide).toBe(false);
    // 36% of 600 is 216, within [140, 220].
    expect(narrow.time).toEqual({ left: 0, top: 384, width: 400, height: 216 });
    expect(narrow.ring).toEqual({ w: 400, h: 384 });
    // Clamped to the bounds, and never narrower than 260 px.
    expect(ringSplit(400, 300, 140, 220).time.height).toBe(140);
    expect(ringSplit(400, 900, 120, 200).time.height).toBe(200);
    expect(ringSplit(100, 500, 140, 220).width).toBe(260);
  });
});
