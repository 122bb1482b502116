import { describe, expect, it } from 'vitest';
import { presetScenario, runScenario } from '../../core/testing';
import type { Params, ScenarioInput } from '../../core/types';
import { commitParams } from './meta';
import { commitModel } from './model';
import type { CommitState } from './types';

function run(preset: string, params: Params = {}, untilMs = 12_000, inputs?: ScenarioInput[]) {
  const base = presetScenario(commitModel, preset);
  const scenario = {
    ...base,
    params: commitParams.parse({ ...base.params, ...params }),
    inputs: inputs ?? base.inputs,
  };
  const r = runScenario(commitModel, scenario, untilMs);
  const s = r.sim.state as CommitState;
  const states = (tx = 1) => s.ps.map((p) => p.txs.find((t) => t.tx === tx)?.state ?? 'none');
  return { ...r, s, states };
}

describe('two-phase commit', () => {
  it('commits when all vote yes and aborts everywhere when one votes no', () => {
    const r = run('commit', {}, 40_000);
    expect(r.violation).toBeNull();
    expect(r.s.committed).toBeGreaterThan(3);
    expect(r.s.aborted).toBeGreaterThan(0);
    for (const o of r.s.outcomes.filter((x) => x.decision)) {
      if (o.decision === 'commit') expect(o.aborts).toEqual([]);
      else expect(o.commits).toEqual([]);
    }
  });

  it('a participant told to vote no aborts the transaction at all', () => {
    const r = run('commit', { noVoteRate: 0, txEveryMs: 0 }, 6000, [
      { at: 500, action: 'voteNo', p: 2 },
      { at: 1000, action: 'begin' },
    ]);
    expect(r.s.aborted).toBe(1);
    expect(r.states()).toEqual(['aborted', 'aborted', 'aborted']);
  });

  it('TC crashing after the votes leaves every participant in doubt, locked, until it returns', () => {
    const at7 = run('blocked', {}, 7000);
    expect(at7.states()).toEqual(['prepared', 'prepared', 'prepared']);
    expect(at7.s.ps.map((p) => p.lock)).toEqual([1, 1, 1]);
    const r = run('blocked');
    expect(r.violation).toBeNull();
    expect(r.states()).toEqual(['aborted', 'aborted', 'aborted']);
    // Presumed abort: TC had no record and answered abort; in doubt from ~1.5 s to ~8.5 s.
    expect(r.log.filter((e) => e.text.startsWith('TC has no record of T1')).length).toBe(3);
    expect(r.s.maxBlockedMs).toBeGreaterThan(6500);
    expect(r.s.maxBlockedMs).toBeLessThan(8000);
    expect(r.s.tc.logWrites).toBe(0);
  });

  it('without presumed abort TC logs the start and sends abort itself on recovery', () => {
    const r = run('blocked', { presumedAbort: false });
    expect(r.violation).toBeNull();
    expect(r.states()).toEqual(['aborted', 'aborted', 'aborted']);
    expect(r.log.some((e) => e.text.includes('on recovery: it began and never decided'))).toBe(
      true,
    );
    expect(r.log.some((e) => e.text.startsWith('TC has no record'))).toBe(false);
    expect(r.s.tc.logWrites).toBe(3); // begin, abort, end
  });

  it('TC crashing mid-decision: P1 commits at once, the others after TC reads commit in its log', () => {
    const r = run('mid-decision');
    expect(r.violation).toBeNull();
    expect(r.states()).toEqual(['committed', 'committed', 'committed']);
    const p1 = r.s.ps[0]!.txs[0]!;
    const p2 = r.s.ps[1]!.txs[0]!;
    expect(p1.decidedAt).toBeLessThan(2000);
    expect(p2.decidedAt).toBeGreaterThan(8000);
    expect(r.s.tc.log.map((x) => x.kind)).toEqual(['end']);
  });

  it('TC crashing before prepare blocks no one', () => {
    const r = run('before-prepare');
    expect(r.violation).toBeNull();
    expect(r.states()).toEqual(['none', 'none', 'none']);
    expect(r.s.maxBlockedMs).toBe(0);
  });

  it('a crashed prepared participant is in doubt again on restart and learns commit', () => {
    const r = run('participant-crash');
    expect(r.violation).toBeNull();
    expect(r.states()).toEqual(['committed', 'committed', 'committed']);
    expect(r.log.some((e) => e.text.startsWith('P2 restarted, in doubt about T1'))).toBe(true);
  });

  it('a lock held by an in-doubt transaction makes the next one vote no', () => {
    const r = run('blocked', { txEveryMs: 0 }, 12_000, [
      { at: 900, action: 'crashTc', when: 'after-votes' },
      { at: 1000, action: 'begin' },
      { at: 4000, action: 'restartTc' },
      { at: 4001, action: 'begin' },
    ]);
    expect(r.violation).toBeNull();
    expect(r.s.lockConflicts).toBeGreaterThan(0);
    expect(r.states(2)).toEqual(['aborted', 'aborted', 'aborted']);
  });

  it('TC comes back by itself after the recovery time', () => {
    const r = run('blocked', { tcRecoveryMs: 2000 }, 12_000, [
      { at: 900, action: 'crashTc', when: 'after-votes' },
      { at: 1000, action: 'begin' },
    ]);
    expect(r.s.tc.up).toBe(true);
    expect(r.states()).toEqual(['aborted', 'aborted', 'aborted']);
    expect(r.s.maxBlockedMs).toBeLessThan(4000);
  });
});
