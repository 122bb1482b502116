/**
 * Determinism: each preset's trace hash at a fixed time, pinned in golden.json (read by the
 * browser test too). After an intended change of behaviour, regenerate with
 *   DSP_UPDATE_GOLDEN=1 npx vitest run src/sim/models/stampede/golden.test.ts
 */
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { presetScenario, runScenario } from '../../core/testing';
import golden from './golden.json';
import { stampedeModel } from './model';

const AT_MS = golden.atMs;

describe('golden traces', () => {
  const runs = stampedeModel.meta.presets.map((p) => ({
    id: p.id,
    ...runScenario(stampedeModel, presetScenario(stampedeModel, p.id), AT_MS),
  }));
  const hashes = Object.fromEntries(runs.map((r) => [r.id, r.traceHash]));

  if (process.env.DSP_UPDATE_GOLDEN) {
    writeFileSync(
      new URL('./golden.json', import.meta.url),
      JSON.stringify({ atMs: AT_MS, traces: hashes }, null, 2) + '\n',
    );
  }

  it('covers every preset', () => {
    expect(Object.keys(golden.traces).sort()).toEqual(Object.keys(hashes).sort());
  });

  it.each(runs)('$id', ({ id, traceHash, violation }) => {
    expect(violation).toBeNull();
    expect(traceHash).toBe((golden.traces as Record<string, string>)[id]);
  });
});
