/**
 * What the page needs to know about the CAP model: params, actions, presets, metrics and the
 * experiment's description. No simulation code.
 */
import { z } from 'zod';
import { networkParams } from '../../core/netParams';
import type { ExperimentMeta, ModelMeta, PresetMeta } from '../../core/types';

export const MODES = ['cp', 'ap', 'quorum'] as const;
export const CONFLICTS = ['lww', 'vv'] as const;

const mode = z.enum(MODES).meta({
  title: 'Mode',
  description:
    'cp: every read and write needs a majority (linearizable; the minority side refuses). ap: ' +
    'each replica answers alone and replicates in the background (available; stale and ' +
    'conflicting reads). quorum: Dynamo-style N, R, W.',
});
const replicas = z
  .number()
  .int()
  .min(3)
  .max(7)
  .meta({ title: 'Replicas', description: 'Replicas S0..S(n-1); clients get the next node ids.' });
const clients = z.number().int().min(1).max(8).meta({
  title: 'Clients',
  description: 'Client Ci talks to its home replica S(i mod replicas), one op at a time.',
});
const keys = z
  .number()
  .int()
  .min(1)
  .max(16)
  .meta({ title: 'Keys', description: 'Keys k0, k1, ...' });
const quorumField = (title: string, description: string) =>
  z.number().int().min(1).max(7).meta({ title, description });
const N = quorumField('N', 'quorum mode: replicas that hold each key.');
const R = quorumField('R', 'quorum mode: answers a read waits for.');
const W = quorumField('W', 'quorum mode: acknowledgements a write waits for.');
const readRepair = z.boolean().meta({
  title: 'Read repair',
  description:
    'quorum mode: a read sends the newest version it saw to replicas that answered with older ones.',
});
const sloppy = z.boolean().meta({
  title: 'Sloppy quorums',
  description:
    'quorum mode: when a replica of the key does not answer, the coordinator asks the next ' +
    'replica round the ring instead, which keeps the version as a hint and hands it back once ' +
    'the home replica is reachable (Dynamo, section 4.6).',
});
const conflict = z.enum(CONFLICTS).meta({
  title: 'Conflicts',
  description:
    'ap mode: lww keeps the write with the highest timestamp (ties: higher node); vv keeps ' +
    'concurrent writes as siblings by version vectors, and reads return them all.',
});

/** Cross-field limits, reported like every other limit: "params.R: 4 is above N (3)". */
export function relationIssues(p: {
  replicas: number;
  N: number;
  R: number;
  W: number;
  latencyMsMin?: number;
  latencyMsMax?: number;
}): { path: string; message: string; input: number }[] {
  const out: { path: string; message: string; input: number }[] = [];
  if (p.N > p.replicas)
    out.push({ path: 'N', message: `${p.N} is above replicas (${p.replicas})`, input: p.N });
  if (p.R > p.N) out.push({ path: 'R', message: `${p.R} is above N (${p.N})`, input: p.R });
  if (p.W > p.N) out.push({ path: 'W', message: `${p.W} is above N (${p.N})`, input: p.W });
  if (
    p.latencyMsMin !== undefined &&
    p.latencyMsMax !== undefined &&
    p.latencyMsMax < p.latencyMsMin
  )
    out.push({
      path: 'latencyMsMax',
      message: `${p.latencyMsMax} is below latencyMsMin (${p.latencyMsMin})`,
      input: p.latencyMsMax,
    });
  return out;
}

export const capParams = z
  .strictObject({
    mode: mode.default('cp'),
    replicas: replicas.default(5),
    clients: clients.default(4),
    keys: keys.default(1),
    N: N.default(3),
    R: R.default(2),
    W: W.default(2),
    readRepair: readRepair.default(false),
    sloppy: sloppy.default(false),
    conflict: conflict.default('lww'),
    rate: z.number().min(0).max(200).default(5).meta({
      title: 'Rate',
      description: 'Client operations per second, all clients together (Poisson).',
      unit: 'ops/s',
      step: 0.5,
    }),
    writeRatio: z.number().min(0).max(1).default(0.5).meta({
      title: 'Write ratio',
      description: 'Fraction of generated operations that are writes.',
      step: 0.05,
    }),
    timeoutMs: z.number().int().min(50).max(10000).default(1000).meta({
      title: 'Client timeout',
      description: 'A client gives up on an op after this long; coordinators give up at 75% of it.',
      unit: 'ms',
    }),
    ...networkParams({ minMs: 10, maxMs: 40, minMsLimit: 1000, maxMsLimit: 2000 }),
    antiEntropyMs: z.number().int().min(50).max(10000).default(500).meta({
      title: 'Anti-entropy period',
      description: 'ap mode: how often each replica swaps its store with a random peer.',
      unit: 'ms',
      advanced: true,
    }),
  })
  .superRefine((p, ctx) => {
    for (const issue of relationIssues(p))
      ctx.addIssue({
        code: 'custom',
        path: [issue.path],
        message: issue.message,
        input: issue.input,
      });
  });

