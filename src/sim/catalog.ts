/**
 * Every model's metadata: schemas, actions, presets, metrics and experiment descriptions, but no
 * simulation code (that is loaded per model through `registry.ts`). The page gets a JSON form of
 * this at build time (scripts/vite/catalog-plugin.ts).
 * The models come from the model list (`modelList.ts`).
 */
import type { Catalog } from './core/scenario';
import type { ExperimentMeta } from './core/types';
import { MODEL_IDS, MODEL_METAS } from './modelList';

export { MODEL_METAS };

export const modelIds = (): string[] => [...MODEL_IDS];

export const catalog: Catalog = (id) => MODEL_METAS.find((m) => m.id === id);

export const EXPERIMENT_METAS: readonly ExperimentMeta[] = MODEL_METAS.flatMap(
  (m) => m.experiments,
);

export const experimentMeta = (id: string): ExperimentMeta | undefined =>
  EXPERIMENT_METAS.find((e) => e.id === id);
