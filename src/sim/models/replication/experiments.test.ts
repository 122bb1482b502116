import { describe, expect, it } from 'vitest';
import { lostWritesParams } from './meta';
import { runLostWrites } from './lostWrites';

const run = (p: Record<string, unknown>) =>
  runLostWrites(lostWritesParams.parse({ trials: 20, ...p }));

describe('replication-lost-writes', () => {
  it('async loses acknowledged writes when the leader is cut off; semi and sync lose none', () => {
    const async = run({ mode: 'async' });
    expect(async.lostPerTrial).toBeGreaterThan(1);
    expect(async.lossyShare).toBe(1);
    for (const mode of ['semi', 'sync']) expect(run({ mode }).lostPerTrial).toBe(0);
  });

  it('a longer failover timeout loses more under a partition', () => {
    const short = run({ failoverMs: 500 }).lostPerTrial;
    const long = run({ failoverMs: 4000 }).lostPerTrial;
    expect(long).toBeGreaterThan(short * 2);
  });

  it('is deterministic', () => {
    expect(run({ fault: 'crash', trials: 5 })).toEqual(run({ fault: 'crash', trials: 5 }));
  });
});
