/**
 * Every model's metadata: schemas, actions, presets, metrics and experiment descriptions, but no
 * simulation code (that is loaded per model through `registry.ts`). The page gets a JSON form of
 * this at build time (scripts/vite/catalog-plugin.ts).
 * Adding a model: one line here, one in `registry.ts`, one in `src/views/registry.ts`.
 */
import type { Catalog } from './core/scenario';
import type { ExperimentMeta, ModelMeta } from './core/types';
import { capMeta } from './models/cap/meta';
import { hashringMeta } from './models/hashring/meta';
import { raftMeta } from './models/raft/meta';
import { stampedeMeta } from './models/stampede/meta';

export const MODEL_METAS: readonly ModelMeta[] = [hashringMeta, raftMeta, stampedeMeta, capMeta];

export const modelIds = (): string[] => MODEL_METAS.map((m) => m.id);

export const catalog: Catalog = (id) => MODEL_METAS.find((m) => m.id === id);

export const EXPERIMENT_METAS: readonly ExperimentMeta[] = MODEL_METAS.flatMap(
  (m) => m.experiments,
);

export const experimentMeta = (id: string): ExperimentMeta | undefined =>
  EXPERIMENT_METAS.find((e) => e.id === id);
