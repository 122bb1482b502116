/**
 * The hashring model's state and the one way it changes placement: `applyConfig` builds the new
 * layout, diffs owners against the old one, records the change and narrates it.
 */
import type { Ctx } from '../../core/types';
import {
  comparisonClause,
  diffOwners,
  moduloMovedCount,
  movedClause,
  moveRule,
  type Change,
  type ChangeOp,
} from './change';
import {
  computeLayout,
  loadsById,
  placementOf,
  type Config,
  type Layout,
  type Seeds,
} from './layout';
import { MAX_NODES, type HashringParams } from './params';
import type { Ring } from './ring';
import { loadStats } from './stats';
import type { Placement } from './strategies';
import { newTraffic, type Traffic } from './traffic';
import { zipfCdf } from './zipf';

export type TimerData = { kind: 'tick' };
export type NoMessage = { type: 'none' };
export type HashringCtx = Ctx<HashringParams, TimerData, NoMessage>;

export interface HashringState {
  readonly seeds: Seeds;
  config: Config;
  /** The id the next node gets: ids are never reused while unused ones remain. */
  nextNodeId: number;
  ring: Ring;
  keyHashes: Uint32Array;
  owners: Uint16Array;
  /** Keys per node id, MAX_NODES long. */
  keysById: readonly number[];
  replicas: number;
  zipfS: number;
  /** Zipf CDF over the current keys. */
  zipf: Float64Array;
  change: Change | null;
  changeSeq: number;
  /** Bump when `ring` / the key arrays are replaced: the host resends heavy data only then. */
  ringVersion: number;
  keysVersion: number;
  traffic: Traffic;
}

/** The layout currently held, for reuse. */
const layoutOf = (s: HashringState): Layout => ({
  ring: s.ring,
  keyHashes: s.keyHashes,
  owners: s.owners,
});

/** The strategy inputs of the current state. */
export const placement = (s: HashringState): Placement => placementOf(s.config, s.ring, s.seeds);

/** Live node ids, ascending. */
export const liveIds = (s: { config: Config }): number[] => s.config.nodes.map((n) => n.id);

/** The initial state for the params. */
export function initialState(params: HashringParams, seeds: Seeds): HashringState {
  const config: Config = {
    nodes: Array.from({ length: params.nodes }, (_, id) => ({ id, weight: 1 })),
    vnodes: params.vnodes,
    hash: params.hash,
    strategy: params.strategy,
    epsilon: params.epsilon,
    keyCount: params.keys,
  };
  const layout = computeLayout(config, seeds);
  return {
    seeds,
    config,
    nextNodeId: params.nodes,
    ...layout,
    keysById: loadsById(layout.owners, MAX_NODES),
    replicas: params.replicas,
    zipfS: params.zipfS,
    zipf: zipfCdf(params.keys, params.zipfS),
    change: null,
    changeSeq: 0,
    ringVersion: 1,
    keysVersion: 1,
    traffic: newTraffic(),
  };
}

/** What a change is, for the record and its sentence. */
export interface ChangeIntent {
  op: ChangeOp;
  /** The start of the log line: "Added N4 with 100 vnodes". */
  head: string;
  node?: number;
  weight?: { node: number; up: boolean };
  /** Appended after the moved clause: "; CV 0.62 → 0.10". */
  tail?: (before: HashringState, after: HashringState) => string;
}

/** Moves the model to `next`, records which keys moved and logs the sentence. */
export function applyConfig(
  s: HashringState,
  next: Config,
  intent: ChangeIntent,
  ctx: HashringCtx,
): void {
  const before = { ...s };
  const prevConfig = s.config;
  const layout = computeLayout(next, s.seeds, { config: prevConfig, layout: layoutOf(s) });
  const beforeIds = liveIds(s);
  const afterIds = next.nodes.map((n) => n.id);
  const added = afterIds.filter((id) => !beforeIds.includes(id));
  const removed = beforeIds.filter((id) => !afterIds.includes(id));
  const moved = diffOwners(s.owners, layout.owners);
  const compared = Math.min(s.owners.length, layout.owners.length);
  const membership = added.length + removed.length > 0 && prevConfig.keyCount === next.keyCount;
  const common = layout.keyHashes.subarray(0, compared);
  const moduloMoved = membership ? moduloMovedCount(common, beforeIds, afterIds) : null;

  if (layout.ring !== s.ring) s.ringVersion++;
  s.config = next;
  s.ring = layout.ring;
  s.keyHashes = layout.keyHashes;
  s.owners = layout.owners;
  s.keysById = loadsById(layout.owners, MAX_NODES);
  if (s.zipf.length !== next.keyCount) s.zipf = zipfCdf(next.keyCount, s.zipfS);
  s.keysVersion++;
  s.changeSeq++;

  let text = intent.head + movedClause(moved.length, compared);
  if (intent.op === 'keys' && compared > 0 && moved.length === 0)
    text = `${intent.head}; no existing key moved`;
  if (moduloMoved !== null) {
    // Ideal: a join takes its fair share; a leave moves exactly the leaver's keys.
    const ideal = added.length
      ? Math.round((compared * added.length) / afterIds.length)
      : removed.reduce((sum, id) => sum + (before.keysById[id] ?? 0), 0);
    text += comparisonClause(next.strategy, compared, moduloMoved, ideal);
  }
  if (intent.tail) text += intent.tail(before, s);
  s.change = {
    seq: s.changeSeq,
    op: intent.op,
    node: intent.node ?? null,
    added,
    removed,
    moved,
    previousOwners: before.owners,
    comparedKeys: compared,
    moduloMoved,
    rule: moveRule(next.strategy, intent.op, beforeIds, added, removed, intent.weight),
    text,
  };
  const nodes = [
    ...new Set([...added, ...removed, ...(intent.node === undefined ? [] : [intent.node])]),
  ];
  ctx.log(text, nodes.length ? { kind: 'change', nodes } : { kind: 'change' });
}

/**
 * Statistics of keys per unit of weight over the live nodes: a weight-3 node holding three times
 * the keys is balanced, not an outlier. With equal weights this is plain keys per node.
 */
export const keyStats = (s: HashringState) =>
  loadStats(s.config.nodes.map((n) => (s.keysById[n.id] ?? 0) / n.weight));
