/**
 * The page's view of the models and experiments: JSON built from their schemas (no zod). Each
 * model's description, and its experiments', is a small chunk of its own that loads on demand:
 * whatever reads them (a page, a lesson, the embed element) awaits `ensure…` first, and the sync
 * getters below then answer. Until then `modelInfo(id)` is undefined even for a known model.
 */
import {
  EXPERIMENT_IDS,
  EXPERIMENTS,
  loadExperimentInfo,
  loadModelInfo,
  MODEL_IDS,
  MODELS,
} from 'virtual:catalog';
import type { ExperimentInfo, ModelInfo } from '../sim/core/info';

/** The models loaded so far (every model, after `ensureAllModelInfo`), in catalog order. */
export const MODEL_INFOS: readonly ModelInfo[] = MODELS;
/** The experiments loaded so far (all of them, after `ensureAllExperimentInfo`). */
export const EXPERIMENT_INFOS: readonly ExperimentInfo[] = EXPERIMENTS;

export const modelInfo = (id: string): ModelInfo | undefined => MODELS.find((m) => m.id === id);
export const experimentInfo = (id: string): ExperimentInfo | undefined =>
  EXPERIMENTS.find((e) => e.id === id);
/** Every model's id, loaded or not. */
export const modelIds = (): string[] => [...MODEL_IDS];

/** Resolves once `modelInfo(id)` is available; false for an unknown model. */
export const ensureModelInfo = (id: string): Promise<boolean> => loadModelInfo(id);
/** Resolves once `experimentInfo(id)` is available; false for an unknown experiment. */
export const ensureExperimentInfo = (id: string): Promise<boolean> => loadExperimentInfo(id);
export const ensureAllModelInfo = async (): Promise<void> => {
  await Promise.all(MODEL_IDS.map(loadModelInfo));
};
export const ensureAllExperimentInfo = async (): Promise<void> => {
  await Promise.all(EXPERIMENT_IDS.map(loadExperimentInfo));
};
