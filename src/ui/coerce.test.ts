import { describe, expect, it } from 'vitest';
import { coerce, shownUnit } from './schemaFields';

describe('coerce', () => {
  it('reads numbers, and JSON arrays and objects where the type is unknown', () => {
    expect(coerce(undefined, '3')).toBe(3);
    expect(coerce(undefined, 'x')).toBe('x');
    expect(coerce(undefined, '[[0,1],[2,3,4]]')).toEqual([
      [0, 1],
      [2, 3, 4],
    ]);
    expect(coerce({ kind: 'other' }, '{"preVote":true}')).toEqual({ preVote: true });
    // Not JSON after all: left as written, so the schema check names it.
    expect(coerce(undefined, '[0,1')).toBe('[0,1');
    expect(coerce({ kind: 'string' }, '[1]')).toBe('[1]');
  });

  it('reads decimal numbers only: 0x10, 0b1, an empty or blank value stay text the check names', () => {
    for (const kind of ['integer', 'number', 'other'] as const) {
      expect(coerce({ kind }, '12')).toBe(12);
      expect(coerce({ kind }, '-0.5')).toBe(-0.5);
      expect(coerce({ kind }, '1e3')).toBe(1000);
      for (const raw of ['0x10', '0b1', '0o7', ' 5', '5 ', '1_000', 'Infinity'])
        expect(coerce({ kind }, raw)).toBe(raw);
    }
    expect(coerce({ kind: 'integer' }, '')).toBe('');
    expect(coerce({ kind: 'number' }, ' ')).toBe(' ');
  });
});

describe('shownUnit', () => {
  it('prints a unit beside its title unless it only repeats it', () => {
    expect(shownUnit({ title: 'Servers', unit: 'servers' })).toBeUndefined();
    expect(shownUnit({ title: 'Nodes', unit: ' Nodes ' })).toBeUndefined();
    expect(shownUnit({ title: 'Latency min', unit: 'ms' })).toBe('ms');
    expect(shownUnit({ title: 'Keys' })).toBeUndefined();
  });
});
