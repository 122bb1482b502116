/**
 * What the page needs to know about the token ring: params, actions, presets and metrics. No
 * simulation code.
 */
import { z } from 'zod';
import { networkParams } from '../../core/netParams';
import type { ModelMeta, PresetMeta } from '../../core/types';

const node = z.number().int().min(0).max(8).meta({ title: 'Node', description: 'N1 is 0.' });

export const tokenringParams = z.strictObject({
  nodes: z
    .number()
    .int()
    .min(3)
    .max(9)
    .default(5)
    .meta({ title: 'Nodes', description: 'Nodes N1..Nn on the ring.' }),
  holdMs: z.number().int().min(10).max(2000).default(200).meta({
    title: 'Hold time',
    description: 'How long a node keeps the token (its turn) before passing it on.',
    unit: 'ms',
  }),
  timeoutMs: z
    .number()
    .int()
    .min(100)
    .max(20000)
    .default(2000)
    .meta({
      title: 'Token timeout',
      description:
        'N1 makes a new token after this long without seeing one, N2 after twice as long, and so ' +
        'on: the lowest node that is up goes first. Should exceed one trip round the ring.',
      unit: 'ms',
    }),
  ...networkParams({ minMs: 20, maxMs: 60, minMsLimit: 1000, maxMsLimit: 2000 }),
});

const CUT = {
  at: 2000,
  action: 'partition',
  groups: [
    [0, 1],
    [2, 3, 4],
  ],
};

export const tokenringPresets: PresetMeta[] = [
  {
    id: 'steady',
    title: 'One token goes round',
    description:
      'Five nodes pass one token clockwise; each keeps it 200 ms. Nothing fails: every node gets ' +
      'its turn once per trip round the ring.',
  },
  {
    id: 'holder-crash',
    title: 'The holder crashes',
    description:
      'At 3 s the node holding the token crashes and the token is gone with it. Nobody can tell ' +
      'at once; N1 makes a new token (generation 2) when its timeout runs out. The crashed node ' +
      'restarts at 8 s and is taken back into the ring.',
    inputs: [
      { at: 3000, action: 'crash' },
      { at: 8000, action: 'restart' },
    ],
  },
  {
    id: 'partition',
    title: 'A partition makes two tokens',
    description:
      'At 2 s the network cuts N1 and N2 off from N3, N4 and N5. The side without the token ' +
      'times out and makes its own: two tokens, one per side. After the heal at 9 s the older ' +
      'generation is discarded where it meets a node that has seen the newer one.',
    inputs: [CUT, { at: 9000, action: 'heal' }],
  },
  {
    id: 'short-timeout',
    title: 'A timeout shorter than a trip',
    description:
      'The token timeout (600 ms) is shorter than one trip round the ring (about 1.2 s): N1 ' +
      'cannot tell a slow token from a lost one and keeps making new ones that race the old.',
    params: { timeoutMs: 600 },
  },
];

export const tokenringMeta: ModelMeta = {
  id: 'tokenring',
  title: 'Token ring: losing and regenerating the token',
  summary:
    'Nodes on a ring take turns by passing one token. A crash or a partition loses it; a timeout ' +
    'makes a new one, numbered by generation so stale tokens are thrown away. The classic ' +
    'token-loss scheme (after Le Lann, 1977), kept small: not a full ring protocol.',
  params: tokenringParams,
  network: true,
  actions: {
    crash: {
      label: 'Crash a node',
      description:
        'It stops; a token it holds is gone. Without a node, crashes the holder (or, while the token is in flight, the node it is going to, once it takes it).',
      args: z.strictObject({ node: node.optional() }),
    },
    restart: {
      label: 'Restart a node',
      description:
        'It comes back remembering only the newest generation it saw. Without a node, restarts the one crashed last.',
      args: z.strictObject({ node: node.optional() }),
    },
    loseToken: {
      label: 'Lose the token',
      description: 'The node holding the token loses it (a bug, a reboot between two writes).',
      args: z.strictObject({}),
    },
  },
  presets: tokenringPresets,
  metrics: [
    { id: 'holders', label: 'Nodes holding a token', chart: true },
    { id: 'generation', label: 'Newest generation', chart: true },
    { id: 'regenerations', label: 'Tokens made by a timeout' },
    { id: 'passes', label: 'Token passes' },
    { id: 'discarded', label: 'Stale tokens discarded' },
    { id: 'sinceTokenMs', label: 'Time since a node took a token', unit: 'ms', chart: true },
  ],
  experiments: [],
};
