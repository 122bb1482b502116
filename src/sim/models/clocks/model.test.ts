import { describe, expect, it } from 'vitest';
import { presetScenario, runScenario } from '../../core/testing';
import { causalChain, relationByGraph, relationByVector } from './causality';
import { clocksParams } from './meta';
import { clocksModel, makeClocksModel } from './model';
import { RULES, type Rules } from './stamps';
import type { ClocksState } from './types';

const quiet = (inputs: { at: number; action: string; [k: string]: unknown }[]) =>
  runScenario(
    clocksModel,
    {
      model: 'clocks',
      params: clocksParams.parse({ rate: 0, latencyMsMin: 100, latencyMsMax: 100 }),
      seed: 1,
      inputs,
    },
    5000,
  );

describe('clocks model', () => {
  it('stamps a hand-made history as the papers do', () => {
    // P0 sends m0 to P1 (arrives at 1100); P2 does a local event; P1 then sends to P2.
    const r = quiet([
      { at: 1000, action: 'send', from: 0, to: 1 },
      { at: 1050, action: 'local', process: 2 },
      { at: 1200, action: 'send', from: 1, to: 2 },
    ]);
    expect(r.violation).toBeNull();
    const s = r.sim.state as ClocksState;
    const stamps = s.events.map((e) => [`P${e.process}`, e.kind, e.lamport, e.vector.join('')]);
    expect(stamps).toEqual([
      ['P0', 'send', 1, '100'],
      ['P2', 'local', 1, '001'],
      ['P1', 'receive', 2, '110'],
      ['P1', 'send', 3, '120'],
      ['P2', 'receive', 4, '122'],
    ]);
    const [send0, local2, , , recv2] = s.events.map((e) => e.id);
    expect(relationByGraph(s.events, send0!, recv2!)).toBe('before');
    expect(causalChain(s.events, send0!, recv2!)).toEqual([0, 2, 3, 4]);
    expect(relationByGraph(s.events, send0!, local2!)).toBe('concurrent');
    expect(relationByVector(s.events[0]!, s.events[1]!)).toBe('concurrent');
    expect(relationByVector(s.events[4]!, s.events[0]!)).toBe('after');
    // Lamport orders the concurrent pair anyway: L = 1 and 1 here, but P2's local (1) < P1's send (3).
    expect(relationByGraph(s.events, local2!, s.events[3]!.id)).toBe('concurrent');
  });

  it('refuses sends to itself and to processes that do not exist, saying so', () => {
    const r = quiet([
      { at: 10, action: 'send', from: 1, to: 1 },
      { at: 20, action: 'local', process: 4 },
    ]);
    expect((r.sim.state as ClocksState).events).toEqual([]);
    expect(r.log.map((l) => l.text)).toEqual([
      'A process does not send to itself',
      'There is no P4',
    ]);
  });

  it('a message across a partition is never received', () => {
    const r = quiet([
      { at: 10, action: 'partition', groups: [[0], [1, 2]] },
      { at: 20, action: 'send', from: 0, to: 1 },
    ]);
    expect((r.sim.state as ClocksState).events.map((e) => e.kind)).toEqual(['send']);
  });

  it('changing the number of processes starts the clocks again', () => {
    const r = runScenario(
      clocksModel,
      {
        ...presetScenario(clocksModel, 'three'),
        inputs: [{ at: 3000, action: 'set', params: { processes: 4 } }],
      },
      6000,
    );
    const s = r.sim.state as ClocksState;
    expect(s.procs).toHaveLength(4);
    expect(s.events.every((e) => e.t >= 3000 && e.vector.length === 4)).toBe(true);
  });

  const broken: [string, Partial<Rules>][] = [
    ['clock-condition', { lamport: (own) => own + 1 }],
    ['vector-causality', { vector: (own, me) => RULES.vector(own, me, null) }],
    ['hlc-bound', { hlc: (own, pt) => RULES.hlc(own, pt, null) }],
  ];
  for (const [id, rule] of broken)
    it(`the live invariant ${id} catches its broken rule`, () => {
      const r = runScenario(
        makeClocksModel({ ...RULES, ...rule }),
        presetScenario(clocksModel, 'skewed'),
        20_000,
      );
      expect(r.violation?.invariant).toBe(id);
    });
});

describe('compare', () => {
  it('says before, after or concurrent, with the chain of messages', () => {
    const r = quiet([
      { at: 1000, action: 'send', from: 0, to: 1 },
      { at: 1050, action: 'local', process: 2 },
      { at: 1200, action: 'send', from: 1, to: 2 },
      { at: 1400, action: 'compare', a: 4, b: 0 },
    ]);
    const c = (r.sim.state as ClocksState).comparison!;
    expect(c.relation).toBe('after');
    expect(c.chain).toEqual([0, 2, 3, 4]);
    expect(c.sentence).toBe(
      "P0's event 1 happened before P2's event 2, through a chain of 2 messages.",
    );
    expect(c.steps[0]).toBe("P0's event 1: P0 sent m0 to P1");
    const r2 = quiet([
      { at: 1000, action: 'send', from: 0, to: 1 },
      { at: 1050, action: 'local', process: 2 },
      { at: 1400, action: 'compare', a: 0, b: 1 },
      { at: 1500, action: 'compare', a: 0, b: 99 },
    ]);
    const c2 = (r2.sim.state as ClocksState).comparison!;
    expect([c2.relation, c2.lamport, c2.vector]).toEqual(['concurrent', '=', 'concurrent']);
    expect(r2.log.at(-1)?.text).toBe('That event is no longer kept; pick a newer one');
  });

  it('prefers the chain along one process to one through messages', () => {
    // P0 -> P1 -> P0 (a round trip), then a local event on P0: ids 0..4.
    const r = quiet([
      { at: 1000, action: 'send', from: 0, to: 1 },
      { at: 1200, action: 'send', from: 1, to: 0 },
      { at: 1400, action: 'local', process: 0 },
      { at: 1500, action: 'compare', a: 0, b: 4 },
    ]);
    const c = (r.sim.state as ClocksState).comparison!;
    expect(c.chain).toEqual([0, 4]);
    expect(c.sentence).toBe(
      "P0's event 1 happened before P0's event 3, earlier on the same process.",
    );
    expect(c.steps[1]).toBe("P0's event 3, later on the same process: P0 did a local event");
  });
});
