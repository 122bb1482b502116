/**
 * What the page needs to know about the replication model: params, actions, presets, metrics and
 * the experiment's meta. No simulation code.
 *
 * Faithful to Kleppmann, Designing Data-Intensive Applications (2017): chapter 5 (leader-based
 * replication; synchronous, semi-synchronous and asynchronous followers; replication lag and the
 * read-your-writes, monotonic-reads and consistent-prefix guarantees; failover losing
 * acknowledged writes) and chapter 8 (split brain and fencing tokens checked by storage). The
 * epochs play the part of Raft's terms, without an election: a failover monitor promotes the
 * most up-to-date follower.
 */
import { z } from 'zod';
import { networkParams } from '../../core/netParams';
import { seedSchema } from '../../core/scenario';
import type { ExperimentMeta, ModelMeta, PresetMeta } from '../../core/types';

export const FOLLOWERS_MAX = 4;
export const REPLICAS_MAX = FOLLOWERS_MAX + 1;
export const CLIENTS = 2;

export const MODES = ['sync', 'semi', 'async'] as const;
export type Mode = (typeof MODES)[number];
export const READ_POLICIES = ['follower', 'leader', 'sticky', 'token'] as const;
export type ReadPolicy = (typeof READ_POLICIES)[number];

export const replicationParams = z.strictObject({
  followers: z.number().int().min(2).max(FOLLOWERS_MAX).default(2).meta({
    title: 'Followers',
    description: 'Replicas besides the leader. R1 leads at the start; R2, R3, ... follow.',
  }),
  mode: z.enum(MODES).default('async').meta({
    title: 'Replication',
    description:
      'When the leader tells a client its write is done. sync: once every follower has applied it. semi: once one follower has applied it. async: at once, when the leader has it.',
  }),
  readPolicy: z.enum(READ_POLICIES).default('follower').meta({
    title: 'Reads go to',
    description:
      'Which replica answers a client read. follower: any follower, picked at random. leader: the leader. sticky: the same follower for each client. token: any follower, which holds the read until it has the version the client last saw (a version token).',
  }),
  lagMs: z.number().int().min(0).max(10_000).default(1500).meta({
    title: 'Replication lag',
    description:
      'How long the slowest follower takes to apply an entry after it arrives; the others take a share of it (R2 the smallest).',
    unit: 'ms',
  }),
  inOrder: z.boolean().default(true).meta({
    title: 'Apply in log order',
    description:
      'Followers apply entries in log order. Off: each entry takes its own time, up to the lag, and is visible once applied, like data split over independently replicated partitions.',
  }),
  writeRate: z.number().min(0).max(5).default(0.5).meta({
    title: 'Write rate',
    description: 'Writes each client makes per second (Poisson); 0 leaves only your own.',
    unit: 'writes/s',
    step: 0.1,
  }),
  readRate: z.number().min(0).max(10).default(1).meta({
    title: 'Read rate',
    description: 'Reads each client makes per second (Poisson); 0 leaves only your own.',
    unit: 'reads/s',
    step: 0.1,
  }),
  failoverMs: z.number().int().min(100).max(30_000).default(1500).meta({
    title: 'Failover timeout',
    description:
      'How long no follower may hear from the leader before the most up-to-date follower is promoted.',
    unit: 'ms',
  }),
  fencing: z.boolean().default(false).meta({
    title: 'Fencing',
    description:
      'Storage remembers the highest epoch it has seen and refuses writes from an older one.',
  }),
  leaseMs: z.number().int().min(100).max(30_000).default(2000).meta({
    title: 'Lock lease',
    description:
      'How long the lock service K lets a client hold the lock before it may give it to another.',
    unit: 'ms',
  }),
  heartbeatMs: z.number().int().min(50).max(5000).default(500).meta({
    title: 'Heartbeat',
    description:
      'How often the leader tells its followers it is alive (and resends what they miss).',
    unit: 'ms',
    advanced: true,
  }),
  ...networkParams({ minMs: 80, maxMs: 160, minMsLimit: 2000, maxMsLimit: 5000 }),
});
export type ReplicationParams = z.output<typeof replicationParams>;

const replica = z
  .number()
  .int()
  .min(0)
  .max(REPLICAS_MAX - 1);
const client = z
  .number()
  .int()
  .min(0)
  .max(CLIENTS - 1)
  .meta({ title: 'Client', description: 'C0 or C1.' });

const quiet = { writeRate: 0, readRate: 0 };

