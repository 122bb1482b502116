/**
 * `virtual:catalog`: every model's and experiment's description as plain JSON (JSON Schema for
 * params and action arguments), generated from the zod metas at build time so the page ships no
 * zod. Editing a meta file restarts the dev server (it is a config dependency).
 */
import type { Plugin } from 'vite';
import { EXPERIMENT_METAS, MODEL_METAS } from '../../src/sim/catalog';
import { experimentInfo, modelInfo } from '../../src/sim/core/info';

const VIRTUAL = 'virtual:catalog';
const RESOLVED = `\0${VIRTUAL}`;

export function catalogPlugin(): Plugin {
  return {
    name: 'ds-playground-catalog',
    resolveId: (id) => (id === VIRTUAL ? RESOLVED : null),
    load(id) {
      if (id !== RESOLVED) return null;
      const models = MODEL_METAS.map(modelInfo);
      const experiments = EXPERIMENT_METAS.map(experimentInfo);
      return `export const MODELS = ${JSON.stringify(models)};\nexport const EXPERIMENTS = ${JSON.stringify(experiments)};\n`;
    },
  };
}
