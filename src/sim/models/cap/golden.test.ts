import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { presetScenario, runScenario } from '../../core/testing';
import { capModel } from './model';

// Preset id -> trace hash at `atMs`. Regenerate with UPDATE_GOLDEN=1 after an intended change.
const GOLDEN_URL = new URL('./golden.json', import.meta.url);
const AT_MS = 20_000;

const compute = (): Record<string, { atMs: number; traceHash: string }> =>
  Object.fromEntries(
    capModel.meta.presets.map((p) => [
      p.id,
      {
        atMs: AT_MS,
        traceHash: runScenario(capModel, presetScenario(capModel, p.id), AT_MS).traceHash,
      },
    ]),
  );

describe('golden traces', () => {
  it('every preset gives the recorded trace hash', () => {
    const actual = compute();
    if (process.env.UPDATE_GOLDEN)
      writeFileSync(GOLDEN_URL, JSON.stringify(actual, null, 2) + '\n');
    const golden = JSON.parse(readFileSync(GOLDEN_URL, 'utf8')) as typeof actual;
    expect(actual).toEqual(golden);
  });

  it('a different seed gives a different trace', () => {
    const s = presetScenario(capModel, 'ap-partition');
    const a = runScenario(capModel, s, 5000).traceHash;
    const b = runScenario(capModel, { ...s, seed: s.seed + 1 }, 5000).traceHash;
    expect(a).not.toBe(b);
  });
});