/** Replicas 0..4 and clients 5..8 (homes S0..S3): S0, S1 and their clients C0, C1 cut off. */
const MINORITY_SPLIT = [
  [0, 1, 5, 6],
  [2, 3, 4, 7, 8],
];
const splitThenHeal = [
  { at: 4000, action: 'partition', groups: MINORITY_SPLIT },
  { at: 14000, action: 'heal' },
];

export const capPresets: PresetMeta[] = [
  {
    id: 'cp-partition',
    title: 'CP: the minority refuses',
    description:
      'Majority quorums. At 4 s the network cuts S0 and S1 (with clients C0 and C1) off from ' +
      'the other three: their reads and writes cannot reach a majority and fail or time out, ' +
      'while the majority side carries on. The history stays linearizable.',
    params: { mode: 'cp', rate: 6 },
    inputs: splitThenHeal,
  },
  {
    id: 'ap-partition',
    title: 'AP: always answers, sometimes wrong',
    description:
      'Each replica answers alone. The same partition at 4 s: every op still succeeds, but the ' +
      'two sides drift apart, reads go stale and the history stops being linearizable. After ' +
      'the heal at 14 s, anti-entropy reconciles the replicas (last writer wins).',
    params: { mode: 'ap', rate: 6 },
    inputs: splitThenHeal,
  },
  {
    id: 'ap-siblings',
    title: 'AP with version vectors: siblings',
    description:
      'As AP, but concurrent writes on the two sides are kept as siblings; after the heal reads ' +
      'return both values until a write supersedes them.',
    params: { mode: 'ap', conflict: 'vv', rate: 6 },
    inputs: splitThenHeal,
  },
  {
    id: 'quorum',
    title: 'Quorums: N=3, R=2, W=2',
    description:
      'Dynamo-style quorums with R + W > N, so every read quorum meets every write quorum. At ' +
      '3.5 s the workload pauses and S0 is cut off with its client C0, whose write reaches S0 ' +
      'alone and ends unknown. After the heal at 5 s, reads that ask S0 see the new value and ' +
      'reads that ask only S1 and S2 do not, in either order: not linearizable. Turn on read ' +
      'repair to see how much it helps.',
    params: { mode: 'quorum', N: 3, R: 2, W: 2, readRepair: false, keys: 1, rate: 4 },
    inputs: [
      { at: 3000, action: 'workload', on: false },
      {
        at: 3500,
        action: 'partition',
        groups: [
          [0, 5],
          [1, 2, 3, 4, 6, 7, 8],
        ],
      },
      { at: 3600, action: 'write', client: 0, key: 0 },
      { at: 5000, action: 'heal' },
      ...[1, 2, 3, 1, 2, 3].map((client, i) => ({
        at: 5200 + i * 400,
        action: 'read',
        client,
        key: 0,
      })),
      { at: 8000, action: 'workload', on: true },
    ],
  },
  {
    id: 'quorum-weak',
    title: 'Weak quorums: R=1, W=1',
    description:
      'Fast and available, but a read quorum of 1 and a write quorum of 1 need not meet: during the partition and until replicas catch up, reads can miss the latest write.',
    params: { mode: 'quorum', N: 3, R: 1, W: 1, keys: 2, rate: 8 },
    inputs: splitThenHeal,
  },
  {
    id: 'pacelc',
    title: 'PACELC: latency without partitions',
    description:
      'No partition at all. In cp mode every op waits for majority round trips (two for writes); ' +
      'at 10 s the mode switches to ap and ops answer after one client round trip: else, latency ' +
      'or consistency (Abadi 2012).',
    params: { mode: 'cp', latencyMsMin: 20, latencyMsMax: 120, rate: 6 },
    inputs: [{ at: 10000, action: 'set', params: { mode: 'ap' } }],
  },
];

