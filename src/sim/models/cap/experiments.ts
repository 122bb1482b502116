/**
 * The cap-partition experiment: a random workload of `ops` operations while the network splits
 * the replicas at random times; availability, the linearizability verdict, violations and stale
 * reads, and the whole Jepsen history.
 */
import { Rng } from '../../core/rng';
import { Sim } from '../../core/sim';
import type { ExperimentDef, ScenarioInput } from '../../core/types';
import type { HistoryEntry } from './history';
import { capParams, capPartitionMeta, relationIssues, type CapPartitionSummary } from './meta';
import { capModel } from './model';
import { checkAll, isLinearizable, type Witness } from './monitor';
import type { CapParams, CapState } from './types';

export interface CapPartitionParams {
  mode: CapParams['mode'];
  replicas: number;
  clients: number;
  keys: number;
  N: number;
  R: number;
  W: number;
  readRepair: boolean;
  /** Sloppy quorums with hinted handoff (quorum mode); off when left out. */
  sloppy?: boolean;
  conflict: CapParams['conflict'];
  ops: number;
  rate: number;
  partitionMs: number;
  seed: number;
}

export interface CapPartitionResult extends CapPartitionSummary {
  /** The latest reads the checker could not place, with the reason. */
  witnesses: Witness[];
  history: HistoryEntry[];
}

/** Partition groups that split the replicas in two; each client stays with its home. */
export function splitGroups(
  sideA: readonly number[],
  replicas: number,
  clients: number,
): number[][] {
  const a: number[] = [];
  const b: number[] = [];
  for (let r = 0; r < replicas; r++) (sideA.includes(r) ? a : b).push(r);
  for (let c = 0; c < clients; c++) (sideA.includes(c % replicas) ? a : b).push(replicas + c);
  return [a, b];
}

/**
 * Random partitions until `untilMs`: gaps between them are exponential with mean `partitionMs`,
 * each lasts `partitionMs`, and each puts a random non-empty proper subset of replicas (and their
 * clients) on one side.
 */
export function randomPartitions(
  rng: Rng,
  p: { replicas: number; clients: number; partitionMs: number },
  untilMs: number,
): ScenarioInput[] {
  const inputs: ScenarioInput[] = [];
  if (p.partitionMs <= 0) return inputs;
  let t = 0;
  for (;;) {
    t += Math.max(1, Math.round(rng.exponential(p.partitionMs)));
    if (t >= untilMs) break;
    const order = rng.shuffle(Array.from({ length: p.replicas }, (_, i) => i));
    const sideA = order.slice(0, rng.int(1, p.replicas - 1));
    inputs.push({ at: t, action: 'partition', groups: splitGroups(sideA, p.replicas, p.clients) });
    t += p.partitionMs;
    inputs.push({ at: t, action: 'heal' });
  }
  return inputs;
}

export function runCapPartition(
  params: CapPartitionParams,
  onProgress?: (done: number, total: number) => void,
): CapPartitionResult {
  const bad = relationIssues(params);
  if (bad.length) throw new Error(bad.map((i) => `params.${i.path}: ${i.message}`).join('; '));
  const { ops, partitionMs, seed, ...rest } = params;
  const modelParams = capParams.parse(rest) as CapParams;
  // Generous: ops arrive at `rate`, but arrivals find every client busy during partitions.
  const horizonMs = Math.ceil((ops / params.rate) * 1000 * 4) + 60_000;
  const inputs = randomPartitions(
    new Rng(seed).stream('partitions'),
    { replicas: params.replicas, clients: params.clients, partitionMs },
    horizonMs,
  );
  const sim = new Sim(
    capModel,
    { model: 'cap', params: modelParams as unknown as Record<string, unknown>, seed, inputs },
    { checkInvariants: false, keepLog: false },
  );
  const state = sim.state as CapState;
  const history: HistoryEntry[] = [];
  const collect = (): void => {
    const fresh = state.historyTotal - history.length;
    if (fresh > 0) history.push(...state.history.slice(-fresh));
  };
  let steps = 0;
  while (state.nextOp < ops && sim.step()) {
    collect();
    if (++steps % 4096 === 0) onProgress?.(state.nextOp, ops);
  }
  sim.addInput({ at: sim.now, action: 'workload', on: false });
  while (state.clients.some((c) => c.pending) && sim.step()) collect();
  collect();
  checkAll(state.monitor);
  onProgress?.(ops, ops);
  const { ok, fail, info, stale } = state.totals;
  return {
    availability: ok / Math.max(1, ok + fail + info),
    linearizable: isLinearizable(state.monitor),
    violations: state.monitor.violations,
    staleReads: stale,
    opsOk: ok,
    opsFailed: fail,
    opsUnknown: info,
    partitions: inputs.filter((i) => i.action === 'partition' && i.at <= sim.now).length,
    witnesses: state.monitor.witnesses.slice(),
    history,
  };
}

export const capExperiments: ExperimentDef<CapPartitionParams, CapPartitionResult>[] = [
  { meta: capPartitionMeta, run: runCapPartition },
];
