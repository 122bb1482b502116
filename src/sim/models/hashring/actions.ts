/**
 * What each learner action (and each live param change) does to the state. Every placement
 * change goes through `applyConfig`, so all of them are diffed, checked and narrated alike.
 */
import { HASHES, type HashId } from '../../core/hash';
import { capacityOf } from './bounded';
import {
  count as countOf,
  formatInt,
  formatPercent,
  formatRatio,
  nodeList,
  nodeName,
} from './format';
import type { NodeSpec } from './layout';
import { MAX_KEYS, MAX_NODES, type StrategyId } from './params';
import { vnodeCount } from './ring';
import { applyConfig, keyStats, liveIds, type HashringCtx, type HashringState } from './state';
import { usesRing, usesWeights } from './strategies';
import { zipfCdf, zipfTopShare } from './zipf';

const warn = (ctx: HashringCtx, text: string): void =>
  ctx.log(text, { level: 'warn', kind: 'refused' });

/** The next id to hand out: fresh while ids remain, then the lowest id not in use. */
function takeId(s: HashringState, taken: readonly number[]): number {
  if (s.nextNodeId < MAX_NODES) return s.nextNodeId++;
  for (let id = 0; id < MAX_NODES; id++) if (!taken.includes(id)) return id;
  return -1;
}

/** Adds `count` nodes of weight `weight`. */
export function addNodes(s: HashringState, count: number, weight: number, ctx: HashringCtx): void {
  const nodes: NodeSpec[] = [...s.config.nodes];
  const added: number[] = [];
  let reused = false;
  for (let i = 0; i < count; i++) {
    if (nodes.length >= MAX_NODES) {
      warn(ctx, `Cannot add a node: ${MAX_NODES} nodes is the most this playground runs`);
      break;
    }
    reused ||= s.nextNodeId >= MAX_NODES;
    const id = takeId(
      s,
      nodes.map((n) => n.id),
    );
    nodes.push({ id, weight });
    added.push(id);
  }
  if (added.length === 0) return;
  nodes.sort((a, b) => a.id - b.id);
  const { strategy, vnodes } = s.config;
  let what = nodeList(added);
  if (usesRing(strategy)) what += ` with ${countOf(vnodeCount(vnodes, weight), 'vnode')}`;
  else if (weight !== 1 && usesWeights(strategy)) what += ` (weight ${weight})`;
  if (reused) what += ` (reusing a free id: all 64 ids have been used)`;
  applyConfig(
    s,
    { ...s.config, nodes },
    { op: 'add', head: `Added ${what}`, ...(added.length === 1 ? { node: added[0]! } : {}) },
    ctx,
  );
}

/** Removes the nodes `ids` (all must be live, and one node must stay). */
export function removeNodes(s: HashringState, ids: readonly number[], ctx: HashringCtx): void {
  const live = liveIds(s);
  const missing = ids.filter((id) => !live.includes(id));
  if (missing.length) return warn(ctx, `Cannot remove ${nodeList(missing)}: not in the cluster`);
  if (ids.length >= live.length)
    return warn(ctx, 'Cannot remove the last node: keys need somewhere to live');
  const nodes = s.config.nodes.filter((n) => !ids.includes(n.id));
  let tail: (() => string) | undefined;
  if (
    s.config.strategy === 'jump' &&
    ids.some((id) => live.some((other) => other > id && !ids.includes(other)))
  )
    tail = () =>
      '. Jump hash numbers its buckets, so every node after the removed one was renumbered';
  applyConfig(
    s,
    { ...s.config, nodes },
    {
      op: 'remove',
      head: `Removed ${nodeList(ids)}`,
      ...(ids.length === 1 ? { node: ids[0]! } : {}),
      ...(tail ? { tail } : {}),
    },
    ctx,
  );
}

/** Sets the number of live nodes by adding fresh ones or removing the highest ids. */
export function setNodeCount(s: HashringState, count: number, ctx: HashringCtx): void {
  const live = liveIds(s);
  if (count > live.length) addNodes(s, count - live.length, 1, ctx);
  else if (count < live.length) removeNodes(s, live.slice(count), ctx);
}

