/**
 * What the main thread knows about the consistent-hashing model: params, actions, presets,
 * metrics and experiments. No simulation code here.
 */
import type { MetricMeta, ModelMeta } from '../../core/types';
import { balanceMeta, rebalanceMeta } from './experimentsMeta';
import { hashringActionArgs as args, hashringParams } from './params';
import { hashringPresets } from './presets';

export { STRATEGY_IDS, type StrategyId, type HashringParams } from './params';

const metrics: MetricMeta[] = [
  { id: 'keys', label: 'Keys' },
  { id: 'nodes', label: 'Nodes' },
  { id: 'cv', label: 'CV of keys per node', digits: 3, chart: true },
  { id: 'maxOverMean', label: 'Busiest node / mean', digits: 2, chart: true },
  { id: 'moved', label: 'Keys moved by the last change' },
  { id: 'movedFraction', label: 'Moved by the last change', percent: true, digits: 1 },
  { id: 'moduloMoved', label: 'hash % N would have moved' },
  { id: 'moduloMovedFraction', label: 'hash % N would have moved', percent: true, digits: 1 },
  {
    id: 'hottestNodeShare',
    label: 'Requests to the busiest node',
    percent: true,
    digits: 1,
    chart: true,
  },
  { id: 'requestsPerSec', label: 'Requests', unit: 'requests/s', digits: 0, chart: true },
  { id: 'capacity', label: 'Capacity per node (bounded)', unit: 'keys' },
];

/** The consistent-hashing model, as the main thread sees it. */
export const hashringMeta: ModelMeta = {
  id: 'hashring',
  title: 'Consistent hashing',
  summary:
    'Place keys on nodes with a hash ring, virtual nodes, jump hash, rendezvous hashing or bounded loads, then add and remove nodes and watch how few keys move compared with hash % N.',
  params: hashringParams,
  actions: {
    addNode: {
      label: 'Add a node',
      description: 'A new node joins with the next unused id and takes over the keys it now owns.',
      args: args.addNode,
    },
    removeNode: {
      label: 'Remove a node',
      description: 'The node leaves; its keys go to their next owners.',
      args: args.removeNode,
    },
    setVnodes: {
      label: 'Set virtual nodes',
      description: 'Rebuilds the ring with this many positions per node.',
      args: args.setVnodes,
    },
    addKeys: {
      label: 'Add keys',
      description: 'Stores more keys (numbered after the existing ones).',
      args: args.addKeys,
    },
    setSkew: {
      label: 'Set hot-key skew',
      description: 'Changes how concentrated requests are on a few keys.',
      args: args.setSkew,
    },
    setWeight: {
      label: 'Set a node’s weight',
      description: 'A node with weight 2 should hold twice the keys of a node with weight 1.',
      args: args.setWeight,
    },
  },
  presets: hashringPresets,
  metrics,
  experiments: [balanceMeta, rebalanceMeta],
};
