import { describe, expect, it } from 'vitest';
import { clampTo, limitsOf, optionDescriptions } from './modelInfo';

describe('optionDescriptions', () => {
  it('splits "a: ... b: ..." descriptions by option', () => {
    const d = optionDescriptions({
      enum: ['none', 'lock', 'swr'],
      description:
        'none: every miss queries. lock: the first miss recomputes, the rest poll. swr: serve stale.',
    });
    expect(d).toEqual({
      none: 'every miss queries',
      lock: 'the first miss recomputes, the rest poll',
      swr: 'serve stale',
    });
  });
  it('gives "" for an option the description does not list', () => {
    expect(optionDescriptions({ enum: ['a', 'b'], description: 'a: first.' })).toEqual({
      a: 'first',
      b: '',
    });
  });
});

describe('limits', () => {
  it('reads and clamps to the schema range', () => {
    expect(limitsOf({ minimum: 1, maximum: 5 })).toEqual({ min: 1, max: 5 });
    expect(clampTo({ minimum: 1, maximum: 5 }, 9)).toBe(5);
    expect(clampTo({}, 9)).toBe(9);
  });
});
