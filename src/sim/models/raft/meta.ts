/**
 * What the main thread knows about the Raft model: params, actions, presets, metrics and the
 * election experiment. No simulation code here.
 */
import { z } from 'zod';
import { seedSchema } from '../../core/scenario';
import type { ExperimentMeta, MetricMeta, ModelMeta } from '../../core/types';
import { MAX_SERVERS, raftActionArgs as args, raftParams } from './params';
import { raftPresets } from './presets';

export type { RaftParams } from './params';

const metrics: MetricMeta[] = [
  { id: 'term', label: 'Term', chart: true },
  { id: 'leader', label: 'Leader (server id, -1 for none)' },
  { id: 'commitIndex', label: 'Commit index', chart: true },
  { id: 'elections', label: 'Elections started' },
  { id: 'splitVotes', label: 'Split votes' },
  { id: 'messages', label: 'Messages sent', chart: true },
  { id: 'downtimeMs', label: 'Time without a leader', unit: 'ms', digits: 0, chart: true },
  { id: 'committed', label: 'Entries committed' },
];

const int = (
  min: number,
  max: number,
  def: number,
  title: string,
  description: string,
  unit?: string,
) =>
  z
    .number()
    .int()
    .min(min)
    .max(max)
    .default(def)
    .meta({ title, description, ...(unit && { unit }) });

export const electionParams = z.strictObject({
  nodes: int(3, MAX_SERVERS, 5, 'Servers', 'Cluster size.', 'servers'),
  timeoutMsMin: int(
    1,
    10_000,
    150,
    'Election timeout min',
    'Lower end of the random election timeout.',
    'ms',
  ),
  timeoutMsMax: int(
    0,
    10_000,
    300,
    'Election timeout max',
    'Upper end of the random election timeout (at least the min); 0 means twice the min, to sweep the timeout’s scale as the paper’s Figure 16 (bottom) does.',
    'ms',
  ),
  latencyMsMin: int(0, 2000, 2, 'Latency min', 'One-way message delay, lower end.', 'ms'),
  latencyMsMax: int(
    0,
    2000,
    5,
    'Latency max',
    'One-way message delay, upper end. 2-5 ms reproduces the paper’s measurements (it reports a broadcast time of about 15 ms).',
    'ms',
  ),
  heartbeatMs: int(
    0,
    10_000,
    0,
    'Heartbeat interval',
    'How often the leader sends heartbeats; 0 means half the minimum election timeout, as in the paper.',
    'ms',
  ),
  preVote: z.boolean().default(false).meta({
    title: 'Pre-Vote',
    description: 'Candidates first ask whether a majority would vote for them (thesis §9.6).',
  }),
  capMs: int(
    10,
    600_000,
    10_000,
    'Cap per trial',
    'A trial that has not elected a leader this long after the crash stops and counts as this long.',
    'ms',
  ),
  trials: int(1, 100_000, 1000, 'Trials', 'Leader crashes to measure.', 'trials'),
  seed: seedSchema.default(1).meta({ title: 'Seed', description: 'Seeds every trial.' }),
});
export type ElectionParams = z.output<typeof electionParams>;

export interface ElectionResult {
  trials: number;
  /** The heartbeat interval used (ms): heartbeatMs, or half of timeoutMsMin when that is 0. */
  heartbeatMs: number;
  downtimeMs: { mean: number; median: number; p90: number; p99: number; max: number };
  /** Every trial's downtime (ms), sorted ascending. */
  samples: number[];
  /** Elections started per trial, on average. */
  electionRounds: number;
  /** Terms in which two or more candidates split the vote, over all trials. */
  splitVotes: number;
  /** Trials that reached capMs without a leader. */
  capped: number;
}

export const electionMeta: ExperimentMeta = {
  id: 'raft-election',
  model: 'raft',
  title: 'Downtime after the leader crashes',
  description:
    'The paper’s Figure 16 experiment: a 5-server cluster whose followers hold logs of different lengths; right after a heartbeat, the leader crashes at a random point of its heartbeat interval. Each trial measures the time until a new leader is elected. Randomizing the election timeout over even a few milliseconds avoids most split votes.',
  params: electionParams,
  // A log axis, like the paper's Figure 16: the ranges differ by orders of magnitude.
  chart: { kind: 'cdf', field: 'samples', xLabel: 'downtime (ms)', logX: true },
  sweep: { param: 'timeoutMsMax', values: [150, 151, 155, 175, 200, 300] },
  summary: [
    { field: 'downtimeMs.mean', label: 'Mean (ms)', digits: 1 },
    { field: 'downtimeMs.median', label: 'Median (ms)', digits: 0 },
    { field: 'downtimeMs.p99', label: 'p99 (ms)', digits: 0 },
    { field: 'downtimeMs.max', label: 'Max (ms)', digits: 0 },
    { field: 'electionRounds', label: 'Elections per trial', digits: 2 },
    { field: 'splitVotes', label: 'Split votes', digits: 0 },
    { field: 'capped', label: 'Trials capped', digits: 0 },
  ],
  toRows(result) {
    const r = result as ElectionResult;
    const n = r.samples.length;
    return r.samples.map((downtimeMs, i) => ({ rank: i + 1, downtimeMs, share: (i + 1) / n }));
  },
};

/** The Raft model, as the main thread sees it. */
export const raftMeta: ModelMeta = {
  id: 'raft',
  title: 'Raft consensus',
  summary:
    'Watch servers elect a leader with randomized timeouts, replicate a log of commands and commit them by majority; crash servers, cut the network and see the five safety properties hold.',
  params: raftParams,
  actions: {
    crash: {
      label: 'Crash a server',
      description: 'It stops; its term, vote and log survive on disk, everything else is lost.',
      args: args.crash,
    },
    restart: {
      label: 'Restart a server',
      description: 'It comes back as a follower with its term, vote and log.',
      args: args.restart,
    },
    timeout: {
      label: 'Time out now',
      description: 'Fires the server’s election timer at once (not for a leader).',
      args: args.timeout,
    },
    request: {
      label: 'Send a client request',
      description: 'A client asks a server to set a key; followers redirect it to the leader.',
      args: args.request,
    },
  },
  network: true,
  // Messages cross in 10-20 ms: at a quarter of real time the eye can see them travel.
  playbackSpeed: 0.25,
  presets: raftPresets,
  metrics,
  experiments: [electionMeta],
};
