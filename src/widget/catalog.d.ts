declare module 'virtual:catalog' {
  import type { ExperimentInfo, ModelInfo } from '../sim/core/info';
  export const MODELS: ModelInfo[];
  export const EXPERIMENTS: ExperimentInfo[];
}
