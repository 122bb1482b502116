import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { searchRegisterFast } from './fastSearch';
import { checkZones, zonesApply } from './zones';
import { searchRegister, type RegisterOp, type Start, type Value } from './linearizability';

type Kind = RegisterOp['f'] | 'casMissed';

/**
 * Up to 10 ops on a few processes, small repeated values, overlapping intervals; writes, casses
 * and appends sometimes with an unknown outcome (return at infinity). Positions are distinct.
 */
const history = (kinds: readonly Kind[]) =>
  fc
    .array(
      fc.record({
        kind: fc.constantFrom(...kinds),
        x: fc.integer({ min: 0, max: 2 }),
        y: fc.integer({ min: 0, max: 2 }),
        nothing: fc.integer({ min: 0, max: 4 }),
        start: fc.integer({ min: 0, max: 40 }),
        length: fc.integer({ min: 1, max: 25 }),
        unknown: fc.integer({ min: 0, max: 5 }),
      }),
      { minLength: 1, maxLength: 10 },
    )
    .map((specs) => {
      // Reads of an append register return a prefix of the elements appended, in op order, so
      // that many histories are linearizable.
      const elements = specs.filter((o) => o.kind === 'append').map((o) => o.x);
      return specs.map((o, j): RegisterOp => {
        const call = 2 * (o.start * 16 + j);
        const ret = o.kind !== 'read' && o.unknown === 0 ? Infinity : call + 32 * o.length + 1;
        const v: Value = o.nothing === 0 ? null : o.x;
        const appended: Value = o.nothing === 0 ? null : elements.slice(0, o.x + 1 + o.y);
        if (o.kind === 'casMissed')
          return { f: 'cas', value: [o.x, o.y], call, ret, casMissed: true };
        if (o.kind === 'cas') return { f: 'cas', value: [v, o.y], call, ret };
        if (o.kind === 'append') return { f: 'append', value: o.x, call, ret };
        const isList = kinds.includes('append') && o.kind === 'read';
        return { f: o.kind, value: isList ? appended : v, call, ret };
      });
    });

const starts = fc.oneof(
  fc.constant<Start[]>([{ state: null }]),
  fc.constant<Start[]>([{ state: 1 }, { state: 2 }]),
);

describe('the fast register search agrees with the plain exhaustive search', () => {
  const runs = process.env.DSP_LONG ? 100_000 : 4_000;
  for (const kinds of [
    ['read', 'write'],
    ['read', 'write', 'cas', 'casMissed'],
    ['read', 'append'],
    ['read', 'write', 'append'],
  ] as Kind[][])
    it(`on random histories of at most 10 ops: ${kinds.join(', ')}`, () => {
      let violations = 0;
      fc.assert(
        fc.property(
          history(kinds),
          kinds.includes('append') ? fc.constant([{ state: null }]) : starts,
          (ops, st) => {
            const plain = searchRegister(ops, st, { budget: Infinity });
            const fast = searchRegisterFast(ops, st);
            expect(fast.result).toBe(plain.result);
            if (fast.result === 'violation') {
              violations++;
              // Some op is named, never a write (which can always take place).
              expect(fast.failed).toBeGreaterThanOrEqual(0);
              expect(['read', 'cas', 'append']).toContain(ops[fast.failed]!.f);
            }
          },
        ),
        { numRuns: runs },
      );
      // Both verdicts are common, so agreement means something either way.
      expect(violations).toBeGreaterThan(runs / 10);
      expect(violations).toBeLessThan(runs - runs / 10);
    });
});

describe("Gibbons & Korach's zones agree with the plain search when written values are unique", () => {
  const runs = process.env.DSP_LONG ? 100_000 : 4_000;
  const unique = fc
    .array(
      fc.record({
        read: fc.boolean(),
        pick: fc.integer({ min: 0, max: 12 }),
        start: fc.integer({ min: 0, max: 40 }),
        length: fc.integer({ min: 1, max: 25 }),
        unknown: fc.integer({ min: 0, max: 5 }),
      }),
      { minLength: 1, maxLength: 10 },
    )
    .map((specs) =>
      specs.map((o, j): RegisterOp => {
        const call = 2 * (o.start * 16 + j);
        const ret = !o.read && o.unknown === 0 ? Infinity : call + 32 * o.length + 1;
        // Reads return nothing, the start value, some op's value (maybe a read's: never written).
        const value = o.read ? ([null, 100, 99][o.pick] ?? o.pick - 3) : j;
        return { f: o.read ? 'read' : 'write', value, call, ret };
      }),
    );
  it('on random histories of at most 10 reads and writes', () => {
    let violations = 0;
    fc.assert(
      fc.property(unique, fc.constantFrom(null, 100), (ops, state) => {
        const st = [{ state }];
        expect(zonesApply(ops, st)).toBe(true);
        const plain = searchRegister(ops, st, { budget: Infinity });
        const zones = checkZones(ops, st[0]!);
        expect(zones.result).toBe(plain.result);
        if (zones.result === 'violation') {
          violations++;
          expect(ops[zones.failed]?.f).toBe('read');
        }
      }),
      { numRuns: runs },
    );
    expect(violations).toBeGreaterThan(runs / 10);
    expect(violations).toBeLessThan(runs - runs / 10);
  });
});
