import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runCapPartition } from './experiments';
import { checkHistory } from './history';
import { divergedKeys } from './store';
import { randomFaults, run } from './testdata/runs';

const LONG = !!process.env.DSP_LONG;
const UNTIL_MS = 15_000;

describe('cp mode', () => {
  /** Linearizable under every schedule, by the live monitor and the offline checker alike. */
  const linearizable = (mode: 'cp' | 'quorum', seen = { failedOps: 0 }) =>
    fc.property(randomFaults(mode, UNTIL_MS), (s) => {
      const r = run(s, UNTIL_MS);
      expect(r.violation, `seed ${s.seed}`).toBeNull();
      expect(r.state.monitor.violations, `linearizability violations, seed ${s.seed}`).toBe(0);
      expect(r.state.totals.stale).toBe(0);
      // The whole history, checked again offline in one go, agrees.
      expect(checkHistory(r.state.history).linearizable).toBe(true);
      seen.failedOps += r.state.totals.fail + r.state.totals.info;
    });

  it(`stays linearizable under ${LONG ? 1000 : 100} random partition schedules`, () => {
    const seen = { failedOps: 0 };
    fc.assert(linearizable('cp', seen), { numRuns: LONG ? 1000 : 100, seed: 20000719 });
    process.stdout.write(`cp schedules: ${seen.failedOps} ops failed or unknown\n`);
    // The schedules really did cut replicas off from majorities.
    expect(seen.failedOps).toBeGreaterThan(100);
  });

  it('the same property fails for weak quorums (it can fail)', () => {
    const out = fc.check(linearizable('quorum'), {
      numRuns: 30,
      seed: 20000719,
      endOnFailure: true,
    });
    expect(out.failed).toBe(true);
    const message = out.errorInstance instanceof Error ? out.errorInstance.message : '';
    process.stdout.write(`weak quorums caught after ${out.numRuns} schedules: ${message}\n`);
    expect(message).toMatch(/^linearizability violations, seed \d+/);
  });
});

describe('quorum mode with R + W > N', () => {
  it('is not linearizable for some seed: a partial write is seen, then missed', () => {
    const found: number[] = [];
    for (let seed = 1; seed <= 40 && found.length === 0; seed++) {
      const r = runCapPartition({
        mode: 'quorum',
        replicas: 5,
        clients: 5,
        keys: 1,
        N: 3,
        R: 2,
        W: 2,
        readRepair: false,
        conflict: 'lww',
        ops: 300,
        rate: 10,
        partitionMs: 500,
        seed,
      });
      if (!r.linearizable) {
        found.push(seed);
        expect(r.violations).toBeGreaterThan(0);
        expect(r.witnesses[0]!.sentence).toMatch(/^C\d read \d+ from k0 /);
      }
    }
    expect(found.length).toBe(1);
  });
});

describe('ap mode', () => {
  it('converges once healed with the workload off, for lww and vv', () => {
    fc.assert(
      fc.property(randomFaults('ap', 8000), fc.constantFrom('lww', 'vv'), (s, conflict) => {
        // A new scenario: fast-check may hand the same generated value to a later run.
        const healed = {
          ...s,
          params: { ...s.params, conflict },
          inputs: [
            ...s.inputs,
            { at: 8000, action: 'heal' },
            { at: 8000, action: 'workload', on: false },
          ],
        };
        const r = run(healed, 8000 + 20_000);
        expect(r.violation).toBeNull();
        expect(divergedKeys(r.state.replicas), `seed ${s.seed}`).toEqual([]);
        expect(r.state.clients.every((c) => c.pending === null)).toBe(true);
      }),
      { numRuns: LONG ? 300 : 30 },
    );
  });
});
