/**
 * What the page needs to know about the atomic-commit model: params, actions, presets, metrics
 * and the experiment's meta. No simulation code.
 *
 * Faithful to Gray, "Notes on Data Base Operating Systems" (1978): two-phase commit, a
 * coordinator TC asking every participant to prepare, committing only when all voted yes,
 * participants that voted yes holding their locks, in doubt, until they hear the decision; and
 * to Mohan, Lindsay and Obermarck (1986) for presumed abort: no log record means abort.
 */
import { z } from 'zod';
import { networkParams } from '../../core/netParams';
import { seedSchema } from '../../core/scenario';
import type { ExperimentMeta, ModelMeta, PresetMeta } from '../../core/types';

export const PARTICIPANTS_MAX = 4;
export const CRASH_POINTS = ['now', 'before-prepare', 'after-votes', 'mid-decision'] as const;
export type CrashPoint = (typeof CRASH_POINTS)[number];

export const commitParams = z.strictObject({
  participants: z.number().int().min(2).max(PARTICIPANTS_MAX).default(3).meta({
    title: 'Participants',
    description: 'Databases taking part in every transaction: P1, P2, ...',
  }),
  txEveryMs: z.number().int().min(0).max(60_000).default(4000).meta({
    title: 'New transaction every',
    description: 'TC starts a transaction this often while it is up; 0 starts only yours.',
    unit: 'ms',
  }),
  noVoteRate: z.number().min(0).max(1).default(0).meta({
    title: 'Vote no probability',
    description:
      'Chance that a participant cannot do its part and votes no (the transaction aborts).',
    step: 0.05,
  }),
  presumedAbort: z.boolean().default(true).meta({
    title: 'Presumed abort',
    description:
      'TC writes nothing before its decision and no abort records; asked about a transaction it has no record of, it answers abort. Off: it logs the start of every transaction and each abort, and after a crash sends abort for those it had not decided.',
  }),
  tcRecoveryMs: z.number().int().min(0).max(60_000).default(0).meta({
    title: 'TC comes back after',
    description:
      'A crashed TC restarts by itself this long after its crash; 0: only when you restart it.',
    unit: 'ms',
  }),
  workMs: z.number().int().min(0).max(5000).default(300).meta({
    title: 'Work time',
    description: 'How long a participant works on its part (holding its lock) before it votes.',
    unit: 'ms',
  }),
  voteTimeoutMs: z.number().int().min(100).max(30_000).default(2000).meta({
    title: 'Vote timeout',
    description: 'TC aborts a transaction whose votes have not all arrived by then.',
    unit: 'ms',
  }),
  retryMs: z.number().int().min(100).max(10_000).default(1000).meta({
    title: 'Retry every',
    description:
      'An in-doubt participant asks TC for the decision this often; TC resends a decision not yet acknowledged as often.',
    unit: 'ms',
    advanced: true,
  }),
  ...networkParams({ minMs: 80, maxMs: 160, minMsLimit: 2000, maxMsLimit: 5000 }),
});
export type CommitParams = z.output<typeof commitParams>;

const participant = z
  .number()
  .int()
  .min(1)
  .max(PARTICIPANTS_MAX)
  .meta({ title: 'Participant', description: 'P1 is 1.' });

const quiet = { txEveryMs: 0 };

export const commitPresets: PresetMeta[] = [
  {
    id: 'commit',
    title: 'Two-phase commit',
    description:
      'TC runs a transaction across P1, P2 and P3 every 4 s: prepare, votes, decision, acknowledgements. Now and then a participant votes no and the transaction aborts everywhere.',
    params: { noVoteRate: 0.15 },
  },
  {
    id: 'blocked',
    title: 'TC crashes after the votes',
    description:
      'One transaction at 1 s. TC crashes with every yes vote in hand, before it decides. P1, P2 and P3 stay prepared, in doubt and holding their locks, asking for the decision, until TC restarts at 8 s and answers abort.',
    params: quiet,
    inputs: [
      { at: 900, action: 'crashTc', when: 'after-votes' },
      { at: 1000, action: 'begin' },
      { at: 8000, action: 'restartTc' },
    ],
  },
  {
    id: 'mid-decision',
    title: 'TC crashes while sending commit',
    description:
      'TC decides commit and crashes after telling only P1. P1 commits; P2 and P3 are in doubt until TC restarts at 8 s, reads commit in its log and sends it again.',
    params: quiet,
    inputs: [
      { at: 900, action: 'crashTc', when: 'mid-decision', sentTo: 1 },
      { at: 1000, action: 'begin' },
      { at: 8000, action: 'restartTc' },
    ],
  },
  {
    id: 'before-prepare',
    title: 'TC crashes before preparing',
    description:
      'TC crashes before it sends prepare. No participant has voted, so none is in doubt: nothing is blocked while TC is down.',
    params: quiet,
    inputs: [
      { at: 900, action: 'crashTc', when: 'before-prepare' },
      { at: 1000, action: 'begin' },
      { at: 8000, action: 'restartTc' },
    ],
  },
  {
    id: 'participant-crash',
    title: 'A participant crashes while prepared',
    description:
      'P2 votes yes and crashes before the decision reaches it. Its prepared record survives: restarted at 5 s it is in doubt again, with its lock, asks TC and commits.',
    params: { ...quiet, latencyMsMin: 150, latencyMsMax: 200 },
    inputs: [
      { at: 1000, action: 'begin' },
      { at: 1700, action: 'crashP', p: 2 },
      { at: 5000, action: 'restartP', p: 2 },
    ],
  },
];

