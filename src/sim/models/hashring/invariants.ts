/**
 * What must hold after every input: owners agree with slow reference rules, preference lists are
 * full and distinct, bounded loads respect capacities, and the last change obeyed the
 * monotonicity its strategy promises. Checks use a fixed sample of keys (evenly spaced, plus the
 * first keys the last change moved) so they stay cheap on 100,000 keys.
 */
import type { Invariant } from '../../core/types';
import { boundedCapacities } from './bounded';
import { nodeName } from './format';
import type { HashringParams } from './params';
import { boundedSkippedWithRoom, referenceOwner } from './reference';
import { liveIds, placement, type HashringState } from './state';
import { preferenceList } from './strategies';

const SAMPLE_EVEN = 24;
const SAMPLE_MOVED = 8;

/** The keys the invariants look at. */
export function sampleKeys(s: HashringState): number[] {
  const n = s.config.keyCount;
  const out = new Set<number>();
  for (let i = 0; i < Math.min(n, SAMPLE_EVEN); i++)
    out.add(Math.floor((i * n) / Math.min(n, SAMPLE_EVEN)));
  const moved = s.change?.moved ?? new Uint32Array(0);
  for (let i = 0; i < Math.min(moved.length, SAMPLE_MOVED); i++)
    if (moved[i]! < n) out.add(moved[i]!);
  return [...out];
}

const capacitiesById = (s: HashringState): Map<number, number> => {
  const { nodes, keyCount, epsilon } = s.config;
  const caps = boundedCapacities(
    nodes.map((n) => n.weight),
    keyCount,
    epsilon,
  );
  return new Map(nodes.map((n, i) => [n.id, caps[i]!]));
};

const ownersMatch: Invariant<HashringState, HashringParams> = {
  id: 'owner-matches-scan',
  label: 'Lookups agree with a brute-force scan',
  description:
    'For a sample of keys, the owner found by binary search (or jump hash, or the rendezvous fast path) equals the owner found by scanning every vnode or scoring every node.',
  when: 'input',
  check(s) {
    const p = placement(s);
    const live = new Set(p.live);
    const caps = p.strategy === 'bounded' ? capacitiesById(s) : null;
    for (const k of sampleKeys(s)) {
      const h = s.keyHashes[k]!;
      const owner = s.owners[k]!;
      if (!live.has(owner))
        return `key ${k} is owned by ${nodeName(owner)}, which is not in the cluster`;
      if (caps) {
        const skipped = boundedSkippedWithRoom(
          s.ring,
          h,
          owner,
          (id) => s.keysById[id] ?? 0,
          (id) => caps.get(id) ?? 0,
        );
        if (skipped !== null)
          return `key ${k} went to ${nodeName(owner)} past ${nodeName(skipped)}, which still has room`;
        continue;
      }
      const expected = referenceOwner(p, h);
      if (expected !== owner)
        return `key ${k} (hash ${h}) is on ${nodeName(owner)} but a scan says ${nodeName(expected)}`;
    }
    return null;
  },
};

const preferenceLists: Invariant<HashringState, HashringParams> = {
  id: 'preference-lists',
  label: 'Preference lists hold N distinct nodes',
  description: 'Every sampled key has min(N, nodes) distinct live replicas, its owner first.',
  when: 'input',
  check(s) {
    const p = placement(s);
    const want = Math.min(s.replicas, p.live.length);
    for (const k of sampleKeys(s)) {
      const list = preferenceList(p, s.keyHashes[k]!, s.owners[k]!, s.replicas);
      if (list.length !== want) return `key ${k} has ${list.length} replicas, expected ${want}`;
      if (new Set(list).size !== list.length)
        return `key ${k} lists a node twice: ${list.map(nodeName).join(', ')}`;
      if (list[0] !== s.owners[k])
        return `key ${k}'s preference list does not start with its owner`;
      if (!list.every((id) => p.live.includes(id))) return `key ${k} lists a node that left`;
    }
    return null;
  },
};

const boundedCapacity: Invariant<HashringState, HashringParams> = {
  id: 'bounded-capacity',
  label: 'No node above its capacity',
  description: 'With bounded loads, no node holds more than ceil((1 + ε) × keys / nodes) keys.',
  when: 'input',
  check(s) {
    if (s.config.strategy !== 'bounded') return null;
    for (const [id, cap] of capacitiesById(s)) {
      const load = s.keysById[id] ?? 0;
      if (load > cap) return `${nodeName(id)} holds ${load} keys, above its capacity ${cap}`;
    }
    return null;
  },
};

const monotone: Invariant<HashringState, HashringParams> = {
  id: 'monotone',
  label: 'Only necessary keys move',
  description:
    'Ring and rendezvous hashing (and jump hash at its last bucket) are monotone: a join moves keys only to the new node, a leave only from the leaving node.',
  when: 'input',
  check(s) {
    const c = s.change;
    if (!c?.rule) return null;
    const { rule } = c;
    if (rule.kind === 'none')
      return c.moved.length ? `${c.moved.length} keys moved, but none should have` : null;
    for (const k of c.moved) {
      if (rule.kind === 'to' && !rule.nodes.includes(s.owners[k]!))
        return `key ${k} moved to ${nodeName(s.owners[k]!)}, not to ${rule.nodes.map(nodeName).join(' or ')}`;
      if (rule.kind === 'from' && !rule.nodes.includes(c.previousOwners[k]!))
        return `key ${k} moved away from ${nodeName(c.previousOwners[k]!)}, which stayed`;
    }
    return null;
  },
};

const keyCounts: Invariant<HashringState, HashringParams> = {
  id: 'key-counts',
  label: 'Every key has exactly one owner',
  description: 'Keys per node add up to the number of keys, and only live nodes hold keys.',
  when: 'input',
  check(s) {
    const n = s.config.keyCount;
    if (s.owners.length !== n || s.keyHashes.length !== n)
      return `${s.owners.length} owners for ${n} keys`;
    const live = new Set(liveIds(s));
    let sum = 0;
    for (let id = 0; id < s.keysById.length; id++) {
      const count = s.keysById[id]!;
      if (count > 0 && !live.has(id)) return `${nodeName(id)} left but still holds ${count} keys`;
      sum += count;
    }
    return sum === n ? null : `per-node counts add up to ${sum}, not ${n}`;
  },
};

export const hashringInvariants = [
  ownersMatch,
  preferenceLists,
  boundedCapacity,
  monotone,
  keyCounts,
];
