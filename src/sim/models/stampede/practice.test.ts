import { describe, expect, it } from 'vitest';
import { gradePractice } from '../../practice/types';
import { episodeStats } from './episodes';
import { runStampede } from './experiments';
import { stampedeQuestion } from './practice';

const SEEDS = Number(process.env.DSP_LONG ? 200 : 40);

describe('stampede practice: how many queries hit the database at an expiry', () => {
  it('counts what the recorder’s recompute intervals say, and one under a lock', () => {
    let ratio = 0;
    let unprotected = 0;
    for (let seed = 1; seed <= SEEDS; seed++) {
      const q = stampedeQuestion(seed);
      const p = q.scenario.params as { strategy: string; rate: number; recomputeMs: number };
      // Independently: run the same scenario with the experiments' recorder and take key 0's
      // first episode (overlapping recomputations) from the intervals.
      const s = runStampede(q.scenario.params, seed, Number(q.revealUntil.slice(2)));
      const r = s.recorder!;
      const ep = episodeStats(r.ivKey, r.ivStart, r.ivEnd, r.nIntervals);
      const firstAfterStart = ep.sizes[0];
      expect(q.key.value, `seed ${seed}`).toBe(firstAfterStart);
      if (p.strategy === 'none') {
        unprotected++;
        ratio += q.key.value! / (1 + (p.rate * p.recomputeMs) / 1000);
      } else expect(q.key.value, `seed ${seed} ${p.strategy}`).toBe(1);
      expect(gradePractice(q, q.key.value!).correct).toBe(true);
      expect(gradePractice(q, q.key.value! + q.key.tolerance! + 1).correct).toBe(false);
    }
    // Unprotected herds are about rate x recompute time (Poisson arrivals: on average).
    expect(unprotected).toBeGreaterThan(SEEDS / 4);
    expect(ratio / unprotected).toBeGreaterThan(0.85);
    expect(ratio / unprotected).toBeLessThan(1.15);
  });
});
