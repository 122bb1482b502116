import { describe, expect, it } from 'vitest';
import { sameScenario, stableJson } from './sameScenario';

describe('sameScenario', () => {
  const a = { model: 'raft', params: { nodes: 5, seedless: false }, seed: 1, inputs: [] };
  it('is true for equal values built apart, whatever the key order', () => {
    const b = { seed: 1, inputs: [], params: { seedless: false, nodes: 5 }, model: 'raft' };
    expect(sameScenario(a, b)).toBe(true);
    expect(stableJson(a)).toBe(stableJson(b));
  });
  it('is false when any value differs, inputs order included', () => {
    expect(sameScenario(a, { ...a, seed: 2 })).toBe(false);
    expect(sameScenario(a, { ...a, params: { nodes: 3, seedless: false } })).toBe(false);
    const x = {
      ...a,
      inputs: [
        { at: 1, action: 'crash' },
        { at: 2, action: 'heal' },
      ],
    };
    const y = {
      ...a,
      inputs: [
        { at: 2, action: 'heal' },
        { at: 1, action: 'crash' },
      ],
    };
    expect(sameScenario(x, y)).toBe(false);
    expect(sameScenario(a, null)).toBe(false);
  });
});
