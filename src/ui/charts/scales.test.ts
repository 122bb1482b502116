/**
 * The charts' scales are ported from d3: for any data they give d3's numbers and path strings,
 * so the charts draw exactly as they did with d3.
 */
import * as d3 from 'd3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  extent,
  linePath,
  max,
  mean,
  nice,
  scaleBand,
  scaleLinear,
  scaleLog,
  ticks,
} from './scales';

const num = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 });
const small = fc.oneof(
  num,
  fc.integer({ min: -1000, max: 1000 }),
  fc.double({ min: -1, max: 1, noNaN: true }),
);
const count = fc.oneof(
  fc.integer({ min: 0, max: 12 }),
  fc.double({ min: 0, max: 12, noNaN: true }),
);
const pair = fc.tuple(small, small);
const runs = { numRuns: process.env.DSP_LONG ? 50_000 : 2000 };

/** The value, or the error's message: d3 too throws on absurd spans (5e-324 to -5e-324). */
const outcome = (f: () => unknown): unknown => {
  try {
    return f();
  } catch (e) {
    return `throws ${(e as Error).message}`;
  }
};
const same = (ours: () => unknown, d3s: () => unknown): void =>
  expect(outcome(ours)).toEqual(outcome(d3s));

type Ticked = { ticks(count?: number): number[] };
/** Default ticks and `n` ticks alike. */
const sameTicks = (s: Ticked, ref: Ticked, n: number): void => {
  same(
    () => s.ticks(),
    () => ref.ticks(),
  );
  same(
    () => s.ticks(n),
    () => ref.ticks(n),
  );
};

describe('scales ported from d3', () => {
  it('ticks', () => {
    fc.assert(
      fc.property(small, small, count, (a, b, n) => {
        same(
          () => ticks(a, b, n),
          () => d3.ticks(a, b, n),
        );
      }),
      runs,
    );
  });

  it('linear: nice, mapping and ticks', () => {
    fc.assert(
      fc.property(
        pair,
        pair,
        count,
        fc.array(small, { maxLength: 8 }),
        ([d0, d1], [r0, r1], n, xs) => {
          const niced = nice([d0, d1], n);
          const ref = d3.scaleLinear().domain([d0, d1]).nice(n).range([r0, r1]);
          expect(niced).toEqual(ref.domain());
          const s = scaleLinear(niced, [r0, r1]);
          for (const x of [...xs, d0, d1, NaN]) expect(s(x)).toEqual(ref(x));
          sameTicks(s, ref, n);
        },
      ),
      runs,
    );
  });

  it('log: mapping and ticks', () => {
    const positive = fc.double({ min: 1e-6, max: 1e9, noNaN: true });
    const domain = fc.oneof(
      fc.tuple(positive, positive),
      fc.tuple(positive, positive).map(([a, b]): [number, number] => [-a, -b]),
      fc.tuple(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 1, max: 100_000 })),
    );
    fc.assert(
      fc.property(domain, pair, count, fc.array(positive, { maxLength: 6 }), (d, r, n, xs) => {
        const ref = d3.scaleLog().domain(d).range(r);
        const s = scaleLog(d, r);
        for (const x of [...xs, ...d, NaN, 0]) expect(s(x)).toEqual(ref(x));
        sameTicks(s, ref, n);
      }),
      runs,
    );
  });

  it('band', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 80 }),
        pair,
        fc.constantFrom(0.05, 0.2, 0, 0.5, 1),
        (n, r, p) => {
          const ref = d3.scaleBand<number>().domain(d3.range(n)).range(r).padding(p);
          const s = scaleBand(n, r, p);
          expect(s.bandwidth).toEqual(ref.bandwidth());
          for (let i = -1; i <= n; i++) expect(s(i)).toEqual(ref(i));
        },
      ),
      runs,
    );
  });

  it('max, mean and extent', () => {
    const values = fc.array(
      fc.oneof(num, fc.constant(NaN), fc.constant(Infinity), fc.constant(-Infinity)),
    );
    fc.assert(
      fc.property(values, (vs) => {
        expect(max(vs)).toEqual(d3.max(vs));
        expect(mean(vs)).toEqual(d3.mean(vs));
        expect(extent(vs)).toEqual(d3.extent(vs));
      }),
      runs,
    );
  });

  it('line paths', () => {
    const coord = fc.oneof(small, fc.constant(NaN), fc.constant(Infinity));
    fc.assert(
      fc.property(fc.array(fc.tuple(coord, coord), { maxLength: 12 }), (pts) => {
        const defined = ([a, b]: [number, number]) => Number.isFinite(a) && Number.isFinite(b);
        const x = ([a]: [number, number]) => a * 3.14159;
        const y = ([, b]: [number, number]) => b / 7;
        const ref = d3.line<[number, number]>().defined(defined).x(x).y(y);
        expect(linePath(pts, defined, x, y)).toEqual(ref(pts));
      }),
      runs,
    );
  });
});
