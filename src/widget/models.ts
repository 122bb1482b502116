/** The page's view of the models and experiments: JSON built from their schemas (no zod). */
import { EXPERIMENTS, loadModelInfo, MODEL_IDS, MODELS } from 'virtual:catalog';
import type { ExperimentInfo, ModelInfo } from '../sim/core/info';

export const MODEL_INFOS: readonly ModelInfo[] = MODELS;
export const EXPERIMENT_INFOS: readonly ExperimentInfo[] = EXPERIMENTS;

export const modelInfo = (id: string): ModelInfo | undefined => MODELS.find((m) => m.id === id);
export const experimentInfo = (id: string): ExperimentInfo | undefined =>
  EXPERIMENTS.find((e) => e.id === id);
export const modelIds = (): string[] => [...MODEL_IDS];
/**
 * Resolves once `modelInfo(id)` is available (at once in the app; the embed fetches each model's
 * description on demand). False for an unknown model.
 */
export const ensureModelInfo = (id: string): Promise<boolean> => loadModelInfo(id);
