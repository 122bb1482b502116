/**
 * Practice: "is this short history linearizable, and if not, which read breaks it?" A seeded run
 * of the CAP model with three replicas and three clients doing a handful of reads and writes of
 * one key, sometimes across a partition; the model's own checker (the live monitor, the one the
 * widget shows) gives the verdict and the first read it cannot place.
 */
import { Rng } from '../../core/rng';
import { Sim } from '../../core/sim';
import type { ScenarioInput } from '../../core/types';
import type { PracticeChoice, PracticeGenerator, PracticeQuestion } from '../../practice/types';
import type { HistoryEntry } from './history';
import type { ReadValue } from './linearizability';
import { capMeta } from './meta';
import { capModel } from './model';
import type { CapState } from './types';

const REPLICAS = 3;
const CLIENTS = 3;

const show = (v: ReadValue): string =>
  v === null ? 'nothing' : typeof v === 'object' ? `{${v.join(', ')}}` : String(v);

/** One op of the history: its invoke and how it ended (if it did). */
export interface PracticeOp {
  index: number;
  process: number;
  f: 'read' | 'write';
  /** The written value, or what the read returned (null: nothing yet). */
  value: ReadValue;
  call: number;
  ret: number | null;
  type: 'ok' | 'fail' | 'info' | 'pending';
  /** History positions of the invoke and the completion (-1: none): real-time order. */
  callPos: number;
  retPos: number;
}

/** The history's ops in invoke order, each paired with its completion. */
export function opsOf(history: readonly HistoryEntry[]): PracticeOp[] {
  const ops: PracticeOp[] = [];
  const open = new Map<number, PracticeOp>();
  for (const e of history) {
    if (e.type === 'invoke') {
      const op: PracticeOp = {
        index: e.index,
        process: e.process,
        f: e.f,
        value: e.f === 'write' ? e.value : null,
        call: e.time,
        ret: null,
        type: 'pending',
        callPos: e.index,
        retPos: -1,
      };
      ops.push(op);
      open.set(e.process, op);
    } else {
      const op = open.get(e.process);
      if (!op) continue;
      open.delete(e.process);
      op.ret = e.time;
      op.retPos = e.index;
      op.type = e.type;
      if (op.f === 'read' && e.type === 'ok') op.value = e.value;
    }
  }
  return ops;
}

const ms = (t: number): string => `${Math.round(t)} ms`;

function opLine(op: PracticeOp): string {
  const who = `C${op.process}`;
  const span = op.ret === null ? `from ${ms(op.call)}` : `${ms(op.call)} to ${ms(op.ret)}`;
  if (op.f === 'write') {
    const how =
      op.type === 'ok'
        ? 'ok'
        : op.type === 'fail'
          ? 'failed (never took effect)'
          : 'unknown (it may or may not have taken effect)';
    return `${who} wrote ${show(op.value)}, ${span}: ${how}`;
  }
  if (op.type === 'ok') return `${who} read, ${span}: got ${show(op.value)}`;
  return `${who} read, ${span}: ${op.type === 'fail' ? 'failed' : 'no answer'}`;
}

const readLabel = (op: PracticeOp): string =>
  `C${op.process}'s read that got ${show(op.value)} (${ms(op.call)} to ${ms(op.ret ?? op.call)})`;

export function capQuestion(seed: number): PracticeQuestion {
  const rng = new Rng(seed).stream('practice');
  const mode = rng.pick(['ap', 'ap', 'quorum', 'cp'] as const);
  const params = {
    mode,
    replicas: REPLICAS,
    clients: CLIENTS,
    keys: 1,
    rate: 0,
    timeoutMs: 500,
    latencyMsMin: 5,
    latencyMsMax: 60,
    antiEntropyMs: rng.int(4, 12) * 50,
    ...(mode === 'quorum' ? { N: 3, R: 1, W: 1 } : {}),
  };
  const sim = new Sim(
    capModel,
    {
      model: 'cap',
      params: capMeta.params.parse(params) as Record<string, unknown>,
      seed,
      inputs: [],
    },
    { checkInvariants: false, keepLog: false },
  );
  const s = sim.state as CapState;
  const inputs: ScenarioInput[] = [];
  const add = (i: ScenarioInput) => {
    inputs.push(i);
    sim.addInput(i);
  };
  // Sometimes C0 and its home S0 are cut off from the rest for a while.
  const cutAt = rng.chance(0.75) ? rng.int(0, 300) : -1;
  const healAt = cutAt >= 0 ? cutAt + rng.int(300, 900) : -1;
  const ops = rng.int(5, 7);
  if (cutAt >= 0) {
    add({ at: cutAt, action: 'partition', groups: [[0, REPLICAS]] });
    add({ at: healAt, action: 'heal' });
  }
  let t = 20;
  for (let k = 0; k < ops; k++) {
    t += rng.int(20, 180);
    sim.runUntil(t);
    const idle = s.clients.filter((c) => !c.pending);
    if (!idle.length) continue;
    const client = rng.pick(idle).id;
    // The first op writes, so reads have something to disagree about.
    const f = k === 0 || rng.chance(0.4) ? 'write' : 'read';
    add({ at: t, action: f, client, key: 0 });
  }
  const endMs = Math.max(t, healAt) + params.timeoutMs + 100;
  sim.runUntil(endMs);
  inputs.sort((a, b) => a.at - b.at);
  const history = opsOf(s.history);
  const witness = s.monitor.witnesses[0];
  const reads = history.filter((o) => o.f === 'read' && o.type === 'ok');
  const choices: PracticeChoice[] = [
    { id: 'linearizable', label: 'It is linearizable: every read can be explained' },
    ...reads.map((o) => ({ id: `r${o.index}`, label: readLabel(o) })),
  ];
  const broken = witness ? history.find((o) => o.index === witness.id) : undefined;
  const cut =
    cutAt >= 0
      ? ` C0 and its replica S0 were cut off from the others from ${ms(cutAt)} to ${ms(healAt)}.`
      : '';
  return {
    model: 'cap',
    seed,
    prompt: `Three clients read and write one register (key k0) through replicas S0, S1 and S2 (${mode === 'cp' ? 'majority quorums' : mode === 'ap' ? 'each replica answers alone' : 'quorums with R = 1 and W = 1'}).${cut} Is this history linearizable? If not, which read is the first that no order of the operations can explain?`,
    factsTitle: 'The history, in the order the operations started',
    facts: history.map(opLine),
    kind: 'one',
    choices,
    key: { ids: [broken ? `r${broken.index}` : 'linearizable'] },
    explanation: broken
      ? `The checker found no order of the operations, each taking effect at one moment between its start and its end, in which ${readLabel(broken)} returns what it did: ${witness!.sentence}. Before that read ended, the history could still be explained.`
      : 'Every read can be explained: there is an order of the operations, each taking effect at one moment between its start and its end, in which each read returns the latest write before it (a write that failed never happened; an unknown one may or may not have).',
    scenario: { model: 'cap', params, seed, inputs },
    atMs: 0,
    revealUntil: `t:${endMs}`,
    widgetBefore: false,
  };
}

export const capPractice: PracticeGenerator = {
  model: 'cap',
  title: 'Is this history linearizable?',
  generate: capQuestion,
};
