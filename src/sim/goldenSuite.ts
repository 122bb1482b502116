/**
 * `goldenSuite(model)`: the vitest suite that pins a model's golden trace hashes (see golden.ts).
 * After a change meant to alter runs, say so in the commit and regenerate every table with
 *   DSP_UPDATE_GOLDEN=1 npx vitest run src/sim/golden.test.ts
 * (add `-t <model id>` for one model). A model without a table gets one at 10 s of virtual time.
 */
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { presetScenario, runScenario } from './core/testing';
import type { AnyModelDef } from './core/types';
import { goldenUrl, readGolden, type GoldenTable } from './golden';

/** Set to rewrite the golden tables instead of checking them. */
export const UPDATE_GOLDEN = !!process.env.DSP_UPDATE_GOLDEN;
const DEFAULT_AT_MS = 10_000;

const run = (model: AnyModelDef, preset: string, atMs: number) =>
  runScenario(model, presetScenario(model, preset), atMs);

export function goldenSuite(model: AnyModelDef): void {
  const id = model.meta.id;
  const presets = model.meta.presets.map((p) => p.id);
  describe(`${id} golden traces`, () => {
    const table = readGolden(id);
    if (UPDATE_GOLDEN) {
      it('rewrites golden.json', () => {
        const atMs = table?.atMs ?? DEFAULT_AT_MS;
        const traces = Object.fromEntries(presets.map((p) => [p, run(model, p, atMs).traceHash]));
        const out: GoldenTable = { atMs, traces };
        writeFileSync(goldenUrl(id), `${JSON.stringify(out, null, 2)}\n`);
      });
      return;
    }

    it('golden.json pins every preset', () => {
      expect(table, `src/sim/models/${id}/golden.json is missing`).toBeDefined();
      expect(Object.keys(table!.traces)).toEqual(presets);
    });

    for (const preset of presets) {
      it(`${preset} runs bit for bit as pinned`, () => {
        if (!table) return; // reported above
        const r = run(model, preset, table.atMs);
        expect(r.violation, `${id}/${preset} breaks an invariant`).toBeNull();
        expect(r.traceHash).toBe(table.traces[preset]);
      });
    }

    it('a different seed gives a different trace', () => {
      const s = presetScenario(model, presets[0]!);
      const atMs = table?.atMs ?? DEFAULT_AT_MS;
      const a = runScenario(model, s, atMs).traceHash;
      expect(runScenario(model, s, atMs).traceHash).toBe(a);
      expect(runScenario(model, { ...s, seed: s.seed + 1 }, atMs).traceHash).not.toBe(a);
    });
  });
}
