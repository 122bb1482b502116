/**
 * Every model's simulation code and experiments, loaded on demand: the worker only downloads the
 * models a page uses. Imported by the worker, the Node CLI and tests.
 */
import { experimentMeta } from './catalog';
import type { AnyExperimentDef, AnyModelDef } from './core/types';

export interface ModelModule {
  model: AnyModelDef;
  experiments: readonly AnyExperimentDef[];
}

const MODULES: Record<string, () => Promise<ModelModule>> = {
  hashring: () =>
    Promise.all([import('./models/hashring/model'), import('./models/hashring/experiments')]).then(
      ([m, e]) => ({ model: m.hashringModel, experiments: e.hashringExperiments }),
    ),
  raft: () =>
    Promise.all([import('./models/raft/model'), import('./models/raft/experiments')]).then(
      ([m, e]) => ({ model: m.raftModel, experiments: e.raftExperiments }),
    ),
  cap: () =>
    Promise.all([import('./models/cap/model'), import('./models/cap/experiments')]).then(
      ([m, e]) => ({ model: m.capModel, experiments: e.capExperiments }),
    ),
  stampede: () =>
    Promise.all([import('./models/stampede/model'), import('./models/stampede/experiments')]).then(
      ([m, e]) => ({ model: m.stampedeModel, experiments: e.stampedeExperiments }),
    ),
};

/** The model with this id, or undefined if there is none. */
export function loadModel(id: string): Promise<AnyModelDef | undefined> {
  const load = Object.hasOwn(MODULES, id) ? MODULES[id] : undefined;
  return load ? load().then((m) => m.model) : Promise.resolve(undefined);
}

/** The experiment with this id, or undefined if there is none. */
export function loadExperiment(id: string): Promise<AnyExperimentDef | undefined> {
  const meta = experimentMeta(id);
  const load = meta && Object.hasOwn(MODULES, meta.model) ? MODULES[meta.model] : undefined;
  if (!load) return Promise.resolve(undefined);
  return load().then((m) => m.experiments.find((e) => e.meta.id === id));
}