export const capPartitionParams = z.strictObject({
  mode: mode.default('cp'),
  replicas: replicas.default(5),
  clients: clients.default(5),
  keys: keys.default(2),
  N: N.default(3),
  R: R.default(2),
  W: W.default(2),
  readRepair: readRepair.default(false),
  sloppy: sloppy.default(false),
  conflict: conflict.default('lww'),
  ops: z
    .number()
    .int()
    .min(10)
    .max(20000)
    .default(500)
    .meta({ title: 'Operations', description: 'Client operations to run in total.' }),
  rate: z
    .number()
    .min(1)
    .max(200)
    .default(20)
    .meta({ title: 'Rate', description: 'Client operations per second.', unit: 'ops/s' }),
  partitionMs: z.number().int().min(0).max(60000).default(3000).meta({
    title: 'Partition length',
    description:
      'Each partition lasts this long; they start at random times (gaps average the same length) and split the replicas at random.',
    unit: 'ms',
  }),
  seed: z.number().int().min(0).max(4294967295).default(1).meta({ title: 'Seed' }),
});

export interface CapPartitionSummary {
  availability: number;
  linearizable: boolean;
  violations: number;
  staleReads: number;
  opsOk: number;
  opsFailed: number;
  opsUnknown: number;
  partitions: number;
}

export const capPartitionMeta: ExperimentMeta = {
  id: 'cap-partition',
  model: 'cap',
  title: 'Availability against consistency under partitions',
  description:
    'Clients run a random workload while the network splits at random times. Availability is ' +
    'the share of operations that succeeded; the checker says whether the whole history is ' +
    'linearizable and counts the reads it cannot place.',
  params: capPartitionParams,
  chart: {
    kind: 'xy',
    y: 'availability',
    yLabel: 'availability (operations that succeeded)',
    also: [
      { y: 'violations', yLabel: 'violations (reads the checker could not place)' },
      { y: 'staleReads', yLabel: 'stale reads' },
    ],
  },
  sweep: { param: 'mode', values: ['cp', 'ap', 'quorum'] },
  summary: [
    { field: 'availability', label: 'availability', percent: true, digits: 1 },
    { field: 'linearizable', label: 'linearizable' },
    { field: 'violations', label: 'violations' },
    { field: 'staleReads', label: 'stale reads' },
  ],
  toRows(result) {
    const r = result as CapPartitionSummary;
    return [
      {
        availability: r.availability,
        linearizable: r.linearizable,
        violations: r.violations,
        staleReads: r.staleReads,
        opsOk: r.opsOk,
        opsFailed: r.opsFailed,
        opsUnknown: r.opsUnknown,
        partitions: r.partitions,
      },
    ];
  },
};

export const capMeta: ModelMeta = {
  id: 'cap',
  title: 'CAP: consistency or availability',
  summary:
    'A replicated register under partitions: majority quorums stay linearizable but refuse on ' +
    'the minority side; local replicas always answer but go stale; Dynamo quorums sit between.',
  params: capParams,
  network: true,
  actions: {
    read: {
      label: 'Read',
      description: 'A client reads a key through its home replica.',
      args: z.strictObject({
        client: z.number().int().min(0).max(7),
        key: z.number().int().min(0).max(15),
      }),
    },
    write: {
      label: 'Write',
      description: 'A client writes a key through its home replica (a fresh value if none given).',
      args: z.strictObject({
        client: z.number().int().min(0).max(7),
        key: z.number().int().min(0).max(15),
        value: z.number().int().min(0).max(1_000_000_000).optional(),
      }),
    },
    workload: {
      label: 'Workload on/off',
      description: 'Starts or stops the random client workload.',
      args: z.strictObject({ on: z.boolean() }),
    },
  },
  presets: capPresets,
  metrics: [
    { id: 'availability', label: 'Availability', percent: true, digits: 1, chart: true },
    {
      id: 'availabilityRecent',
      label: 'Availability (last 2 s)',
      percent: true,
      digits: 0,
      chart: true,
    },
    { id: 'staleReads', label: 'Stale reads', chart: true },
    { id: 'opsOk', label: 'Ops ok' },
    { id: 'opsFailed', label: 'Ops failed' },
    { id: 'opsUnknown', label: 'Ops unknown' },
    { id: 'linearizable', label: 'Linearizable (1 = yes)', chart: true },
    { id: 'violations', label: 'Violations', chart: true },
    { id: 'diverged', label: 'Keys whose replicas differ', chart: true },
    { id: 'latencyMs', label: 'Op latency (last 2 s)', unit: 'ms', digits: 0, chart: true },
  ],
  experiments: [capPartitionMeta],
};
