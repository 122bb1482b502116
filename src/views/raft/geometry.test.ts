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
});
