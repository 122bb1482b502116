import { describe, expect, it } from 'vitest';
import { GOLDEN_CASES, presetRaw, readGolden } from './golden';
import { goldenSuite, UPDATE_GOLDEN } from './goldenSuite';
import { MODEL_IDS } from './modelList';
import { loadModel } from './registry';
import { Host } from '../worker/host';

// Every model of the model list, in Node, straight through the kernel.
for (const id of MODEL_IDS) {
  const model = await loadModel(id);
  if (!model) throw new Error(`the model list names ${id}, which does not load`);
  goldenSuite(model);
}

// The same path the browser test takes (the host parses the raw preset scenario), in Node.
describe.skipIf(UPDATE_GOLDEN)('golden cases through the host', () => {
  it('covers every model of the model list', () => {
    const missing = MODEL_IDS.filter((id) => !readGolden(id));
    expect(missing, 'models without src/sim/models/<id>/golden.json').toEqual([]);
    expect(new Set(GOLDEN_CASES.map((c) => c.model))).toEqual(new Set(MODEL_IDS));
  });
  for (const c of GOLDEN_CASES) {
    it(`${c.model}/${c.preset} at ${c.untilMs} ms`, async () => {
      const r = await new Host().traceHash(presetRaw(c.model, c.preset), c.untilMs);
      expect(r).toEqual({ ok: true, value: c.trace });
    });
  }
});
