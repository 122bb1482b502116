/**
 * Golden determinism values: for each preset, the trace hash and a digest of the metrics after
 * running to `atMs`. Node tests check them (golden.test.ts) and the browser suite checks the same
 * table, so a run is bit-identical across engines. Regenerate with
 * `UPDATE_GOLDEN=1 npx vitest run src/sim/models/hashring/golden.test.ts` only when a change is
 * meant to alter runs.
 */
import { hashString } from '../../core/hash';
import golden from './golden.json';

export interface GoldenEntry {
  /** `Sim.traceHash()`: every event and log line. */
  trace: string;
  /** `metricsDigest(sim.metrics())`: pins request routing, which writes no log lines. */
  metrics: string;
}

export interface GoldenTable {
  atMs: number;
  presets: Record<string, GoldenEntry>;
}

/** Presets and the virtual time at which their golden values are taken (after every preset input). */
export const HASHRING_GOLDEN_AT_MS = 15_000;

/** The pinned values, by preset id. */
export const hashringGolden: GoldenTable = golden;

/**
 * A digest of metrics with values at 12 significant digits: identical arithmetic gives identical
 * digits in every engine, while the rounding absorbs last-bit differences in Math.pow and
 * Math.log, which engines may implement differently.
 */
export function metricsDigest(metrics: Record<string, number>): string {
  const text = Object.keys(metrics)
    .sort()
    .map((k) => `${k}=${metrics[k]!.toPrecision(12)}`)
    .join(';');
  return hashString(text);
}
