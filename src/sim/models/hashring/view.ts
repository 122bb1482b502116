/**
 * What the hashring view draws. `view` is small and sent every frame; `heavy` holds the big typed
 * arrays (ring positions, every key's hash and owner), re-sent only when their version changes.
 * The arrays are shared with the model's checkpoints: copy them before transferring.
 */
import type { HashId } from '../../core/hash';
import type { ModelFrame } from '../../core/types';
import { boundedCapacities, capacityOf } from './bounded';
import type { ChangeOp } from './change';
import { nodeName } from './format';
import { vnodeCount } from './ring';
import { keyStats, liveIds, placement, type HashringState } from './state';
import { MAX_NODES, type StrategyId } from './params';
import { preferenceList, usesRing, usesWeights } from './strategies';
import { ratesById, type SampledRequest } from './traffic';
import { zipfTopShare } from './zipf';

export interface HashringNodeView {
  id: number;
  /** "N3" */
  name: string;
  weight: number;
  /** Vnodes this node places on the ring (vnodes x weight, at least 1). */
  vnodes: number;
  keys: number;
  /** Keys this node stores a copy of, as owner or as a replica on their preference lists. */
  copies: number;
  requestsPerSec: number;
  /** Palette index: the id, so a node keeps its color when others come and go. */
  color: number;
  /** Bounded loads: this node's capacity in keys; null for other strategies. */
  capacity: number | null;
}

export interface HashringChangeView {
  op: ChangeOp;
  node: number | null;
  added: number[];
  removed: number[];
  moved: number;
  movedFraction: number;
  /** What hash % N would have moved for the same join or leave; null for other changes. */
  moduloMoved: number | null;
  moduloMovedFraction: number | null;
  /** Bumps with every change: the view starts its move animation when it does. */
  changeSeq: number;
  /** The sentence the log shows. */
  text: string;
}

export interface HashringView {
  strategy: StrategyId;
  hash: HashId;
  /** Whether the ring (arcs, vnodes) decides placement: ring and bounded. */
  usesRing: boolean;
  usesWeights: boolean;
  replicas: number;
  /** Effective values (actions change them without changing params). */
  vnodes: number;
  epsilon: number;
  zipfS: number;
  requestRate: number;
  keyCount: number;
  nodes: HashringNodeView[];
  meanKeysPerNode: number;
  /** Coefficient of variation of keys per unit weight (keys per node when weights are equal). */
  cv: number;
  maxOverMean: number;
  minOverMean: number;
  /** Bounded loads: capacity of a weight-1 node; null for other strategies. */
  capacity: number | null;
  requestsPerSec: number;
  hottestNodeShare: number;
  /** Share of requests the single most popular key draws. */
  hottestKeyShare: number;
  /** Sampled requests of the last 400 ms, oldest first. */
  recent: SampledRequest[];
  lastChange: HashringChangeView | null;
  versions: { ring: number; keys: number };
}

/** heavy.ring */
export interface HashringRingHeavy {
  /** Sorted vnode positions on the 32-bit ring (angle = position / 2^32 of a turn). */
  positions: Uint32Array;
  /** Node id owning each position. */
  owners: Uint16Array;
}

/** heavy.keys */
export interface HashringKeysHeavy {
  /** Position of key k on the ring. */
  hashes: Uint32Array;
  /** Node id owning key k. */
  owners: Uint16Array;
  /** Owners before the last change (may be shorter than `owners` if keys were added); null before any change. */
  previousOwners: Uint16Array | null;
  /** Indices of the keys the last change moved. */
  moved: Uint32Array;
}

/** Requests per second of every node and the share of the busiest. */
function trafficStats(s: HashringState): { total: number; hottest: number; rates: Float64Array } {
  const rates = ratesById(s.traffic);
  let total = 0;
  let max = 0;
  for (const r of rates) {
    total += r;
    max = Math.max(max, r);
  }
  return { total, hottest: total > 0 ? max / total : 0, rates };
}