export const replicationPresets: PresetMeta[] = [
  {
    id: 'lag',
    title: 'Reads from lagging followers',
    description:
      'Two clients write to R1 and read from any follower; R2 applies entries 1.5 s late and R3 3 s late, so reads now and then miss a client’s own write or go back in time.',
    params: { lagMs: 3000, readRate: 2 },
  },
  {
    id: 'own-write',
    title: 'Your own write, missing',
    description:
      'Nothing happens by itself. C0 writes at 1 s and reads from a follower right after the leader said done.',
    params: quiet,
    inputs: [
      { at: 1000, action: 'write', client: 0 },
      { at: 1400, action: 'read', client: 0 },
    ],
  },
  {
    id: 'async-failover',
    title: 'Failover loses acknowledged writes',
    description:
      'Asynchronous replication. At 2 s the network cuts R1 and C0 off from the followers; R1 still says done to C0’s two writes, then crashes at 3 s. After the failover timeout R2 is promoted with epoch 2, and the two writes are gone.',
    params: { ...quiet, lagMs: 600 },
    inputs: [
      { at: 500, action: 'write', client: 1 },
      {
        at: 2000,
        action: 'partition',
        groups: [
          [0, 3],
          [1, 2, 4, 5],
        ],
      },
      { at: 2400, action: 'write', client: 0 },
      { at: 2600, action: 'write', client: 0 },
      { at: 3000, action: 'crash' },
      { at: 4000, action: 'heal' },
    ],
  },
  {
    id: 'split-brain',
    title: 'The old leader comes back',
    description:
      'R1 crashes at 2 s and R2 takes over with epoch 2 and writes once. At 6 s R1 restarts still thinking it leads epoch 1 and takes a write from C0 that it passes on to storage. Turn fencing on and storage refuses it.',
    params: { ...quiet, lagMs: 300 },
    inputs: [
      { at: 1000, action: 'write', client: 0 },
      { at: 2000, action: 'crash' },
      { at: 4500, action: 'write', client: 1 },
      { at: 6000, action: 'restart' },
      { at: 6000, action: 'write', client: 0, replica: 0 },
    ],
  },
  {
    id: 'lease-pause',
    title: 'A lock, a lease and a pause',
    description:
      'C0 takes the lock (a 2 s lease) and pauses for 3 s before it writes. The lease runs out, C1 gets the lock with the next token and writes; then C0 wakes up and writes too, sure it still holds the lock. Turn fencing on and storage refuses C0’s old token.',
    params: quiet,
    inputs: [
      { at: 1000, action: 'lock', client: 0 },
      { at: 1200, action: 'pause', client: 0, ms: 3000 },
      { at: 3500, action: 'lock', client: 1 },
    ],
  },
];

export const lostWritesParams = z.strictObject({
  mode: z.enum(MODES).default('async').meta({
    title: 'Replication',
    description: 'When the leader answers a write: all followers, one, or none applied it.',
  }),
  fault: z.enum(['crash', 'partition']).default('partition').meta({
    title: 'Fault',
    description:
      'crash: the leader stops; partition: the leader and C0 are cut off from the rest until a second after the failover, the leader still taking C0’s writes.',
  }),
  failoverMs: z.number().int().min(100).max(30_000).default(1500).meta({
    title: 'Failover timeout',
    description: 'How long no follower hears the leader before one is promoted.',
    unit: 'ms',
  }),
  writeRate: z.number().min(0.1).max(5).default(2).meta({
    title: 'Write rate',
    description: 'Writes each client makes per second.',
    unit: 'writes/s',
  }),
  lagMs: z.number().int().min(0).max(10_000).default(1000).meta({
    title: 'Replication lag',
    description: 'How long the slowest follower takes to apply an entry.',
    unit: 'ms',
  }),
  trials: z.number().int().min(1).max(2000).default(100).meta({
    title: 'Trials',
    description: 'Failovers to run, each from its own seed.',
  }),
  seed: seedSchema.default(1).meta({ title: 'Seed', description: 'Seeds every trial.' }),
});
export type LostWritesParams = z.output<typeof lostWritesParams>;

export interface LostWritesResult {
  trials: number;
  /** Acknowledged writes lost per failover, on average. */
  lostPerTrial: number;
  /** Fraction of trials that lost at least one acknowledged write. */
  lossyShare: number;
  /** Acknowledged writes per trial, on average. */
  ackedPerTrial: number;
  /** Mean time from the fault until the new leader acknowledges a write (ms; capped at the run's end). */
  unavailableMs: number;
  /** Lost writes in each trial. */
  lost: number[];
}

