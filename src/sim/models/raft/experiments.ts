/**
 * raft-election: the paper's Figure 16 experiment. Each trial starts from a steady cluster whose
 * servers hold logs of different lengths, has the leader send one synchronized heartbeat, crashes
 * it at a uniformly random point of its heartbeat interval and measures the time until a new
 * leader is elected. Trials run the real model on the kernel, without invariant checks, log or
 * message history.
 */
import { xxhash32u } from '../../core/hash';
import { Rng } from '../../core/rng';
import { Sim } from '../../core/sim';
import type { ExperimentDef, Scenario } from '../../core/types';
import { appendEntry, applyCommitted, hashAt, recordCommit } from './log';
import { electionMeta, type ElectionParams, type ElectionResult } from './meta';
import { makeRaftModel, type RaftModel } from './model';
import { SNAPSHOT_ENTRIES_DEFAULT, type RaftParams } from './params';
import { broadcastAppend } from './replication';
import { resetElectionTimer, scheduleHeartbeat } from './roles';
import {
  createState,
  majority,
  type Entry,
  type RaftCtx,
  type RaftState,
  type TimeoutPolicy,
} from './state';

/** Entries every server holds (committed in term 1 by an earlier leader). */
const BASE_LENGTH = 2;

/**
 * The steady state just before the synchronized heartbeat. S1 leads term 2 with a log of
 * BASE_LENGTH entries of term 1; the followers that elected it hold the same log; the others hold
 * longer logs of distinct lengths (uncommitted term-1 entries of the previous leader that S1 does
 * not have and never overwrites, since it appends nothing). After the crash the followers with the
 * short logs cannot win an election: a reachable Raft state in which logs differ in length.
 */
export function trialState(ctx: RaftCtx, timeoutPolicy?: TimeoutPolicy): RaftState {
  const n = ctx.params.servers;
  const s = createState(n, { bug: 'none', history: false });
  if (timeoutPolicy) s.timeoutPolicy = timeoutPolicy;
  const voters = majority(s) - 1;
  const followers = ctx.rng('setup').shuffle(Array.from({ length: n - 1 }, (_, i) => i + 1));
  const longest = BASE_LENGTH + n - 1 - voters;
  const entries: Entry[] = [];
  for (let i = 1; i <= longest; i++)
    entries.push({ index: i, term: 1, command: `set x=${i}`, id: s.nextEntryId++ });
  const leader = s.servers[0]!;
  for (const srv of s.servers) {
    const rank = followers.indexOf(srv.id);
    const length = rank < voters ? BASE_LENGTH : BASE_LENGTH + rank - voters + 1;
    for (let i = 0; i < length; i++) appendEntry(s, srv, entries[i]!);
    srv.currentTerm = 2;
    srv.votedFor = rank < voters ? 0 : -1;
    srv.leaderId = 0;
    srv.lastLeaderContact = 0;
  }
  s.ghost.candidatesInTerm[2] = 1;
  s.ghost.leaderOfTerm[2] = 0;
  // The earlier leader committed the common prefix in term 1.
  leader.currentTerm = 1;
  recordCommit(s, leader, BASE_LENGTH);
  leader.currentTerm = 2;
  for (const srv of s.servers) {
    srv.commitIndex = BASE_LENGTH;
    applyCommitted(s, srv);
  }
  leader.role = 'leader';
  leader.votedFor = 0;
  leader.markTerm = 2;
  leader.markLength = BASE_LENGTH;
  leader.markHash = hashAt(leader, BASE_LENGTH);
  leader.nextIndex.fill(BASE_LENGTH + 1);
  leader.matchIndex.fill(BASE_LENGTH);
  s.leader = 0;
  for (const srv of s.servers) if (srv !== leader) resetElectionTimer(s, srv, ctx);
  // The synchronized heartbeat: empty AppendEntries to every follower at time 0.
  broadcastAppend(s, leader, ctx, false);
  scheduleHeartbeat(s, leader, ctx);
  return s;
}

