import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { jumpHash } from './jump';
import { jumpHashBig } from './reference';

// `npm run test:long` explores far more cases with the same seeds.
const LONG = process.env.DSP_LONG ? 50 : 1;

const halves = (key: bigint): [number, number] => [Number(key & 0xffffffffn), Number(key >> 32n)];
const jump = (key: bigint, buckets: number): number => jumpHash(...halves(key), buckets);

describe('jumpHash', () => {
  it('matches the published golden values (Guava, the Go and C ports)', () => {
    const golden100 = [
      0, 55, 62, 8, 45, 59, 86, 97, 82, 59, 73, 37, 17, 56, 86, 21, 90, 37, 38, 83,
    ];
    golden100.forEach((bucket, key) => expect(jump(BigInt(key), 100)).toBe(bucket));
    expect(jump(10863919174838991n, 11)).toBe(6);
    expect(jump(2016238256797177309n, 11)).toBe(3);
    expect(jump(1673758223894951030n, 11)).toBe(5);
    expect(jump(2n, 100001)).toBe(80343);
    expect(jump(2201n, 100001)).toBe(22152);
    expect(jump(2202n, 100001)).toBe(15018);
    expect(jump(256n, 1024)).toBe(520);
  });

  it('equals the BigInt reference on arbitrary 64-bit keys', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }),
        fc.integer({ min: 1, max: 100_000 }),
        (key, buckets) => {
          expect(jump(key, buckets)).toBe(jumpHashBig(key, buckets));
        },
      ),
      { seed: 1406, numRuns: 2000 * LONG },
    );
  });

  it('moves keys only to the new bucket when one is appended', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.integer({ min: 1, max: 500 }),
        (key, n) => {
          const a = jumpHash(key, 0, n);
          const b = jumpHash(key, 0, n + 1);
          expect(a === b || b === n).toBe(true);
        },
      ),
      { seed: 2014, numRuns: 2000 * LONG },
    );
  });
});