export const lostWritesMeta: ExperimentMeta = {
  id: 'replication-lost-writes',
  model: 'replication',
  title: 'Acknowledged writes lost in a failover',
  description:
    'Each trial runs the leader and two followers with both clients writing, then fails the leader at a random moment and fails over after the timeout. It counts writes the clients were told were done that the new leader does not have. Compare the replication modes and the failover timeout.',
  params: lostWritesParams,
  chart: {
    kind: 'xy',
    y: 'lostPerTrial',
    yLabel: 'acknowledged writes lost per failover',
    also: [{ y: 'unavailableMs', yLabel: 'ms without acknowledged writes' }],
  },
  sweep: { param: 'failoverMs', values: [500, 1000, 2000, 4000, 8000] },
  summary: [
    { field: 'lostPerTrial', label: 'Lost per failover', digits: 2 },
    { field: 'lossyShare', label: 'Failovers losing writes', percent: true, digits: 0 },
    { field: 'ackedPerTrial', label: 'Acknowledged per trial', digits: 1 },
    { field: 'unavailableMs', label: 'Without acks (ms)', digits: 0 },
  ],
  toRows(result) {
    const r = result as LostWritesResult;
    return r.lost.map((lost, trial) => ({ trial: trial + 1, lost }));
  },
};

export const replicationMeta: ModelMeta = {
  id: 'replication',
  title: 'Leader-follower replication',
  summary:
    'A leader copies its log to followers synchronously, semi-synchronously or asynchronously. Read from lagging followers and watch read-your-writes, monotonic reads and consistent prefix break; crash the leader and see failover lose acknowledged writes, and the old leader come back to a split brain that fencing tokens stop.',
  params: replicationParams,
  network: true,
  playbackSpeed: 0.5,
  actions: {
    write: {
      label: 'Write',
      description:
        'The client writes a new value, to the replica it believes leads (or to the one you name).',
      args: z.strictObject({
        client,
        replica: replica.optional().meta({ title: 'To replica', description: 'R1 is 0.' }),
      }),
    },
    read: {
      label: 'Read',
      description: 'The client reads, from the replica the read policy picks.',
      args: z.strictObject({ client }),
    },
    lock: {
      label: 'Take the lock',
      description:
        'The client asks the lock service K for the lock; with it (a lease and a fencing token) it works briefly, then writes to storage.',
      args: z.strictObject({ client }),
    },
    pause: {
      label: 'Freeze a client',
      description:
        'The client stops for a while without knowing it, as in a long garbage-collection pause: what it was doing resumes afterwards, lease or not.',
      args: z.strictObject({
        client,
        ms: z.number().int().min(100).max(30_000).default(3000).meta({
          title: 'Pause',
          description: 'How long the client stops.',
          unit: 'ms',
        }),
      }),
    },
    crash: {
      label: 'Crash a replica',
      description: 'It stops; its log survives on disk. Without a replica, crashes the leader.',
      args: z.strictObject({
        replica: replica.optional().meta({ title: 'Replica', description: 'R1 is 0.' }),
      }),
    },
    restart: {
      label: 'Restart a replica',
      description:
        'It comes back with its log and the role and epoch it had: an old leader still thinks it leads. Without a replica, restarts the one crashed last.',
      args: z.strictObject({
        replica: replica.optional().meta({ title: 'Replica', description: 'R1 is 0.' }),
      }),
    },
  },
  presets: replicationPresets,
  metrics: [
    { id: 'acked', label: 'Writes acknowledged', chart: true },
    { id: 'lost', label: 'Acknowledged writes lost', chart: true },
    { id: 'ryw', label: 'Read-your-writes violations' },
    { id: 'monotonic', label: 'Monotonic-read violations' },
    { id: 'prefix', label: 'Consistent-prefix violations' },
    { id: 'maxLag', label: 'Largest follower lag', unit: 'entries', chart: true },
    { id: 'epoch', label: 'Epoch' },
    { id: 'staleAccepted', label: 'Old-epoch or old-token writes storage accepted' },
    { id: 'fenced', label: 'Old-epoch or old-token writes storage refused' },
    { id: 'holders', label: 'Writes by a lock holder whose lease had run out' },
  ],
  experiments: [lostWritesMeta],
};
