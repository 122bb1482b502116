/**
 * Every model's golden trace hashes in one list: the Node tests pin them per model, and the
 * browser suite (e2e/determinism.spec.ts) recomputes each in a real simulation worker, so the
 * same scenario is shown to give the same run in Node and in the browser.
 */
import { MODEL_METAS } from './catalog';
import capGolden from './models/cap/golden.json' with { type: 'json' };
import hashringGolden from './models/hashring/golden.json' with { type: 'json' };
import raftGolden from './models/raft/golden.json' with { type: 'json' };
import stampedeGolden from './models/stampede/golden.json' with { type: 'json' };
import type { Scenario } from './core/types';

export interface GoldenCase {
  model: string;
  preset: string;
  untilMs: number;
  trace: string;
}

export const GOLDEN_CASES: GoldenCase[] = [
  ...Object.entries(hashringGolden.presets).map(([preset, g]) => ({
    model: 'hashring',
    preset,
    untilMs: hashringGolden.atMs,
    trace: g.trace,
  })),
  ...raftGolden.map((g) => ({
    model: 'raft',
    preset: g.preset,
    untilMs: g.untilMs,
    trace: g.hash,
  })),
  ...Object.entries(capGolden).map(([preset, g]) => ({
    model: 'cap',
    preset,
    untilMs: g.atMs,
    trace: g.traceHash,
  })),
  ...Object.entries(stampedeGolden.traces).map(([preset, trace]) => ({
    model: 'stampede',
    preset,
    untilMs: stampedeGolden.atMs,
    trace,
  })),
];

/** The raw scenario of a preset, exactly as a share link or lesson would carry it. */
export function presetRaw(model: string, preset: string): Scenario {
  const meta = MODEL_METAS.find((m) => m.id === model);
  const p = meta?.presets.find((x) => x.id === preset);
  if (!meta || !p) throw new Error(`no preset ${model}/${preset}`);
  return { model, params: p.params ?? {}, seed: p.seed ?? 1, inputs: p.inputs ?? [] };
}
