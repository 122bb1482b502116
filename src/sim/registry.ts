/**
 * Every model's simulation code and experiments, loaded on demand: the worker only downloads the
 * models a page uses. Imported by the worker, the Node CLI and tests. The models are those of the
 * model list (`modelList.ts`); each folder exports `<id>Model` from `model.ts` and `<id>Experiments`
 * from `experiments.ts`.
 */
import { experimentMeta } from './catalog';
import type { AnyExperimentDef, AnyModelDef } from './core/types';
import { MODEL_IDS } from './modelList';

export interface ModelModule {
  model: AnyModelDef;
  experiments: readonly AnyExperimentDef[];
}

/** A model folder's two modules; the bundler makes a chunk of each folder's files. */
function loadModule(id: string): Promise<ModelModule> {
  type Exports<T> = Record<string, T | undefined>;
  return Promise.all([
    import(`./models/${id}/model.ts`) as Promise<Exports<AnyModelDef>>,
    import(`./models/${id}/experiments.ts`) as Promise<Exports<AnyExperimentDef[]>>,
  ]).then(([m, e]) => {
    const model = m[`${id}Model`];
    const experiments = e[`${id}Experiments`];
    if (!model || !experiments)
      throw new Error(`src/sim/models/${id} must export ${id}Model and ${id}Experiments`);
    return { model, experiments };
  });
}

const own = (id: string): boolean => MODEL_IDS.includes(id);

/** The model with this id, or undefined if there is none. */
export function loadModel(id: string): Promise<AnyModelDef | undefined> {
  return own(id) ? loadModule(id).then((m) => m.model) : Promise.resolve(undefined);
}

/** The experiment with this id, or undefined if there is none. */
export function loadExperiment(id: string): Promise<AnyExperimentDef | undefined> {
  const meta = experimentMeta(id);
  if (!meta || !own(meta.model)) return Promise.resolve(undefined);
  return loadModule(meta.model).then((m) => m.experiments.find((e) => e.meta.id === id));
}
