/**
 * Every model and experiment with its simulation code: imported by the worker, the Node CLI and
 * tests. The main thread imports `catalog.ts` instead.
 */
import type { AnyExperimentDef, AnyModelDef } from './core/types';
import { hashringExperiments } from './models/hashring/experiments';
import { hashringModel } from './models/hashring/model';
import { raftExperiments } from './models/raft/experiments';
import { raftModel } from './models/raft/model';

export const MODELS: Record<string, AnyModelDef> = {
  hashring: hashringModel,
  raft: raftModel,
};

export const EXPERIMENTS: Record<string, AnyExperimentDef> = Object.fromEntries(
  [...hashringExperiments, ...raftExperiments].map((e) => [e.meta.id, e]),
);
