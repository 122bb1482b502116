/** The Raft params schema and the args of its actions: what a scenario may set. */
import { z } from 'zod';

export const MAX_SERVERS = 9;
/** Log compaction threshold by default (entries): above what the presets' golden runs reach. */
export const SNAPSHOT_ENTRIES_DEFAULT = 100;

const ms = (title: string, description: string, def: number, max = 10_000) =>
  z.number().int().min(1).max(max).default(def).meta({ title, description, unit: 'ms', step: 5 });

const latency = (title: string, def: number) =>
  z.number().int().min(0).max(2000).default(def).meta({
    title,
    description: 'One-way network delay of a message, drawn uniformly from [min, max].',
    unit: 'ms',
    step: 1,
  });

const shape = {
  servers: z.number().int().min(3).max(MAX_SERVERS).default(5).meta({
    title: 'Servers',
    description: 'Cluster size (S1 to Sn). Changing it restarts the cluster from scratch.',
    unit: 'servers',
    step: 1,
  }),
  timeoutMsMin: ms(
    'Election timeout min',
    'A follower that hears nothing from a leader for a random time in [min, max] starts an election.',
    150,
  ),
  timeoutMsMax: ms(
    'Election timeout max',
    'Upper end of the election timeout range; a wider range makes split votes rarer.',
    300,
  ),
  heartbeatMs: ms(
    'Heartbeat interval',
    'How often the leader sends AppendEntries (empty when there is nothing new) to every follower.',
    50,
  ),
  latencyMsMin: latency('Latency min', 10),
  latencyMsMax: latency('Latency max', 20),
  lossRate: z.number().min(0).max(1).default(0).meta({
    title: 'Message loss',
    description: 'Probability that any one message is lost.',
    step: 0.01,
  }),
  preVote: z.boolean().default(false).meta({
    title: 'Pre-Vote',
    description:
      'Before bumping its term, a would-be candidate asks whether a majority would vote for it (thesis §9.6), so a server cut off from the cluster cannot disrupt it when it returns.',
  }),
  clientRateHz: z.number().min(0).max(50).default(0).meta({
    title: 'Client requests',
    description: 'Automatic client writes (set k=v) sent to the leader, per second; 0 for none.',
    unit: 'requests/s',
    step: 0.5,
  }),
  snapshotEntries: z.number().int().min(10).max(10_000).default(SNAPSHOT_ENTRIES_DEFAULT).meta({
    title: 'Snapshot after',
    description:
      'Log compaction (paper §7): once this many applied entries pile up in a server’s log, it snapshots its state machine and discards them. A leader sends its snapshot (InstallSnapshot) to a follower that needs entries it has discarded.',
    unit: 'entries',
    step: 10,
    advanced: true,
  }),
  conflictHint: z.boolean().default(false).meta({
    title: 'Fast log back-off',
    description:
      'A follower that rejects AppendEntries tells the leader where its log diverges (paper §5.3), so nextIndex skips back a term at a time instead of one entry at a time.',
    advanced: true,
  }),
  leaderNoOp: z.boolean().default(true).meta({
    title: 'No-op on election',
    description:
      'A new leader appends an empty entry of its own term (thesis §6.4), which lets it commit the entries of earlier terms without waiting for a client request.',
    advanced: true,
  }),
};

type Shape = z.output<z.ZodObject<typeof shape>>;

/** Cross-field limits, reported on the field that breaks them. */
function checkRanges(p: Shape, ctx: z.RefinementCtx): void {
  if (p.timeoutMsMax < p.timeoutMsMin)
    ctx.addIssue({
      code: 'custom',
      path: ['timeoutMsMax'],
      input: p.timeoutMsMax,
      message: `${p.timeoutMsMax} is below timeoutMsMin (${p.timeoutMsMin})`,
    });
  if (p.latencyMsMax < p.latencyMsMin)
    ctx.addIssue({
      code: 'custom',
      path: ['latencyMsMax'],
      input: p.latencyMsMax,
      message: `${p.latencyMsMax} is below latencyMsMin (${p.latencyMsMin})`,
    });
}

export const raftParams = z.strictObject(shape).superRefine(checkRanges);
export type RaftParams = z.output<typeof raftParams>;

const serverArg = z
  .number()
  .int()
  .min(0)
  .max(MAX_SERVERS - 1)
  .meta({ title: 'Server', description: 'Server id, from 0 (S1 is 0, S2 is 1, ...).' });

export const KEY_PATTERN = /^[a-z][a-z0-9_]{0,11}$/;

/** Args schemas of the Raft actions. */
export const raftActionArgs = {
  crash: z.strictObject({
    server: serverArg.optional().meta({
      title: 'Server',
      description: 'Server id from 0 (S1 is 0); leave it out to crash the current leader.',
    }),
  }),
  restart: z.strictObject({
    server: serverArg.optional().meta({
      title: 'Server',
      description: 'Server id from 0 (S1 is 0); leave it out to restart the last crashed server.',
    }),
  }),
  timeout: z.strictObject({ server: serverArg }),
  request: z.strictObject({
    server: serverArg.optional().meta({
      title: 'Server',
      description: 'Where the client sends the request; leave it out to send it to the leader.',
    }),
    key: z.string().regex(KEY_PATTERN).optional().meta({
      title: 'Key',
      description: 'A lowercase name like x or count (random when left out).',
    }),
    value: z
      .union([z.number(), z.string().max(16)])
      .optional()
      .meta({
        title: 'Value',
        description: 'The value to set (random when left out).',
      }),
  }),
};
