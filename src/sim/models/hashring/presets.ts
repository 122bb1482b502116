/** Ready-made hashring scenarios, each a small lesson with timed inputs. */
import type { PresetMeta } from '../../core/types';

export const hashringPresets: PresetMeta[] = [
  {
    id: 'basic',
    title: 'A ring of four nodes',
    description:
      'Four nodes with one position each own very uneven arcs. At 3 s a fifth node joins and takes keys from one neighbour only; at 6 s N1 leaves and its keys go to the next node clockwise.',
    params: { nodes: 4, vnodes: 1, keys: 1000, replicas: 1 },
    inputs: [
      { at: 3000, action: 'addNode' },
      { at: 6000, action: 'removeNode', node: 1 },
    ],
  },
  {
    id: 'vnodes',
    title: 'Virtual nodes even out the load',
    description:
      'One position per node, then 10, then 100: the coefficient of variation of keys per node falls roughly as 1/√vnodes. At 6 s a node joins and takes a little from everyone.',
    params: { nodes: 4, vnodes: 1, keys: 5000, replicas: 1 },
    inputs: [
      { at: 2000, action: 'setVnodes', vnodes: 10 },
      { at: 4000, action: 'setVnodes', vnodes: 100 },
      { at: 6000, action: 'addNode' },
    ],
  },
  {
    id: 'big',
    title: '100,000 keys on 10 nodes × 100 vnodes',
    description:
      'A realistic ring. At 3 s an eleventh node joins: about 1/11 of the keys move, where hash % N would move 10/11.',
    params: { nodes: 10, vnodes: 100, keys: 100_000, requestRate: 5000, replicas: 3 },
    inputs: [{ at: 3000, action: 'addNode' }],
  },
  {
    id: 'replication',
    title: 'Replication: preference lists of N = 3',
    description:
      'Each key is stored on the first three distinct nodes clockwise (Dynamo’s preference list). At 4 s N2 leaves: every key it held gains a new replica further round the ring.',
    params: { nodes: 5, vnodes: 4, keys: 300, replicas: 3 },
    inputs: [
      { at: 4000, action: 'removeNode', node: 2 },
      { at: 7000, action: 'addNode' },
    ],
  },
  {
    id: 'hot-key',
    title: 'A hot key',
    description:
      'Keys are spread evenly, but requests follow a Zipf law: one node serves far more than its share. At 4 s a ninth node joins, and the hot key’s node stays hot. At 7 s the skew goes away.',
    params: { nodes: 8, vnodes: 100, keys: 10_000, zipfS: 1.2, requestRate: 5000, replicas: 1 },
    inputs: [
      { at: 4000, action: 'addNode' },
      { at: 7000, action: 'setSkew', zipfS: 0 },
    ],
  },
  {
    id: 'strategies',
    title: 'hash % N against consistent hashing',
    description:
      'Adding a node under hash % N moves most keys. Then the same change under a ring, jump hash and rendezvous hashing, each moving about 1/(n+1).',
    params: { nodes: 5, vnodes: 100, keys: 10_000, strategy: 'modulo', replicas: 1 },
    inputs: [
      { at: 2000, action: 'addNode' },
      { at: 4000, action: 'set', params: { strategy: 'ring' } },
      { at: 6000, action: 'addNode' },
      { at: 8000, action: 'set', params: { strategy: 'jump' } },
      { at: 10_000, action: 'addNode' },
      { at: 12_000, action: 'set', params: { strategy: 'rendezvous' } },
      { at: 14_000, action: 'addNode' },
    ],
  },
  {
    id: 'bounded',
    title: 'Bounded loads',
    description:
      'One position per node would leave some nodes with twice the mean; a capacity of (1 + ε) × the mean sends the overflow onward. At 3 s ε shrinks to 0.05; at 6 s a node joins and keys cascade.',
    params: { nodes: 6, vnodes: 1, keys: 3000, strategy: 'bounded', epsilon: 0.25, replicas: 1 },
    inputs: [
      { at: 3000, action: 'set', params: { epsilon: 0.05 } },
      { at: 6000, action: 'addNode' },
    ],
  },
  {
    id: 'weights',
    title: 'Weighted nodes',
    description:
      'At 2 s N0 gets weight 3: three times the vnodes, about three times the keys. Only keys moving to N0 move.',
    params: { nodes: 4, vnodes: 50, keys: 5000, replicas: 1 },
    inputs: [
      { at: 2000, action: 'setWeight', node: 0, weight: 3 },
      { at: 5000, action: 'addNode', weight: 0.5 },
    ],
  },
];
