import { describe, expect, it } from 'vitest';
import { formatSummaryValue, pick } from './format';

describe('experiment result formatting', () => {
  it('reads dotted paths and gives undefined for missing ones', () => {
    const r = { downtimeMs: { median: 281 }, trials: 10 };
    expect(pick(r, 'downtimeMs.median')).toBe(281);
    expect(pick(r, 'trials')).toBe(10);
    expect(pick(r, 'downtimeMs.p99')).toBeUndefined();
    expect(pick(r, 'trials.x')).toBeUndefined();
    expect(pick(null, 'a')).toBeUndefined();
  });

  it('formats a summary cell as its field says', () => {
    expect(formatSummaryValue(0.9561, { percent: true })).toBe('95.6%');
    expect(formatSummaryValue(12.3456, {})).toBe('12.346');
    expect(formatSummaryValue(12.3456, { digits: 1 })).toBe('12.3');
    expect(formatSummaryValue(true, {})).toBe('true');
  });
});
