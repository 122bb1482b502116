/**
 * Atomicity and "yes means wait" over many seeded fault schedules (TC and participant crashes at
 * every point, restarts, partitions, loss), checked after every event; each shown to catch a
 * deliberately broken model.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../core/testing';
import { swarm } from '../../swarm';
import { CRASH_POINTS, commitMeta, commitParams } from './meta';
import { makeCommitModel } from './model';
import type { Bugs, CommitState } from './types';

const RUNS = process.env.DSP_LONG ? 300 : 40;
const UNTIL_MS = 20_000;
const OK: Bugs = { unilateralAbortMs: 0, commitOnPartialVotes: false };

const p = fc.integer({ min: 1, max: 4 });
const caseArb = fc.record({
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  participants: fc.integer({ min: 2, max: 4 }),
  noVoteRate: fc.constantFrom(0, 0.1, 0.3),
  presumedAbort: fc.boolean(),
  txEveryMs: fc.integer({ min: 500, max: 3000 }),
  voteTimeoutMs: fc.integer({ min: 300, max: 3000 }),
  tcRecoveryMs: fc.constantFrom(0, 1000, 4000),
  faults: swarm(commitMeta, {
    nodes: 5,
    untilMs: UNTIL_MS - 4000,
    lossRates: [0, 0.05, 0.2],
    actions: {
      crashTc: fc.record({
        when: fc.constantFrom(...CRASH_POINTS),
        sentTo: fc.integer({ min: 0, max: 4 }),
      }),
      restartTc: fc.constant({}),
      crashP: fc.record({ p }),
      restartP: fc.record({ p }),
      voteNo: fc.record({ p }),
      begin: fc.constant({}),
    },
    maxFaults: 30,
  }),
});
type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

function runCase(c: Case, bugs: Bugs) {
  const { seed, faults, ...rest } = c;
  const params = commitParams.parse(rest);
  // Everyone comes back at the end, so every transaction can finish.
  const tail = [
    { at: UNTIL_MS - 3000, action: 'heal' },
    { at: UNTIL_MS - 3000, action: 'restartTc' },
    ...[1, 2, 3, 4].slice(0, c.participants).map((q) => ({
      at: UNTIL_MS - 3000,
      action: 'restartP',
      p: q,
    })),
  ];
  return runScenario(
    makeCommitModel(bugs),
    { model: 'commit', params, seed, inputs: [...faults, ...tail] },
    UNTIL_MS,
  );
}

describe('two-phase commit over fault schedules', () => {
  it('keeps atomicity and never lets a yes voter decide alone', () => {
    let inDoubt = 0;
    fc.assert(
      fc.property(caseArb, (c) => {
        const r = runCase(c, OK);
        expect(r.violation).toBeNull();
        inDoubt += (r.sim.state as CommitState).blocked.filter((ms) => ms > 1500).length;
      }),
      { numRuns: RUNS, seed: 3 },
    );
    expect(inDoubt).toBeGreaterThan(0); // the schedules did block participants
  });

  const caught = (bugs: Bugs, invariant: string) => {
    const found = fc.check(
      fc.property(caseArb, (c) => runCase(c, bugs).violation?.invariant !== invariant),
      { numRuns: 200, seed: 11 },
    );
    expect(found.failed).toBe(true);
  };

  it('catches a participant that times out in doubt and aborts on its own', () => {
    caught({ ...OK, unilateralAbortMs: 1500 }, 'no-unilateral');
  });

  it('catches the same participant breaking atomicity', () => {
    caught({ ...OK, unilateralAbortMs: 1500 }, 'atomicity');
  });

  it('catches a coordinator that commits on the votes it has when some are missing', () => {
    caught({ ...OK, commitOnPartialVotes: true }, 'atomicity');
  });
});
