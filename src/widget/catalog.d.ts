declare module 'virtual:catalog' {
  import type { ExperimentInfo, ModelInfo } from '../sim/core/info';
  export const MODEL_IDS: string[];
  /** Every model in the app; in the embed build, the models loaded so far. */
  export const MODELS: ModelInfo[];
  export const EXPERIMENTS: ExperimentInfo[];
  /** Makes `id`'s description available in MODELS; false for an unknown model. */
  export function loadModelInfo(id: string): Promise<boolean>;
}
