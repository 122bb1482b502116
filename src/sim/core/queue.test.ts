import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EventQueue } from './queue';

describe('EventQueue', () => {
  it('pops in (time, insertion) order and skips cancelled entries', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 50 }), fc.boolean()), { maxLength: 200 }),
        (items) => {
          const q = new EventQueue<number>();
          const ids = items.map(([at], i) => q.push(at, i));
          items.forEach(([, cancel], i) => cancel && q.cancel(ids[i]!));
          const expected = items
            .map(([at, cancel], i) => ({ at, i, cancel }))
            .filter((x) => !x.cancel)
            .sort((a, b) => a.at - b.at || a.i - b.i)
            .map((x) => x.i);
          const got: number[] = [];
          for (let e = q.pop(); e; e = q.pop()) got.push(e.event);
          expect(got).toEqual(expected);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('restores a snapshot that pops identically', () => {
    const q = new EventQueue<string>();
    ['c', 'a', 'b', 'd'].forEach((s, i) => q.push(10 - i, s));
    q.cancel(1);
    const snap = structuredClone(q.snapshot());
    const r = new EventQueue<string>();
    r.restore(snap);
    const drain = (x: EventQueue<string>): string[] => {
      const out: string[] = [];
      for (let e = x.pop(); e; e = x.pop()) out.push(`${e.at}${e.event}`);
      return out;
    };
    expect(drain(r)).toEqual(drain(q));
    expect(r.push(0, 'z')).toBe(4);
  });
});
