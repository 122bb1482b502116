/**
 * The network model: one-way latency drawn uniformly from [latencyMsMin, latencyMsMax], loss and
 * duplication probabilities, per-link overrides, and partitions as groups of node ids. Nodes in
 * the same group can talk; nodes named in no group form one more group together. Plain data, so
 * it snapshots with the rest of the simulation.
 */
import type { Rng } from './rng';

export interface LinkConfig {
  latencyMsMin: number;
  latencyMsMax: number;
  /** Probability in [0, 1] that a message is lost. */
  lossRate: number;
  /** Probability in [0, 1] that a delivered message is delivered twice. */
  duplicateRate: number;
}

export interface NetworkState extends LinkConfig {
  /** Partition groups, or null when the network is whole. */
  groups: number[][] | null;
  /** Overrides for directed links, keyed `"from->to"`. */
  links: Record<string, Partial<LinkConfig>>;
}

export const DEFAULT_LINK: LinkConfig = {
  latencyMsMin: 10,
  latencyMsMax: 20,
  lossRate: 0,
  duplicateRate: 0,
};

export function createNetwork(config: Partial<LinkConfig> = {}): NetworkState {
  return { ...DEFAULT_LINK, ...config, groups: null, links: {} };
}

const groupOf = (net: NetworkState, node: number): number => {
  const groups = net.groups;
  if (!groups) return 0;
  for (let g = 0; g < groups.length; g++) if (groups[g]!.includes(node)) return g;
  return -1;
};

/** Whether a message from `a` to `b` can cross the network right now. */
export function canTalk(net: NetworkState, a: number, b: number): boolean {
  return net.groups === null || a === b || groupOf(net, a) === groupOf(net, b);
}

export function linkConfig(net: NetworkState, from: number, to: number): LinkConfig {
  const o = net.links[`${from}->${to}`];
  return o ? { ...net, ...o } : net;
}

/**
 * The delivery delays for one send: empty when the message is lost or the link is cut, two
 * entries when it is duplicated. Draws from `rng` in a fixed order so runs replay exactly.
 */
export function planDelivery(net: NetworkState, rng: Rng, from: number, to: number): number[] {
  if (!canTalk(net, from, to)) return [];
  const link = linkConfig(net, from, to);
  if (rng.chance(link.lossRate)) return [];
  const delay = (): number =>
    rng.int(link.latencyMsMin, Math.max(link.latencyMsMin, link.latencyMsMax));
  const first = delay();
  return rng.chance(link.duplicateRate) ? [first, delay()] : [first];
}

/** Partition the network into groups (validated: no node in two groups). */
export function partition(net: NetworkState, groups: number[][]): void {
  const seen = new Set<number>();
  for (const g of groups)
    for (const n of g) {
      if (seen.has(n)) throw new Error(`node ${n} is in two partition groups`);
      seen.add(n);
    }
  net.groups = groups.map((g) => [...g]);
}

export function heal(net: NetworkState): void {
  net.groups = null;
}
