/**
 * Every model and experiment with its simulation code: imported by the worker, the Node CLI and
 * tests. The main thread imports `catalog.ts` instead.
 */
import type { AnyExperimentDef, AnyModelDef } from './core/types';
import { capExperiments } from './models/cap/experiments';
import { capModel } from './models/cap/model';
import { hashringExperiments } from './models/hashring/experiments';
import { hashringModel } from './models/hashring/model';

export const MODELS: Record<string, AnyModelDef> = {
  hashring: hashringModel,
  cap: capModel,
};

export const EXPERIMENTS: Record<string, AnyExperimentDef> = Object.fromEntries(
  [...hashringExperiments, ...capExperiments].map((e) => [e.meta.id, e]),
);