export function setWeight(s: HashringState, node: number, weight: number, ctx: HashringCtx): void {
  const current = s.config.nodes.find((n) => n.id === node);
  if (!current) return warn(ctx, `Cannot set the weight of ${nodeName(node)}: not in the cluster`);
  if (current.weight === weight) return;
  const nodes = s.config.nodes.map((n) => (n.id === node ? { id: node, weight } : n));
  const { strategy, vnodes } = s.config;
  let head = `${nodeName(node)} weight ${current.weight} → ${weight}`;
  if (usesRing(strategy)) head += ` (${countOf(vnodeCount(vnodes, weight), 'vnode')})`;
  if (!usesWeights(strategy)) head += ` (${strategy} ignores weights)`;
  const intent = {
    op: 'weight' as const,
    head,
    node,
    weight: { node, up: weight > current.weight },
  };
  applyConfig(s, { ...s.config, nodes }, intent, ctx);
}

export function setVnodes(s: HashringState, vnodes: number, ctx: HashringCtx): void {
  if (vnodes === s.config.vnodes) return;
  const head = `Vnodes per node ${s.config.vnodes} → ${vnodes}`;
  const tail = (a: HashringState, b: HashringState): string =>
    usesRing(b.config.strategy)
      ? `; CV of keys per node ${formatRatio(keyStats(a).cv)} → ${formatRatio(keyStats(b).cv)}`
      : ` (${b.config.strategy} does not use the ring)`;
  applyConfig(s, { ...s.config, vnodes }, { op: 'vnodes', head, tail }, ctx);
}

export function setStrategy(s: HashringState, strategy: StrategyId, ctx: HashringCtx): void {
  if (strategy === s.config.strategy) return;
  const head = `Strategy ${s.config.strategy} → ${strategy}`;
  applyConfig(s, { ...s.config, strategy }, { op: 'strategy', head }, ctx);
}

export function setHash(s: HashringState, hash: HashId, ctx: HashringCtx): void {
  if (hash === s.config.hash) return;
  const head = `Hash ${HASHES[s.config.hash].label} → ${HASHES[hash].label}, so every key and vnode sits somewhere new`;
  applyConfig(s, { ...s.config, hash }, { op: 'hash', head }, ctx);
}

export function setEpsilon(s: HashringState, epsilon: number, ctx: HashringCtx): void {
  if (epsilon === s.config.epsilon) return;
  const next = { ...s.config, epsilon };
  // Outside bounded loads epsilon places nothing: keep the last change on screen.
  if (next.strategy !== 'bounded') {
    s.config = next;
    return;
  }
  const cap = (eps: number) =>
    formatInt(capacityOf(1, s.config.nodes.length, s.config.keyCount, eps));
  const head = `Load slack ε ${s.config.epsilon} → ${epsilon} (capacity ${cap(s.config.epsilon)} → ${cap(epsilon)} keys per node)`;
  applyConfig(s, next, { op: 'epsilon', head }, ctx);
}

export function setKeyCount(s: HashringState, keyCount: number, ctx: HashringCtx): void {
  const count = Math.min(MAX_KEYS, Math.max(0, keyCount));
  const before = s.config.keyCount;
  if (count === before) {
    if (keyCount > MAX_KEYS)
      warn(ctx, `Already at the most keys this playground stores (${formatInt(MAX_KEYS)})`);
    return;
  }
  let head =
    count > before
      ? `Added ${countOf(count - before, 'key')} (${formatInt(count)} in all)`
      : `Removed ${countOf(before - count, 'key')} (${formatInt(count)} left)`;
  if (keyCount > MAX_KEYS) head += `, capped at ${formatInt(MAX_KEYS)}`;
  applyConfig(s, { ...s.config, keyCount: count }, { op: 'keys', head }, ctx);
}

export function setSkew(s: HashringState, zipfS: number, ctx: HashringCtx): void {
  if (zipfS === s.zipfS) return;
  const from = s.zipfS;
  s.zipfS = zipfS;
  s.zipf = zipfCdf(s.config.keyCount, zipfS);
  const top = zipfTopShare(s.zipf);
  const effect =
    zipfS === 0 || s.config.keyCount === 0
      ? 'requests now spread evenly over the keys'
      : `the most popular key now draws ${formatPercent(top)} of requests`;
  ctx.log(`Hot-key skew ${from} → ${zipfS}: ${effect}`, { kind: 'skew' });
}
