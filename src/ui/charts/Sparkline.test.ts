import { describe, expect, it } from 'vitest';
import { sparkPath } from './Sparkline';

describe('sparkPath', () => {
  it('maps time to x across the box and values to y from min(0, lowest) upwards', () => {
    // x: 0..10 -> 1..89; y: 0..4 -> 20..2
    expect(sparkPath([0, 5, 10], [0, 2, 4], 90, 22)).toBe('M1,20L45,11L89,2');
  });

  it('skips values that are not finite and draws nothing without points', () => {
    expect(sparkPath([0, 1, 2], [1, NaN, 1], 90, 22)).toBe('M1,2L89,2');
    expect(sparkPath([], [], 90, 22)).toBe('');
    expect(sparkPath([0], [NaN], 90, 22)).toBe('');
  });

  it('keeps negative values inside the box', () => {
    expect(sparkPath([0, 1], [-2, 2], 90, 22)).toBe('M1,20L89,2');
  });

  it('draws only the last 300 points', () => {
    const t = Array.from({ length: 400 }, (_, i) => i);
    const d = sparkPath(t, t, 90, 22);
    expect(d.split('L')).toHaveLength(300);
    expect(d.startsWith('M1,')).toBe(true);
  });
});
