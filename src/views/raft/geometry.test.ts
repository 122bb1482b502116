import { describe, expect, it } from 'vitest';
import { splitStage } from './geometry';

describe('Raft stage split', () => {
  it('puts the ring beside the diagram when wide and above it when narrow', () => {
    const wide = splitStage(800, 500);
    expect(wide.wide).toBe(true);
    expect(wide.ring.w + wide.time.w).toBe(800);
    const narrow = splitStage(400, 500);
    expect(narrow.wide).toBe(false);
    expect(narrow.ring.h + narrow.time.h).toBe(500);
    expect(narrow.time.y).toBe(narrow.ring.h);
  });

  it('gives the ring room for its labels on short stages (issue 13 bug 6)', () => {
    // height=300 in a 624 px column: one above the other left the ring 164 px; beside, 300.
    const column = splitStage(598, 300);
    expect(column.wide).toBe(true);
    expect(column.ring.h).toBe(300);
    // A phone's lesson widget (340 x 338): the ring keeps at least 216 px above the diagram.
    const phone = splitStage(340, 338);
    expect(phone.wide).toBe(false);
    expect(phone.ring.h).toBeGreaterThanOrEqual(216);
    expect(phone.time.h).toBeGreaterThanOrEqual(100);
  });
});
