import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { HASHES, fnv1a, murmur3, utf8, xxhash32 } from './hash';

const hex = (n: number): string => n.toString(16).padStart(8, '0');

describe('reference vectors', () => {
  // Published test vectors of each function.
  it('xxhash32', () => {
    expect(hex(xxhash32(utf8('')))).toBe('02cc5d05');
    expect(hex(xxhash32(utf8('a')))).toBe('550d7456');
    expect(hex(xxhash32(utf8('abc')))).toBe('32d153ff');
    expect(hex(xxhash32(utf8('Nobody inspects the spammish repetition')))).toBe('e2293b2f');
  });
  it('murmur3 x86_32', () => {
    expect(murmur3(utf8(''), 0)).toBe(0);
    expect(murmur3(utf8(''), 1)).toBe(0x514e28b7);
    expect(hex(murmur3(utf8('test')))).toBe('ba6bd213');
    expect(hex(murmur3(utf8('The quick brown fox jumps over the lazy dog')))).toBe('2e4ff723');
  });
  it('fnv1a 32', () => {
    expect(hex(fnv1a(utf8('')))).toBe('811c9dc5');
    expect(hex(fnv1a(utf8('a')))).toBe('e40c292c');
    expect(hex(fnv1a(utf8('foobar')))).toBe('bf9cf968');
  });
});

const le = (...words: number[]): Uint8Array => {
  const b = new Uint8Array(words.length * 4);
  const view = new DataView(b.buffer);
  words.forEach((w, i) => view.setUint32(i * 4, w >>> 0, true));
  return b;
};

describe('word fast paths equal the byte functions', () => {
  for (const h of Object.values(HASHES)) {
    it(h.id, () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: 0xffffffff }),
          fc.integer({ min: 0, max: 0xffffffff }),
          fc.integer({ min: 0, max: 0xffffffff }),
          (a, b, seed) => {
            expect(h.u(a, seed)).toBe(h.bytes(le(a), seed));
            expect(h.uu(a, b, seed)).toBe(h.bytes(le(a, b), seed));
          },
        ),
        { numRuns: 2000 },
      );
    });
  }
});
