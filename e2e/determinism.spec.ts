/**
 * The same scenario gives the same run in Node and in the browser: every golden trace hash
 * (computed in Node by the unit tests) is recomputed here in a real simulation worker.
 */
import { GOLDEN_CASES, presetRaw } from '../src/sim/golden';
import { expect, test } from './fixtures';

test('every golden trace hash is the same in the browser worker as in Node', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('./');
  await page.waitForFunction(() => !!window.__dsp);
  const cases = GOLDEN_CASES.map((c) => ({ ...c, scenario: presetRaw(c.model, c.preset) }));
  const results = await page.evaluate(async (list) => {
    const out: { id: string; host: string; trace: string | null }[] = [];
    for (const c of list) {
      const r = await window.__dsp!.traceHash(c.scenario, c.untilMs);
      out.push({ id: `${c.model}/${c.preset}`, host: r.host, trace: r.ok ? r.value : null });
    }
    return out;
  }, cases);
  expect(results.every((r) => r.host === 'worker')).toBe(true);
  expect(results.map((r) => `${r.id} ${r.trace}`)).toEqual(
    cases.map((c) => `${c.model}/${c.preset} ${c.trace}`),
  );
});
