/**
 * `virtual:catalog`: every model's and experiment's description as plain JSON (JSON Schema for
 * params and action arguments), generated from the zod metas at build time so the page ships no
 * zod. Editing a meta file restarts the dev server (it is a config dependency).
 *
 * With `{ split: true }` (the embed build) `MODELS` starts empty and each model's description is
 * its own chunk, fetched by `loadModelInfo(id)` before a widget of that model renders: the embed's
 * first download then carries no model data and does not grow as models are added.
 */
import type { Plugin } from 'vite';
import { EXPERIMENT_METAS, MODEL_METAS } from '../../src/sim/catalog';
import { experimentInfo, modelInfo } from '../../src/sim/core/info';

const VIRTUAL = 'virtual:catalog';
const RESOLVED = `\0${VIRTUAL}`;
const PER_MODEL = 'virtual:catalog-model/';

export function catalogPlugin(options: { split?: boolean } = {}): Plugin {
  return {
    name: 'ds-playground-catalog',
    resolveId: (id) => (id === VIRTUAL ? RESOLVED : id.startsWith(PER_MODEL) ? `\0${id}.js` : null),
    load(id) {
      const ids = JSON.stringify(MODEL_METAS.map((m) => m.id));
      if (id.startsWith(`\0${PER_MODEL}`)) {
        const modelId = id.slice(PER_MODEL.length + 1, -3);
        const meta = MODEL_METAS.find((m) => m.id === modelId);
        return meta ? `export default ${JSON.stringify(modelInfo(meta))};\n` : null;
      }
      if (id !== RESOLVED) return null;
      if (options.split) {
        const loaders = MODEL_METAS.map(
          (m) => `${JSON.stringify(m.id)}: () => import(${JSON.stringify(PER_MODEL + m.id)})`,
        ).join(',\n  ');
        return `export const MODEL_IDS = ${ids};
export const MODELS = [];
export const EXPERIMENTS = [];
const loaders = {\n  ${loaders}\n};
export async function loadModelInfo(id) {
  if (MODELS.some((m) => m.id === id)) return true;
  const load = Object.hasOwn(loaders, id) ? loaders[id] : undefined;
  if (!load) return false;
  const info = (await load()).default;
  if (!MODELS.some((m) => m.id === id)) MODELS.push(info);
  return true;
}
`;
      }
      const models = MODEL_METAS.map(modelInfo);
      const experiments = EXPERIMENT_METAS.map(experimentInfo);
      return `export const MODEL_IDS = ${ids};
export const MODELS = ${JSON.stringify(models)};
export const EXPERIMENTS = ${JSON.stringify(experiments)};
export const loadModelInfo = async (id) => MODELS.some((m) => m.id === id);
`;
    },
  };
}
