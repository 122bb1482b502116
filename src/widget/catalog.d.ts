declare module 'virtual:catalog' {
  import type { ExperimentInfo, ModelInfo } from '../sim/core/info';
  /** Every model's id, in catalog order. */
  export const MODEL_IDS: string[];
  /** Every experiment's id, in catalog order. */
  export const EXPERIMENT_IDS: string[];
  /** The models loaded so far, in catalog order. */
  export const MODELS: ModelInfo[];
  /** The experiments loaded so far, in catalog order. */
  export const EXPERIMENTS: ExperimentInfo[];
  /** Makes `id`'s description available in MODELS; false for an unknown model. */
  export function loadModelInfo(id: string): Promise<boolean>;
  /** Makes `id`'s description (and its model's other experiments') available in EXPERIMENTS. */
  export function loadExperimentInfo(id: string): Promise<boolean>;
}
