import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalog, modelIds } from './catalog';
import { parseScenario } from './core/scenario';
import { capMeta } from './models/cap/meta';
import { hashringMeta } from './models/hashring/meta';
import { raftMeta } from './models/raft/meta';
import { swarm, swarmKinds } from './swarm';

const raftOptions = {
  nodes: 5,
  untilMs: 5000,
  lossRates: [0, 0.3],
  actions: { crash: fc.record({ server: fc.nat(4) }, { requiredKeys: [] }) },
};

describe('swarm', () => {
  it('makes schedules the scenario parser accepts, in time order, cutting every node', () => {
    fc.assert(
      fc.property(swarm(raftMeta, raftOptions), (inputs) => {
        const parsed = parseScenario({ model: 'raft', seed: 1, inputs }, catalog, modelIds());
        expect(parsed.ok, JSON.stringify(parsed)).toBe(true);
        expect(inputs.map((i) => i.at)).toEqual([...inputs.map((i) => i.at)].sort((a, b) => a - b));
        for (const i of inputs.filter((x) => x.action === 'partition'))
          expect((i.groups as number[][]).flat().sort()).toEqual([0, 1, 2, 3, 4]);
      }),
      { numRuns: 200, seed: 1 },
    );
  });

  it('draws which fault kinds a schedule uses, so some use one kind only', () => {
    const kinds = fc
      .sample(swarm(raftMeta, raftOptions), { numRuns: 300, seed: 2 })
      .map((inputs) => new Set(inputs.map((i) => (i.action === 'set' ? 'loss' : i.action))));
    expect(kinds.some((k) => k.size === 1 && k.has('crash'))).toBe(true);
    expect(kinds.some((k) => k.size === 1 && k.has('partition'))).toBe(true);
    expect(kinds.some((k) => k.size === 4)).toBe(true);
  });

  it('refuses a model without a network, an unknown action and a missing lossRate param', () => {
    expect(() => swarm(hashringMeta, { nodes: 3, untilMs: 10 })).toThrow(/hashring has no network/);
    expect(() => swarmKinds(capMeta, { ...raftOptions, lossRates: [] })).toThrow(
      /cap has no action crash/,
    );
    expect(swarmKinds(capMeta, { nodes: 3, untilMs: 10, lossRates: [0.1] })).toEqual([
      'partition',
      'heal',
      'loss',
    ]);
  });

  it('fails loudly when an action arbitrary makes arguments the schema refuses', () => {
    const bad = swarm(raftMeta, {
      nodes: 3,
      untilMs: 10,
      actions: { timeout: fc.constant({ server: 99 }) },
      minFaults: 24,
    });
    expect(() => fc.sample(bad, { numRuns: 20, seed: 3 })).toThrow(/raft timeout \{"server":99\}/);
  });
});
