/**
 * Golden trace hashes: for every model of the model list, `src/sim/models/<id>/golden.json` pins
 * each preset's trace hash (`Sim.traceHash()`: every event, log line and the metrics) at a fixed
 * virtual time. The Node suite (`goldenSuite.ts`, run by golden.test.ts) recomputes them, and the
 * browser suite (e2e/determinism.spec.ts) recomputes the same list in a real simulation worker,
 * so the same scenario is shown to give the same run in Node and in the browser.
 *
 * One format for every model:
 *   { "atMs": 10000, "traces": { "<preset id>": "<trace hash>", ... } }
 * Node only (it reads the files): tests, e2e and scripts import it, never the app.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Scenario } from './core/types';
import { MODEL_IDS, MODEL_METAS } from './modelList';

export interface GoldenTable {
  /** The virtual time at which every preset's trace hash is taken (after its inputs). */
  atMs: number;
  /** Preset id -> trace hash, in preset order. */
  traces: Record<string, string>;
}

export interface GoldenCase {
  model: string;
  preset: string;
  untilMs: number;
  trace: string;
}

/** Where a model's golden table lives. */
export const goldenUrl = (model: string): URL =>
  new URL(`./models/${model}/golden.json`, import.meta.url);

/** A model's golden table, or undefined when it has none yet. */
export function readGolden(model: string): GoldenTable | undefined {
  const url = goldenUrl(model);
  return existsSync(url) ? (JSON.parse(readFileSync(url, 'utf8')) as GoldenTable) : undefined;
}

/** Every pinned case of every model in the list (models without a table add none). */
export const GOLDEN_CASES: GoldenCase[] = MODEL_IDS.flatMap((model) => {
  const table = readGolden(model);
  return Object.entries(table?.traces ?? {}).map(([preset, trace]) => ({
    model,
    preset,
    untilMs: table!.atMs,
    trace,
  }));
});

/** The raw scenario of a preset, exactly as a share link or lesson would carry it. */
export function presetRaw(model: string, preset: string): Scenario {
  const meta = MODEL_METAS.find((m) => m.id === model);
  const p = meta?.presets.find((x) => x.id === preset);
  if (!meta || !p) throw new Error(`no preset ${model}/${preset}`);
  return { model, params: p.params ?? {}, seed: p.seed ?? 1, inputs: p.inputs ?? [] };
}