/** The frame for the view. */
export function hashringView(s: HashringState, requestRate: number): ModelFrame<HashringView> {
  const { config } = s;
  const stats = keyStats(s);
  const traffic = trafficStats(s);
  const capacities =
    config.strategy === 'bounded'
      ? boundedCapacities(
          config.nodes.map((n) => n.weight),
          config.keyCount,
          config.epsilon,
        )
      : null;
  const copies = copiesById(s);
  const nodes = config.nodes.map((n, i) => ({
    id: n.id,
    name: nodeName(n.id),
    weight: n.weight,
    vnodes: vnodeCount(config.vnodes, n.weight),
    keys: s.keysById[n.id] ?? 0,
    copies: copies[n.id] ?? 0,
    requestsPerSec: traffic.rates[n.id] ?? 0,
    color: n.id,
    capacity: capacities ? capacities[i]! : null,
  }));
  const c = s.change;
  const lastChange: HashringChangeView | null = c && {
    op: c.op,
    node: c.node,
    added: [...c.added],
    removed: [...c.removed],
    moved: c.moved.length,
    movedFraction: c.comparedKeys > 0 ? c.moved.length / c.comparedKeys : 0,
    moduloMoved: c.moduloMoved,
    moduloMovedFraction:
      c.moduloMoved === null ? null : c.comparedKeys > 0 ? c.moduloMoved / c.comparedKeys : 0,
    changeSeq: c.seq,
    text: c.text,
  };
  const view: HashringView = {
    strategy: config.strategy,
    hash: config.hash,
    usesRing: usesRing(config.strategy),
    usesWeights: usesWeights(config.strategy),
    replicas: s.replicas,
    vnodes: config.vnodes,
    epsilon: config.epsilon,
    zipfS: s.zipfS,
    requestRate,
    keyCount: config.keyCount,
    nodes,
    meanKeysPerNode: nodes.length ? config.keyCount / nodes.length : 0,
    cv: stats.cv,
    maxOverMean: stats.maxOverMean,
    minOverMean: stats.minOverMean,
    capacity: unitCapacity(s),
    requestsPerSec: traffic.total,
    hottestNodeShare: traffic.hottest,
    hottestKeyShare: zipfTopShare(s.zipf),
    recent: s.traffic.recent,
    lastChange,
    versions: { ring: s.ringVersion, keys: s.keysVersion },
  };
  const { ring, keyHashes, owners } = s;
  return {
    view,
    heavy: {
      ring: {
        version: s.ringVersion,
        get: (): HashringRingHeavy => ({ positions: ring.positions, owners: ring.owners }),
      },
      keys: {
        version: s.keysVersion,
        get: (): HashringKeysHeavy => ({
          hashes: keyHashes,
          owners,
          previousOwners: c ? c.previousOwners : null,
          moved: c ? c.moved : new Uint32Array(0),
        }),
      },
    },
  };
}

/**
 * Copies per node id (owner and replicas of every key). The placement arrays are replaced, never
 * mutated, so the count is kept per owners array and replica count, not redone every frame.
 */
const copiesMemo = new WeakMap<Uint16Array, { replicas: number; ring: unknown; byId: number[] }>();
export function copiesById(s: HashringState): readonly number[] {
  const hit = copiesMemo.get(s.owners);
  if (hit && hit.replicas === s.replicas && hit.ring === s.ring) return hit.byId;
  const byId = new Array<number>(MAX_NODES).fill(0);
  const p = placement(s);
  for (let k = 0; k < s.owners.length; k++)
    for (const id of preferenceList(p, s.keyHashes[k]!, s.owners[k]!, s.replicas)) byId[id]!++;
  copiesMemo.set(s.owners, { replicas: s.replicas, ring: s.ring, byId });
  return byId;
}

/** Capacity of a weight-1 node under bounded loads, else null. */
export function unitCapacity(s: HashringState): number | null {
  if (s.config.strategy !== 'bounded') return null;
  let total = 0;
  for (const n of s.config.nodes) total += n.weight;
  return capacityOf(1, total, s.config.keyCount, s.config.epsilon);
}

/** The metrics sampled into the charts. */
export function hashringMetrics(s: HashringState): Record<string, number> {
  const stats = keyStats(s);
  const traffic = trafficStats(s);
  const c = s.change;
  const compared = c?.comparedKeys ?? 0;
  return {
    keys: s.config.keyCount,
    nodes: liveIds(s).length,
    cv: stats.cv,
    maxOverMean: stats.maxOverMean,
    moved: c?.moved.length ?? 0,
    movedFraction: c && compared > 0 ? c.moved.length / compared : 0,
    moduloMoved: c?.moduloMoved ?? 0,
    moduloMovedFraction: c && c.moduloMoved !== null && compared > 0 ? c.moduloMoved / compared : 0,
    hottestNodeShare: traffic.hottest,
    requestsPerSec: traffic.total,
    capacity: unitCapacity(s) ?? 0,
  };
}
