import { describe, expect, it } from 'vitest';
import { runBlocking } from './blocking';
import { blockingParams } from './meta';

const run = (p: Record<string, unknown>) => runBlocking(blockingParams.parse({ trials: 10, ...p }));

describe('commit-blocking', () => {
  it('after the votes, participants wait about as long as TC is down, and longer with it', () => {
    const base = run({ recoveryMs: 0 });
    expect(base.blockedMs).toBeLessThan(500);
    const short = run({ recoveryMs: 2000 });
    const long = run({ recoveryMs: 8000 });
    expect(short.blockedMs).toBeGreaterThan(2000);
    expect(long.blockedMs).toBeGreaterThan(8000);
    expect(long.blockedMs).toBeLessThan(10_000);
    expect(long.committedShare).toBe(0); // presumed abort: no record, abort
  });

  it('a crash before prepare blocks no one; mid-decision blocks all but the one told', () => {
    expect(run({ recoveryMs: 4000, point: 'before-prepare' }).inDoubtPerTrial).toBe(0);
    const mid = run({ recoveryMs: 4000, point: 'mid-decision' });
    expect(mid.committedShare).toBe(1);
    expect(mid.maxBlockedMs).toBeGreaterThan(4000);
    expect(mid.blockedMs).toBeLessThan(run({ recoveryMs: 4000 }).blockedMs);
  });

  it('is deterministic', () => {
    expect(run({ trials: 5 })).toEqual(run({ trials: 5 }));
  });
});
