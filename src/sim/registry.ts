/**
 * Every model and experiment with its simulation code: imported by the worker, the Node CLI and
 * tests. The main thread imports `catalog.ts` instead.
 */
import type { AnyExperimentDef, AnyModelDef } from './core/types';
import { hashringExperiments } from './models/hashring/experiments';
import { hashringModel } from './models/hashring/model';
import { stampedeExperiments } from './models/stampede/experiments';
import { stampedeModel } from './models/stampede/model';

export const MODELS: Record<string, AnyModelDef> = {
  hashring: hashringModel,
  stampede: stampedeModel,
};

export const EXPERIMENTS: Record<string, AnyExperimentDef> = Object.fromEntries(
  [...hashringExperiments, ...stampedeExperiments].map((e) => [e.meta.id, e]),
);
