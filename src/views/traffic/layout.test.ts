import { describe, expect, it } from 'vitest';
import { queueScale, stageLayout, tryPosition } from './layout';

describe('traffic stage layout', () => {
  it('keeps every row and client inside the stage, rows in order', () => {
    for (const n of [1, 4, 16]) {
      const l = stageLayout(640, 300, 8, n);
      const ys = l.rows.map((r) => r.at.y);
      expect(ys).toEqual([...ys].sort((a, b) => a - b));
      for (const r of l.rows) {
        expect(r.at.y - r.h / 2).toBeGreaterThanOrEqual(0);
        expect(r.at.y + r.h / 2).toBeLessThanOrEqual(300);
        expect(r.barX + r.barW).toBeLessThan(l.textX);
      }
      for (const c of l.clients) expect(c.y).toBeLessThan(300);
    }
  });

  it('scales queue bars to 10, 20, 50, 100...', () => {
    expect([0, 10, 11, 37, 99, 101, 4999].map(queueScale)).toEqual([
      10, 10, 20, 50, 100, 200, 5000,
    ]);
  });

  it('moves a try from its client through the balancer to its instance', () => {
    const l = stageLayout(640, 300, 2, 2);
    expect(tryPosition(l, 0, 1, 100, 50, 300)).toBeNull();
    expect(tryPosition(l, 0, 1, 100, 100, 300)).toEqual(l.clients[0]);
    expect(tryPosition(l, 0, 1, 100, 250, 300)).toEqual(l.lb);
    expect(tryPosition(l, 0, 1, 100, 900, 300)?.y).toBe(l.rows[1]!.at.y);
  });
});
