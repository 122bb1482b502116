/** Preset scenarios of the Raft model: lessons and the playground open these. */
import type { PresetMeta } from '../../core/types';

export const raftPresets: PresetMeta[] = [
  {
    id: 'election',
    title: 'The first election',
    description:
      'Five followers start with random election timeouts; the first to time out asks the others for votes and, with a majority, becomes leader of term 1.',
    seed: 1,
  },
  {
    id: 'replication',
    title: 'Replicating client requests',
    description:
      'Clients send writes to the leader, which appends them and replicates them with AppendEntries; an entry commits once a majority stores it. A request sent to a follower is redirected.',
    params: { clientRateHz: 2 },
    seed: 1,
    inputs: [
      { at: 1000, action: 'request', key: 'x', value: 3 },
      { at: 2000, action: 'request', server: 2, key: 'y', value: 7 },
    ],
  },
  {
    id: 'leader-crash',
    title: 'The leader crashes',
    description:
      'The leader crashes; the followers stop hearing heartbeats, one times out, and a new leader is elected. The old leader restarts as a follower and catches up.',
    params: { clientRateHz: 1 },
    seed: 1,
    inputs: [
      { at: 2000, action: 'crash' },
      { at: 4500, action: 'restart' },
    ],
  },
  {
    id: 'split-vote',
    title: 'Split votes',
    description:
      'With nearly equal election timeouts, several followers become candidates at once and split the vote; nobody wins, and they try again with new random timeouts.',
    params: { timeoutMsMin: 150, timeoutMsMax: 170 },
    seed: 5,
  },
  {
    id: 'minority-leader',
    title: 'A leader in the minority',
    description:
      'A partition leaves the leader with one follower. Its new entries cannot reach a majority and never commit, while the other three elect a new leader. When the network heals, the old leader steps down and its uncommitted entries are replaced.',
    seed: 1,
    inputs: [
      {
        at: 1500,
        action: 'partition',
        groups: [
          [0, 1],
          [2, 3, 4],
        ],
      },
      { at: 2000, action: 'request', server: 0, key: 'x', value: 1 },
      { at: 2400, action: 'request', server: 0, key: 'y', value: 2 },
      { at: 3000, action: 'request', key: 'z', value: 3 },
      { at: 5000, action: 'heal' },
    ],
  },
  {
    id: 'pre-vote',
    title: 'Pre-Vote keeps a returning server quiet',
    description:
      'One follower is cut off for a few seconds. With Pre-Vote it asks for pre-votes, gets none and keeps its term, so when it returns it does not depose the working leader.',
    params: { preVote: true },
    seed: 1,
    inputs: [
      { at: 1500, action: 'partition', groups: [[4], [0, 1, 2, 3]] },
      { at: 4500, action: 'heal' },
    ],
  },
];
