/**
 * Practice: "which node owns this key, and who are its replicas?" A seeded small ring (a few
 * nodes, a few vnodes each) and one of its keys; the model places the key and walks the ring
 * clockwise for its preference list (the owner, then the next distinct nodes). The wrong choices
 * are the usual slips: walking the other way, counting a node's second vnode as another replica,
 * and hash % N.
 */
import { Rng } from '../../core/rng';
import { Sim } from '../../core/sim';
import type { PracticeChoice, PracticeGenerator, PracticeQuestion } from '../../practice/types';
import { listWords } from '../../practice/types';
import { nodeName } from './format';
import { hashringMeta } from './meta';
import { hashringModel } from './model';
import { placement, type HashringState } from './state';
import { preferenceList } from './strategies';

const hex = (h: number): string => `0x${(h >>> 0).toString(16).padStart(8, '0')}`;
const share = (h: number): string => `${((h / 4294967296) * 100).toFixed(1)}%`;

const label = (ids: readonly number[], distinct = true): string => {
  const [owner, ...rest] = ids.map(nodeName);
  if (!distinct) return `${owner} owns it; copies on ${listWords(rest)} (the next vnodes)`;
  return rest.length ? `${owner} owns it; replicas on ${listWords(rest)}` : `${owner} owns it`;
};

export function hashringQuestion(seed: number): PracticeQuestion {
  const rng = new Rng(seed).stream('practice');
  const params = {
    strategy: 'ring',
    nodes: rng.int(3, 5),
    vnodes: rng.int(1, 3),
    replicas: rng.int(2, 3),
    keys: rng.int(12, 40),
    requestRate: 0,
  };
  const sim = new Sim(
    hashringModel,
    {
      model: 'hashring',
      params: hashringMeta.params.parse(params) as Record<string, unknown>,
      seed,
      inputs: [],
    },
    { checkInvariants: false, keepLog: false },
  );
  const s = sim.state as HashringState;
  const key = rng.int(0, params.keys - 1);
  const h = s.keyHashes[key]!;
  const owner = s.owners[key]!;
  const right = preferenceList(placement(s), h, owner, params.replicas);
  const { positions, owners } = s.ring;
  const n = positions.length;
  let first = 0;
  while (first < n && positions[first]! < h) first++;
  first %= n;
  // Slips: the walk the other way (from the vnode before the key), the next vnodes without
  // skipping a node met twice, and hash % N with the next buckets.
  const back: number[] = [];
  for (
    let i = 0, j = (first - 1 + n) % n;
    i < n && back.length < right.length;
    i++, j = (j - 1 + n) % n
  )
    if (!back.includes(owners[j]!)) back.push(owners[j]!);
  const next = Array.from({ length: right.length }, (_, i) => owners[(first + i) % n]!);
  const live = s.config.nodes.map((x) => x.id);
  const modulo = Array.from(
    { length: right.length },
    (_, i) => live[((h % live.length) + i) % live.length]!,
  );
  const swapped = [right[1]!, right[0]!, ...right.slice(2)];
  const options: { ids: number[]; distinct: boolean }[] = [
    { ids: right, distinct: true },
    { ids: back, distinct: true },
    { ids: next, distinct: new Set(next).size === next.length },
    { ids: modulo, distinct: true },
    { ids: swapped, distinct: true },
    // Any other node as owner, with the right replicas behind it.
    ...live
      .filter((x) => x !== owner)
      .map((x) => ({
        ids: [x, ...right.filter((r) => r !== x)].slice(0, right.length),
        distinct: true,
      })),
  ];
  const choices: PracticeChoice[] = [];
  for (const o of options) {
    const id = o.ids.join('-');
    if (!choices.some((c) => c.id === id) && choices.length < 4)
      choices.push({ id, label: label(o.ids, o.distinct) });
  }
  const rightId = right.join('-');
  rng.shuffle(choices);
  const vnodeLines = Array.from(positions, (p, i) => ({ p, o: owners[i]! })).map(
    ({ p, o }) => `${hex(p)} (${share(p)} of the way round): ${nodeName(o)}`,
  );
  return {
    model: 'hashring',
    seed,
    prompt: `A ring of ${params.nodes} nodes with ${params.vnodes} ${params.vnodes === 1 ? 'vnode' : 'vnodes'} each keeps every key on ${params.replicas} distinct nodes. Key ${key} hashes to ${hex(h)} (${share(h)} of the way round). Which node owns it, and which nodes hold its replicas?`,
    factsTitle: 'Vnode positions on the ring, clockwise from 0x00000000',
    facts: vnodeLines,
    kind: 'one',
    choices,
    key: { ids: [rightId] },
    explanation: `Walk clockwise from the key's hash: the first vnode at or after ${hex(h)} is ${hex(positions[first]!)}, which belongs to ${nodeName(owners[first]!)}, so ${nodeName(right[0]!)} owns key ${key}. Keep walking and take the next distinct nodes, skipping vnodes of a node already chosen (past the top the walk wraps round to 0x00000000): ${listWords(right.map(nodeName))}.`,
    scenario: { model: 'hashring', params, seed, inputs: [] },
    atMs: 0,
    revealUntil: '',
    widgetBefore: false,
    revealUi: { findKey: key },
  };
}

export const hashringPractice: PracticeGenerator = {
  model: 'hashring',
  title: 'Which nodes hold this key?',
  generate: hashringQuestion,
};
