/** Descriptions of the hashring experiments (no simulation code: the main thread imports these). */
import { z } from 'zod';
import { seedSchema } from '../../core/scenario';
import type { ExperimentMeta } from '../../core/types';
import { epsilonSchema, hashSchema, strategySchema } from './params';

const common = {
  nodes: z
    .number()
    .int()
    .min(1)
    .max(1000)
    .default(10)
    .meta({ title: 'Nodes', unit: 'nodes', step: 1, scale: 'log' }),
  vnodes: z.number().int().min(1).max(1000).default(100).meta({
    title: 'Virtual nodes',
    description: 'Ring positions per node.',
    unit: 'vnodes per node',
    step: 1,
    scale: 'log',
  }),
  keys: z
    .number()
    .int()
    .min(1)
    .max(10_000_000)
    .default(100_000)
    .meta({ title: 'Keys', unit: 'keys', scale: 'log' }),
  hash: hashSchema.default('xxhash32'),
  strategy: strategySchema.default('ring'),
  epsilon: epsilonSchema.default(0.25),
  seed: seedSchema
    .default(1)
    .meta({ title: 'Seed', description: 'Places the keys and the vnodes.' }),
};

export const balanceParams = z.strictObject({
  ...common,
  seeds: z.number().int().min(1).max(50).default(1).meta({
    title: 'Seeds',
    description:
      'Rings to build, with seeds seed, seed + 1, ...: the CV is their mean, with the lowest and highest beside it.',
    step: 1,
  }),
});
export type BalanceParams = z.output<typeof balanceParams>;

export const rebalanceParams = z.strictObject({
  ...common,
  op: z.enum(['add', 'remove']).default('add').meta({
    title: 'Change',
    description:
      'Add node n, or remove the highest-numbered node (the one removal jump hash supports).',
  }),
});
export type RebalanceParams = z.output<typeof rebalanceParams>;

/** Result of hashring-balance: keys per physical node and how even that is. */
export interface BalanceResult {
  /** Keys per node of the first seed's ring. */
  loads: number[];
  mean: number;
  /** Mean over the seeds of each ring's CV (and of max/mean, min/mean). */
  cv: number;
  /** The spread of the CV over the seeds (equal to cv with one seed). */
  cvLowest: number;
  cvHighest: number;
  maxOverMean: number;
  minOverMean: number;
  /** Bounded loads only: the per-node capacity (0 for other strategies). */
  capacity: number;
}

/** Result of hashring-rebalance: how many keys one membership change moved. */
export interface RebalanceResult {
  keys: number;
  moved: number;
  movedFraction: number;
  /** What a perfect scheme moves: 1/(n+1) of keys on add, 1/n on remove. */
  idealFraction: number;
  moduloMovedFraction: number;
}

export const balanceMeta: ExperimentMeta = {
  id: 'hashring-balance',
  model: 'hashring',
  title: 'Balance: keys per node as virtual nodes grow',
  description:
    'Places keys on nodes and measures how uneven the load is (coefficient of variation of keys per node). With one position per node, some nodes own arcs several times the average; with hundreds of vnodes the arcs average out.',
  params: balanceParams,
  chart: {
    kind: 'xy',
    y: 'cv',
    yLabel: 'CV of keys per node',
    logX: true,
    band: { low: 'cvLowest', high: 'cvHighest', label: 'lowest to highest CV over the seeds' },
  },
  sweep: { param: 'vnodes', values: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000] },
  summary: [
    { field: 'cv', label: 'CV', digits: 3 },
    { field: 'cvLowest', label: 'Lowest CV', digits: 3 },
    { field: 'cvHighest', label: 'Highest CV', digits: 3 },
    { field: 'maxOverMean', label: 'Max / mean', digits: 2 },
    { field: 'minOverMean', label: 'Min / mean', digits: 2 },
    { field: 'mean', label: 'Mean keys per node', digits: 0 },
  ],
  toRows(result) {
    const r = result as BalanceResult;
    return r.loads.map((keys, node) => ({ node, keys, share: r.mean > 0 ? keys / r.mean : 0 }));
  },
};

export const rebalanceMeta: ExperimentMeta = {
  id: 'hashring-rebalance',
  model: 'hashring',
  title: 'Rebalance: keys moved by one membership change',
  description:
    'Adds or removes one node and counts the keys whose owner changed. Consistent schemes move about 1/(n+1) of the keys; hash % N moves almost all of them.',
  params: rebalanceParams,
  chart: { kind: 'bars', field: 'movedFraction', yLabel: 'Fraction of keys moved' },
  sweep: { param: 'strategy', values: ['ring', 'modulo', 'jump', 'rendezvous', 'bounded'] },
  summary: [
    { field: 'movedFraction', label: 'Moved', percent: true, digits: 1 },
    { field: 'idealFraction', label: 'Ideal', percent: true, digits: 1 },
    { field: 'moduloMovedFraction', label: 'hash % N moves', percent: true, digits: 1 },
    { field: 'moved', label: 'Keys moved', digits: 0 },
  ],
  toRows(result) {
    const r = result as RebalanceResult;
    return [{ ...r }];
  },
};