export const blockingParams = z.strictObject({
  recoveryMs: z.number().int().min(0).max(60_000).default(4000).meta({
    title: 'TC recovery time',
    description: 'How long TC stays down after its crash; 0: no crash, for comparison.',
    unit: 'ms',
  }),
  point: z.enum(['before-prepare', 'after-votes', 'mid-decision']).default('after-votes').meta({
    title: 'TC crashes',
    description:
      'before-prepare: before it sends prepare. after-votes: with the votes in, before deciding. mid-decision: after telling one participant the decision.',
  }),
  participants: z.number().int().min(2).max(PARTICIPANTS_MAX).default(3).meta({
    title: 'Participants',
    description: 'Participants in the transaction.',
  }),
  presumedAbort: z.boolean().default(true).meta({
    title: 'Presumed abort',
    description: 'No record means abort (off: TC logs the start and sends abort on recovery).',
  }),
  trials: z.number().int().min(1).max(2000).default(50).meta({
    title: 'Trials',
    description: 'Crashes to run, each from its own seed.',
  }),
  seed: seedSchema.default(1).meta({ title: 'Seed', description: 'Seeds every trial.' }),
});
export type BlockingParams = z.output<typeof blockingParams>;

export interface BlockingResult {
  trials: number;
  /** Mean time a participant that voted yes waited for the decision (ms), over prepared participants. */
  blockedMs: number;
  /** The longest such wait in any trial (ms). */
  maxBlockedMs: number;
  /** Participants per trial that were prepared (in doubt) at some point. */
  inDoubtPerTrial: number;
  /** Share of trials that ended committed. */
  committedShare: number;
  /** Longest in-doubt time in each trial (ms). */
  blocked: number[];
}

export const blockingMeta: ExperimentMeta = {
  id: 'commit-blocking',
  model: 'commit',
  title: 'Two-phase commit: blocking against coordinator recovery',
  description:
    'Each trial runs one transaction and crashes TC at the chosen point, bringing it back after the recovery time. It measures how long participants that voted yes stay in doubt, holding their locks. Compare the crash points and the recovery time.',
  params: blockingParams,
  chart: {
    kind: 'xy',
    y: 'blockedMs',
    yLabel: 'ms a prepared participant waits (mean)',
    also: [{ y: 'maxBlockedMs', yLabel: 'longest wait (ms)' }],
  },
  sweep: { param: 'recoveryMs', values: [0, 1000, 2000, 4000, 8000] },
  summary: [
    { field: 'blockedMs', label: 'In doubt (mean ms)', digits: 0 },
    { field: 'maxBlockedMs', label: 'In doubt (max ms)', digits: 0 },
    { field: 'inDoubtPerTrial', label: 'Prepared per trial', digits: 1 },
    { field: 'committedShare', label: 'Committed', percent: true, digits: 0 },
  ],
  toRows(result) {
    const r = result as BlockingResult;
    return r.blocked.map((ms, trial) => ({ trial: trial + 1, blockedMs: ms }));
  },
};

export const commitMeta: ModelMeta = {
  id: 'commit',
  title: 'Two-phase commit',
  summary:
    'A coordinator TC asks participants to prepare, collects their votes and tells them commit or abort. Crash TC at each point of the protocol and watch participants that voted yes stay in doubt, holding their locks, until it comes back; presumed abort answers for transactions it has no record of.',
  params: commitParams,
  network: true,
  playbackSpeed: 0.5,
  actions: {
    begin: {
      label: 'Begin a transaction',
      description: 'TC starts a transaction across every participant.',
      args: z.strictObject({}),
    },
    crashTc: {
      label: 'Crash TC',
      description:
        'TC crashes now, or at a point of its next transaction: before sending prepare, after collecting the votes (before deciding), or after sending the decision to some participants. Its log survives.',
      args: z.strictObject({
        when: z.enum(CRASH_POINTS).optional().meta({
          title: 'When',
          description: 'now (if left out), before-prepare, after-votes or mid-decision.',
        }),
        sentTo: z.number().int().min(0).max(PARTICIPANTS_MAX).optional().meta({
          title: 'Decision sent to',
          description:
            'mid-decision: how many participants get the decision before TC crashes (1 if left out).',
        }),
      }),
    },
    restartTc: {
      label: 'Restart TC',
      description: 'TC comes back and recovers from its log.',
      args: z.strictObject({}),
    },
    crashP: {
      label: 'Crash a participant',
      description:
        'It stops; its log (prepared, committed, aborted) survives, work in progress does not.',
      args: z.strictObject({ p: participant }),
    },
    restartP: {
      label: 'Restart a participant',
      description: 'It comes back; a transaction it had prepared is in doubt again, with its lock.',
      args: z.strictObject({ p: participant }),
    },
    voteNo: {
      label: 'Next vote no',
      description: 'The participant votes no in the next transaction.',
      args: z.strictObject({ p: participant }),
    },
  },
  presets: commitPresets,
  metrics: [
    { id: 'committed', label: 'Transactions committed', chart: true },
    { id: 'aborted', label: 'Transactions aborted', chart: true },
    { id: 'inDoubt', label: 'Participants in doubt', chart: true },
    { id: 'maxBlockedMs', label: 'Longest time in doubt', unit: 'ms', chart: true },
    { id: 'lockConflicts', label: 'Votes no because of a held lock' },
    { id: 'logWrites', label: 'TC log writes' },
  ],
  experiments: [blockingMeta],
};
