/** The hashring params schema: what a scenario may set, and what the params panel shows. */
import { z } from 'zod';
import { HASH_IDS } from '../../core/hash';

export const STRATEGY_IDS = ['ring', 'modulo', 'jump', 'rendezvous', 'bounded'] as const;
export type StrategyId = (typeof STRATEGY_IDS)[number];

/** Node ids run 0..63 (scenario node ids share this bound), so at most 64 nodes live at once. */
export const MAX_NODES = 64;
export const MAX_KEYS = 100_000;
export const MAX_VNODES = 1000;

export const strategySchema = z.enum(STRATEGY_IDS).meta({
  title: 'Strategy',
  description:
    'How keys find nodes: ring (consistent hashing), modulo (hash % N), jump (Lamping & Veach), rendezvous (highest random weight), bounded (ring with a capacity per node).',
});
export const hashSchema = z.enum(HASH_IDS).meta({
  title: 'Hash function',
  description: 'The 32-bit hash that places keys and vnodes on the ring.',
});
export const epsilonSchema = z.number().min(0.01).max(3).meta({
  title: 'Load slack ε',
  description: 'Bounded loads: no node takes more than ceil((1 + ε) × keys / nodes) keys.',
  step: 0.01,
});

export const hashringParams = z.strictObject({
  strategy: strategySchema.default('ring'),
  hash: hashSchema.default('xxhash32'),
  nodes: z.number().int().min(1).max(MAX_NODES).default(4).meta({
    title: 'Nodes',
    description: 'Physical nodes at the start (add and remove more while it runs).',
    unit: 'nodes',
    step: 1,
  }),
  vnodes: z.number().int().min(1).max(MAX_VNODES).default(8).meta({
    title: 'Virtual nodes',
    description: 'Ring positions per node (scaled by its weight). More vnodes even out the load.',
    unit: 'vnodes per node',
    step: 1,
    scale: 'log',
  }),
  replicas: z.number().int().min(1).max(5).default(3).meta({
    title: 'Replicas (N)',
    description: 'How many distinct nodes hold each key: its preference list.',
    unit: 'nodes',
    step: 1,
  }),
  keys: z.number().int().min(0).max(MAX_KEYS).default(2000).meta({
    title: 'Keys',
    description: 'Keys stored, numbered 0 to keys - 1; each sits at the hash of its number.',
    unit: 'keys',
    step: 100,
  }),
  zipfS: z.number().min(0).max(3).default(0).meta({
    title: 'Hot-key skew',
    description:
      'Zipf exponent of the request stream: 0 is uniform, 1 or more sends most requests to a few keys.',
    step: 0.1,
  }),
  epsilon: epsilonSchema.default(0.25),
  requestRate: z.number().int().min(0).max(100_000).default(500).meta({
    title: 'Request rate',
    description: 'Requests per second routed to the owners of the requested keys.',
    unit: 'requests/s',
    step: 100,
  }),
});

export type HashringParams = z.output<typeof hashringParams>;

const nodeArg = z
  .number()
  .int()
  .min(0)
  .max(MAX_NODES - 1)
  .meta({ title: 'Node', description: 'The node id (N3 is 3).' });
const weightArg = z.number().min(0.1).max(10).meta({
  title: 'Weight',
  description: 'Relative capacity: scales the node’s vnodes (ring, bounded) or score (rendezvous).',
  step: 0.1,
});

/** Args schemas of the hashring actions. */
export const hashringActionArgs = {
  addNode: z.strictObject({ weight: weightArg.optional() }),
  removeNode: z.strictObject({ node: nodeArg }),
  setVnodes: z.strictObject({
    vnodes: z
      .number()
      .int()
      .min(1)
      .max(MAX_VNODES)
      .meta({ title: 'Virtual nodes', unit: 'vnodes per node', scale: 'log' }),
  }),
  addKeys: z.strictObject({
    count: z
      .number()
      .int()
      .min(1)
      .max(MAX_KEYS)
      .meta({ title: 'Keys to add', unit: 'keys', step: 100 }),
  }),
  setSkew: z.strictObject({
    zipfS: z.number().min(0).max(3).meta({ title: 'Hot-key skew', step: 0.1 }),
  }),
  setWeight: z.strictObject({ node: nodeArg, weight: weightArg }),
};
