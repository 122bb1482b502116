/**
 * `virtual:catalog`: every model's and experiment's description as plain JSON (JSON Schema for
 * params and action arguments), generated from the zod metas at build time so the page ships no
 * zod. Editing a meta file restarts the dev server (it is a config dependency).
 *
 * `MODELS` and `EXPERIMENTS` start empty. Each model's description is its own chunk, and so are
 * its experiments' descriptions, fetched by `loadModelInfo(id)` and `loadExperimentInfo(id)`
 * before anything of that model renders: a page downloads only the models it shows (a lesson page
 * one, the embed's first download none), and that does not grow as models are added. A build
 * that never calls `loadExperimentInfo` (the embed) emits no experiment chunks.
 */
import type { Plugin } from 'vite';
import { MODEL_METAS } from '../../src/sim/catalog';
import { experimentInfo, modelInfo } from '../../src/sim/core/info';

const VIRTUAL = 'virtual:catalog';
const RESOLVED = `\0${VIRTUAL}`;
const PER_MODEL = 'virtual:catalog-model/';
const PER_MODEL_EXPERIMENTS = 'virtual:catalog-experiments/';
const PARTS = [PER_MODEL, PER_MODEL_EXPERIMENTS];

/** The catalog module: ids in catalog order, and a loader per model for each kind of part. */
function catalogModule(): string {
  const json = JSON.stringify;
  const loaders = (prefix: string) =>
    MODEL_METAS.map((m) => `${json(m.id)}: () => import(${json(prefix + m.id)})`).join(',\n  ');
  const experimentModels = Object.fromEntries(
    MODEL_METAS.flatMap((m) => m.experiments.map((e) => [e.id, m.id])),
  );
  return `export const MODEL_IDS = ${json(MODEL_METAS.map((m) => m.id))};
export const EXPERIMENT_IDS = ${json(Object.keys(experimentModels))};
export const MODELS = [];
export const EXPERIMENTS = [];
const own = (o, k) => (Object.hasOwn(o, k) ? o[k] : undefined);
// Kept in catalog order whatever order they load in: lists and menus show them that way.
const add = (list, ids, infos) => {
  for (const info of infos) if (!list.some((x) => x.id === info.id)) list.push(info);
  list.sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id));
};
const modelLoaders = {\n  ${loaders(PER_MODEL)}\n};
export async function loadModelInfo(id) {
  if (MODELS.some((m) => m.id === id)) return true;
  const load = own(modelLoaders, id);
  if (!load) return false;
  add(MODELS, MODEL_IDS, [(await load()).default]);
  return true;
}
const experimentModels = ${json(experimentModels)};
const experimentLoaders = {\n  ${loaders(PER_MODEL_EXPERIMENTS)}\n};
export async function loadExperimentInfo(id) {
  if (EXPERIMENTS.some((e) => e.id === id)) return true;
  const model = own(experimentModels, id);
  if (!model) return false;
  add(EXPERIMENTS, EXPERIMENT_IDS, (await experimentLoaders[model]()).default);
  return true;
}
`;
}

export function catalogPlugin(): Plugin {
  return {
    name: 'ds-playground-catalog',
    resolveId: (id) =>
      id === VIRTUAL ? RESOLVED : PARTS.some((p) => id.startsWith(p)) ? `\0${id}.js` : null,
    load(id) {
      if (id === RESOLVED) return catalogModule();
      const part = PARTS.find((p) => id.startsWith(`\0${p}`));
      if (!part) return null;
      const meta = MODEL_METAS.find((m) => m.id === id.slice(part.length + 1, -3));
      if (!meta) return null;
      const info = part === PER_MODEL ? modelInfo(meta) : meta.experiments.map(experimentInfo);
      return `export default ${JSON.stringify(info)};\n`;
    },
  };
}
