import { describe, expect, it } from 'vitest';
import { flightAt } from './flightCanvas';

describe('flightAt', () => {
  const drawn = [
    { id: 1, x: 10, y: 10 },
    { id: 2, x: 16, y: 10 },
    { id: 3, x: 100, y: 100 },
  ];
  it('finds the message drawn nearest the pointer, within the mark’s hit radius', () => {
    expect(flightAt(drawn, 11, 10)).toBe(1);
    expect(flightAt(drawn, 15, 11)).toBe(2);
    expect(flightAt(drawn, 100, 108)).toBe(3);
  });
  it('finds none farther than the radius, or when nothing is drawn', () => {
    expect(flightAt(drawn, 100, 110)).toBe(-1);
    expect(flightAt([], 10, 10)).toBe(-1);
  });
});
