/**
 * commit-blocking: each trial runs the real model with one transaction at a random moment, TC
 * armed to crash at the chosen point and back after the recovery time, and measures how long
 * the participants that voted yes stayed in doubt, holding their locks.
 */
import { Rng } from '../../core/rng';
import { Sim } from '../../core/sim';
import type { ExperimentDef } from '../../core/types';
import { blockingMeta, commitParams, type BlockingParams, type BlockingResult } from './meta';
import { commitModel } from './model';
import type { CommitState } from './types';

export function runBlocking(
  p: BlockingParams,
  onProgress?: (done: number, total: number) => void,
): BlockingResult {
  const seeds = new Rng(p.seed).stream('trials');
  const blocked: number[] = [];
  let sum = 0;
  let spells = 0;
  let committed = 0;
  for (let t = 0; t < p.trials; t++) {
    const seed = seeds.int(1, 2_000_000_000);
    const at = 500 + seeds.int(0, 999);
    const params = commitParams.parse({
      participants: p.participants,
      presumedAbort: p.presumedAbort,
      txEveryMs: 0,
      // The crash must be the only way to block: no vote timeout before the votes are in.
      voteTimeoutMs: 30_000,
      tcRecoveryMs: p.recoveryMs,
    });
    const crash =
      p.recoveryMs > 0 ? [{ at: at - 1, action: 'crashTc', when: p.point, sentTo: 1 }] : [];
    const sim = new Sim(
      commitModel,
      {
        model: 'commit',
        params,
        seed,
        inputs: [...crash, { at, action: 'begin' }],
      },
      { checkInvariants: false, keepLog: false },
    );
    sim.runUntil(at + p.recoveryMs + 10_000);
    const s = sim.state as CommitState;
    const spell = s.blocked;
    blocked.push(spell.length ? Math.max(...spell) : 0);
    sum += spell.reduce((a, b) => a + b, 0);
    spells += spell.length;
    if (s.committed > 0) committed++;
    if (onProgress && (t % 10 === 9 || t === p.trials - 1)) onProgress(t + 1, p.trials);
  }
  return {
    trials: p.trials,
    blockedMs: spells ? sum / spells : 0,
    maxBlockedMs: Math.max(0, ...blocked),
    inDoubtPerTrial: spells / p.trials,
    committedShare: committed / p.trials,
    blocked,
  };
}

export const blockingExperiment: ExperimentDef<BlockingParams, BlockingResult> = {
  meta: blockingMeta,
  run: runBlocking,
};
