/**
 * Same scenario, same run, in Node and in the browser: every preset's trace hash, computed in a
 * real simulation worker through the page's test hook, must equal the golden value pinned by the
 * Node tests (src/sim/models/<model>/golden.json).
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { PresetMeta } from '../src/sim/core/types';
import { hashringPresets } from '../src/sim/models/hashring/presets';
import { raftPresets } from '../src/sim/models/raft/presets';
import { expect, test } from './fixtures';

const json = <T>(path: string): T =>
  JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as T;

interface Golden {
  preset: string;
  untilMs: number;
  hash: string;
}

const hashringTable = json<{ atMs: number; presets: Record<string, { trace: string }> }>(
  '../src/sim/models/hashring/golden.json',
);
const GOLDEN: Record<string, { presets: PresetMeta[]; golden: Golden[] }> = {
  hashring: {
    presets: hashringPresets,
    golden: Object.entries(hashringTable.presets).map(([preset, g]) => ({
      preset,
      untilMs: hashringTable.atMs,
      hash: g.trace,
    })),
  },
  raft: { presets: raftPresets, golden: json<Golden[]>('../src/sim/models/raft/golden.json') },
};

async function browserHash(page: Page, scenario: unknown, untilMs: number) {
  return page.evaluate(
    async ([s, until]) => {
      const r = await window.__dsp!.traceHash(s, until as number);
      return { hash: r.ok ? r.value : `error: ${JSON.stringify(r.errors)}`, host: r.host };
    },
    [scenario, untilMs] as const,
  );
}

for (const [model, { presets, golden }] of Object.entries(GOLDEN)) {
  test(`${model}: every preset's trace hash in a browser worker equals the Node golden value`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await page.goto('./');
    await expect.poll(() => page.evaluate(() => typeof window.__dsp?.traceHash)).toBe('function');
    expect(golden.map((g) => g.preset).sort()).toEqual(presets.map((p) => p.id).sort());
    for (const g of golden) {
      const p = presets.find((x) => x.id === g.preset)!;
      const scenario = {
        model,
        params: p.params ?? {},
        seed: p.seed ?? 1,
        inputs: p.inputs ?? [],
      };
      const r = await browserHash(page, scenario, g.untilMs);
      expect(r.host, 'runs in a real worker').toBe('worker');
      expect(r.hash, `${model}/${g.preset} at ${g.untilMs} ms`).toBe(g.hash);
    }
  });
}
