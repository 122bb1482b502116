/** The page's view of the models and experiments: JSON built from their schemas (no zod). */
import { EXPERIMENTS, MODELS } from 'virtual:catalog';
import type { ExperimentInfo, ModelInfo } from '../sim/core/info';

export const MODEL_INFOS: readonly ModelInfo[] = MODELS;
export const EXPERIMENT_INFOS: readonly ExperimentInfo[] = EXPERIMENTS;

export const modelInfo = (id: string): ModelInfo | undefined => MODELS.find((m) => m.id === id);
export const experimentInfo = (id: string): ExperimentInfo | undefined =>
  EXPERIMENTS.find((e) => e.id === id);
export const modelIds = (): string[] => MODELS.map((m) => m.id);
