/**
 * The consistent-hashing model: nodes with stable ids, keys placed by one of five strategies,
 * membership changes that report how many keys moved (and what hash % N would have moved), and a
 * Zipf request stream routed to the keys' owners every 100 virtual ms.
 */
import type { ModelDef } from '../../core/types';
import * as act from './actions';
import { count, formatRatio } from './format';
import { hashringInvariants } from './invariants';
import { deriveSeeds } from './layout';
import { hashringMeta } from './meta';
import type { HashringParams } from './params';
import { cloneTraffic, tick, TICK_MS } from './traffic';
import { hashringMetrics, hashringView, type HashringView } from './view';
import {
  initialState,
  keyStats,
  placement,
  type HashringState,
  type NoMessage,
  type TimerData,
} from './state';
import { preferenceList, usesRing } from './strategies';

/** The consistent-hashing model. */
export const hashringModel: ModelDef<
  HashringParams,
  HashringState,
  TimerData,
  NoMessage,
  HashringView
> = {
  meta: hashringMeta,

  init(ctx) {
    const s = initialState(ctx.params, deriveSeeds(ctx.seed));
    const { strategy, vnodes, keyCount, nodes } = s.config;
    const stats = keyStats(s);
    const how = usesRing(strategy) ? `${strategy}, ${count(vnodes, 'vnode')} each` : strategy;
    ctx.log(
      `Placed ${count(keyCount, 'key')} on ${count(nodes.length, 'node')} (${how}): CV of keys per node ${formatRatio(stats.cv)}, busiest node ${formatRatio(stats.maxOverMean)}× the mean`,
      { kind: 'init' },
    );
    ctx.schedule(TICK_MS, { kind: 'tick' });
    return s;
  },

  onTimer(s, _data, ctx) {
    const p = placement(s);
    tick(s.traffic, {
      now: ctx.now,
      ratePerSec: ctx.params.requestRate,
      cdf: s.zipf,
      owners: s.owners,
      keyHashes: s.keyHashes,
      rng: ctx.rng('requests'),
      preferenceOf: (hash, owner) => preferenceList(p, hash, owner, s.replicas),
    });
    ctx.schedule(TICK_MS, { kind: 'tick' });
  },

  onInput(s, input, ctx) {
    switch (input.action) {
      case 'addNode':
        act.addNodes(s, 1, (input.weight as number | undefined) ?? 1, ctx);
        break;
      case 'removeNode':
        act.removeNodes(s, [input.node as number], ctx);
        break;
      case 'setVnodes':
        act.setVnodes(s, input.vnodes as number, ctx);
        break;
      case 'addKeys':
        act.setKeyCount(s, s.config.keyCount + (input.count as number), ctx);
        break;
      case 'setSkew':
        act.setSkew(s, input.zipfS as number, ctx);
        break;
      case 'setWeight':
        act.setWeight(s, input.node as number, input.weight as number, ctx);
        break;
    }
    // Keep the params (shown in the panel, carried by share links) equal to what is in effect.
    ctx.patchParams({
      nodes: s.config.nodes.length,
      vnodes: s.config.vnodes,
      keys: s.config.keyCount,
      zipfS: s.zipfS,
    });
  },

  // Each param applies live, one change at a time so every change is narrated on its own.
  // Actions keep the params in step (patchParams above), so a change here is a real change.
  onParams(s, prev, ctx) {
    const p = ctx.params;
    if (p.strategy !== prev.strategy) act.setStrategy(s, p.strategy, ctx);
    if (p.hash !== prev.hash) act.setHash(s, p.hash, ctx);
    if (p.nodes !== prev.nodes) act.setNodeCount(s, p.nodes, ctx);
    if (p.vnodes !== prev.vnodes) act.setVnodes(s, p.vnodes, ctx);
    if (p.keys !== prev.keys) act.setKeyCount(s, p.keys, ctx);
    if (p.epsilon !== prev.epsilon) act.setEpsilon(s, p.epsilon, ctx);
    if (p.zipfS !== prev.zipfS) act.setSkew(s, p.zipfS, ctx);
    if (p.replicas !== prev.replicas) s.replicas = p.replicas;
  },

  view: (s, ctx) => hashringView(s, ctx.params.requestRate),
  metrics: (s) => hashringMetrics(s),
  invariants: hashringInvariants,

  // Everything but the traffic counters is replaced, never mutated, so checkpoints share it.
  snapshot: (s) => ({ ...s, traffic: cloneTraffic(s.traffic) }),
  restore: (snap) => {
    const s = snap as HashringState;
    return { ...s, traffic: cloneTraffic(s.traffic) };
  },
  sampleEveryMs: TICK_MS,
  checkpointEveryMs: 1000,
};
