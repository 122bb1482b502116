// `virtual:catalog` for the validate benchmark in Node: every model's and experiment's JSON
// description, all loaded (the page loads them per model; the checks read them the same way).
import { EXPERIMENT_METAS, MODEL_METAS } from '../../../src/sim/catalog';
import { experimentInfo, modelInfo } from '../../../src/sim/core/info';

export const MODEL_IDS = MODEL_METAS.map((m) => m.id);
export const EXPERIMENT_IDS = EXPERIMENT_METAS.map((e) => e.id);
export const MODELS = MODEL_METAS.map(modelInfo);
export const EXPERIMENTS = EXPERIMENT_METAS.map(experimentInfo);
export const loadModelInfo = (id) => Promise.resolve(MODEL_IDS.includes(id));
export const loadExperimentInfo = (id) => Promise.resolve(EXPERIMENT_IDS.includes(id));
