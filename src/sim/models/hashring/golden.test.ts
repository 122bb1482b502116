import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { presetScenario, runScenario } from '../../core/testing';
import { HASHRING_GOLDEN_AT_MS, hashringGolden, metricsDigest, type GoldenTable } from './golden';
import { hashringMeta } from './meta';
import { hashringModel } from './model';

const run = (id: string) => {
  const r = runScenario(hashringModel, presetScenario(hashringModel, id), HASHRING_GOLDEN_AT_MS);
  return { trace: r.traceHash, metrics: metricsDigest(r.sim.metrics()) };
};

describe('golden traces', () => {
  if (process.env.UPDATE_GOLDEN) {
    it('regenerates golden.json', () => {
      const table: GoldenTable = { atMs: HASHRING_GOLDEN_AT_MS, presets: {} };
      for (const p of hashringMeta.presets) table.presets[p.id] = run(p.id);
      writeFileSync(
        new URL('./golden.json', import.meta.url),
        `${JSON.stringify(table, null, 2)}\n`,
      );
    });
    return;
  }

  it('covers every preset at the pinned time', () => {
    expect(hashringGolden.atMs).toBe(HASHRING_GOLDEN_AT_MS);
    expect(Object.keys(hashringGolden.presets).sort()).toEqual(
      hashringMeta.presets.map((p) => p.id).sort(),
    );
  });

  for (const p of hashringMeta.presets) {
    it(`${p.id} runs bit for bit as pinned`, () => {
      expect(run(p.id)).toEqual(hashringGolden.presets[p.id]);
    });
  }
});
