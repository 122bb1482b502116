import { describe, expect, it } from 'vitest';
import { Rng } from './rng';

describe('Rng', () => {
  it('is a pure function of the seed', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const xs = Array.from({ length: 100 }, () => a.u32());
    expect(Array.from({ length: 100 }, () => b.u32())).toEqual(xs);
    expect(new Rng(43).u32()).not.toBe(xs[0]);
  });

  it('gives named streams that do not depend on the parent position', () => {
    const a = new Rng(7);
    const first = a.stream('net').u32();
    a.u32();
    a.u32();
    expect(a.stream('net').u32()).toBe(first);
    expect(a.stream('disk').u32()).not.toBe(first);
  });

  it('restores a saved state exactly', () => {
    const a = new Rng(9);
    a.u32();
    const saved = a.state();
    const next = [a.u32(), a.u32(), a.u32()];
    a.restore(saved);
    expect([a.u32(), a.u32(), a.u32()]).toEqual(next);
  });

  it('draws integers uniformly and inside the bounds', () => {
    const r = new Rng(1);
    const counts = new Array<number>(6).fill(0);
    const n = 60000;
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const x = r.int(1, 6);
      if (x < 1 || x > 6) outside++;
      else counts[x - 1]!++;
    }
    expect(outside).toBe(0);
    // Chi-square with 5 degrees of freedom; 20.5 is the 0.999 quantile.
    const chi = counts.reduce((s, c) => s + (c - n / 6) ** 2 / (n / 6), 0);
    expect(chi).toBeLessThan(20.5);
  });

  it('floatOpenZero never returns 0 and exponential has the right mean', () => {
    const r = new Rng(3);
    let sum = 0;
    let bad = 0;
    const n = 100000;
    for (let i = 0; i < n; i++) {
      const u = r.floatOpenZero();
      if (!(u > 0 && u <= 1)) bad++;
      sum += r.exponential(5);
    }
    expect(bad).toBe(0);
    expect(sum / n).toBeGreaterThan(4.9);
    expect(sum / n).toBeLessThan(5.1);
  });
});
