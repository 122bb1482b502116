import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { presetScenario, runScenario } from '../../core/testing';
import { GOLDEN_UNTIL_MS, raftGolden, type GoldenTrace } from './golden';
import { raftModel } from './model';

/** `DSP_UPDATE_GOLDEN=1 npx vitest run src/sim/models/raft/golden.test.ts` rewrites golden.json. */
const update = !!process.env.DSP_UPDATE_GOLDEN;

describe('Raft golden traces', () => {
  const actual: GoldenTrace[] = raftModel.meta.presets.map((p) => {
    const r = runScenario(raftModel, presetScenario(raftModel, p.id), GOLDEN_UNTIL_MS);
    expect(r.violation, p.id).toBeNull();
    return { preset: p.id, untilMs: GOLDEN_UNTIL_MS, hash: r.traceHash };
  });

  it('match golden.json for every preset', () => {
    if (update)
      writeFileSync(
        new URL('./golden.json', import.meta.url),
        JSON.stringify(actual, null, 2) + '\n',
      );
    else expect(actual).toEqual(raftGolden);
  });

  it('run to the same hash twice', () => {
    const again = runScenario(raftModel, presetScenario(raftModel, 'replication'), GOLDEN_UNTIL_MS);
    expect(again.traceHash).toBe(actual.find((g) => g.preset === 'replication')!.hash);
  });
});