/** The model with the trial state as its initial state. */
export const trialModel: RaftModel = {
  ...makeRaftModel({ history: false }),
  init: (ctx) => trialState(ctx),
};

function check(p: ElectionParams): void {
  if (p.timeoutMsMax < p.timeoutMsMin)
    throw new Error(`timeoutMsMax: ${p.timeoutMsMax} is below timeoutMsMin (${p.timeoutMsMin})`);
  if (p.latencyMsMax < p.latencyMsMin)
    throw new Error(`latencyMsMax: ${p.latencyMsMax} is below latencyMsMin (${p.latencyMsMin})`);
}

/** Nearest-rank percentile of sorted samples. */
const percentile = (sorted: number[], q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;

/**
 * raft-election. `timeoutPolicy` replaces the uniform election-timeout draw of every server (the
 * code lab passes a learner's policy this way).
 */
export function runElection(
  p: ElectionParams,
  onProgress?: (done: number, total: number) => void,
  timeoutPolicy?: TimeoutPolicy,
): ElectionResult {
  // 0: twice the min (the paper's ranges 12-24, 25-50, ... 150-300 ms in one sweep).
  if (p.timeoutMsMax === 0) p = { ...p, timeoutMsMax: 2 * p.timeoutMsMin };
  check(p);
  const model: RaftModel = timeoutPolicy
    ? { ...trialModel, init: (ctx) => trialState(ctx, timeoutPolicy) }
    : trialModel;
  const heartbeatMs =
    p.heartbeatMs > 0 ? p.heartbeatMs : Math.max(1, Math.floor(p.timeoutMsMin / 2));
  const params: RaftParams = {
    servers: p.nodes,
    timeoutMsMin: p.timeoutMsMin,
    timeoutMsMax: p.timeoutMsMax,
    heartbeatMs,
    latencyMsMin: p.latencyMsMin,
    latencyMsMax: p.latencyMsMax,
    lossRate: 0,
    preVote: p.preVote,
    clientRateHz: 0,
    snapshotEntries: SNAPSHOT_ENTRIES_DEFAULT,
    conflictHint: false,
    leaderNoOp: false,
  };
  const crashes = new Rng(p.seed).stream('crash times');
  const samples = new Array<number>(p.trials);
  let elections = 0;
  let splitVotes = 0;
  let capped = 0;
  for (let trial = 0; trial < p.trials; trial++) {
    const crashAt = crashes.int(0, heartbeatMs - 1);
    const scenario: Scenario = {
      model: 'raft',
      params,
      seed: xxhash32u(trial, p.seed),
      inputs: [{ at: crashAt, action: 'crash', server: 0 }],
    };
    const sim = new Sim(model, scenario, { checkInvariants: false, keepLog: false });
    const s = sim.state as RaftState;
    const deadline = crashAt + p.capMs;
    let downtime = p.capMs;
    for (;;) {
      const next = sim.nextAt();
      if (next === undefined || next > deadline) break;
      sim.step();
      if (s.electionsWon > 0) {
        downtime = sim.now - crashAt;
        break;
      }
    }
    if (s.electionsWon === 0) capped++;
    samples[trial] = downtime;
    elections += s.elections;
    splitVotes += s.splitVotes;
    if (onProgress && (trial + 1) % 100 === 0) onProgress(trial + 1, p.trials);
  }
  onProgress?.(p.trials, p.trials);
  samples.sort((a, b) => a - b);
  const sum = samples.reduce((a, b) => a + b, 0);
  return {
    trials: p.trials,
    heartbeatMs,
    downtimeMs: {
      mean: sum / p.trials,
      median: percentile(samples, 0.5),
      p90: percentile(samples, 0.9),
      p99: percentile(samples, 0.99),
      max: samples[samples.length - 1] ?? 0,
    },
    samples,
    electionRounds: elections / p.trials,
    splitVotes,
    capped,
  };
}

export const raftExperiments: ExperimentDef<ElectionParams, ElectionResult>[] = [
  { meta: electionMeta, run: (p, onProgress) => runElection(p, onProgress) },
];
