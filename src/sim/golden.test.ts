import { describe, expect, it } from 'vitest';
import { GOLDEN_CASES, presetRaw } from './golden';
import { Host } from '../worker/host';

// The same path the browser test takes (the host parses the raw preset scenario), in Node.
describe('golden cases through the host', () => {
  it('covers every model with goldens', () => {
    expect(new Set(GOLDEN_CASES.map((c) => c.model))).toEqual(
      new Set(['hashring', 'raft', 'stampede', 'cap']),
    );
  });
  for (const c of GOLDEN_CASES) {
    it(`${c.model}/${c.preset} at ${c.untilMs} ms`, async () => {
      const r = await new Host().traceHash(presetRaw(c.model, c.preset), c.untilMs);
      expect(r).toEqual({ ok: true, value: c.trace });
    });
  }
});
