/**
 * The whole-history check of a loaded history, key by key (P-compositionality), as Porcupine
 * does it: one search per key from the key's initial contents. A key that cannot be linearized
 * gets the op the search could not get past, with a sentence why; that op is then left out and
 * the search repeated, so several independent violations are all shown (a greedy count).
 * Each search is `decideRegister`'s: the plain search, then (when it gives up) the exact register
 * checks, which have no step budget on keys of 100 operations or fewer, so those always get a
 * verdict.
 */
import { decideRegister } from '../decide';
import { explainFailure } from '../explain';
import { type RegisterOp, type RegisterState, type Value } from '../linearizability';
import type { MonOp } from '../monitor';
import type { LoadedHistory, LoadedOp } from './parse';

export interface OpWitness {
  id: number;
  key: string;
  process: number;
  sentence: string;
  related: number[];
}

export interface CheckVerdict {
  linearizable: boolean;
  unknown: boolean;
  violations: number;
  witnesses: OpWitness[];
  keys: { key: string; ops: number; result: 'ok' | 'violation' | 'unknown' }[];
  steps: number;
}

export interface WholeOptions {
  budget?: number;
  /** Called after each key (done, total), for a progress bar. */
  onProgress?(done: number, total: number): void;
}

const MAX_WITNESSES_PER_KEY = 20;
const SMALL = 100;

const show = (v: Value | RegisterState): string =>
  v === null
    ? 'nothing'
    : Array.isArray(v)
      ? `[${v.join(' ')}]`
      : typeof v === 'string'
        ? JSON.stringify(v)
        : String(v);

function describe(op: LoadedOp): string {
  if (op.f === 'cas') {
    const [a, b] = op.value as readonly Value[];
    return `cas from ${show(a ?? null)} to ${show(b ?? null)}`;
  }
  return `${op.f} of ${show(op.value)}`;
}

/** A sentence for ops the register explainer does not cover (cas, append, strings). */
function generic(op: LoadedOp, key: string, states: readonly RegisterState[]): string {
  const held = states.filter((s) => s !== 'any').map(show);
  const K = key === '' ? 'the register' : `key ${key}`;
  const what = op.f === 'read' ? `read of ${show(op.value)} from ${K}` : `${describe(op)} on ${K}`;
  return (
    `No order of the overlapping operations lets P${op.process}'s ${what} happen` +
    (held.length ? `: by then ${K} held ${[...new Set(held)].join(' or ')}` : '')
  );
}

const isNumeric = (ops: readonly LoadedOp[]): boolean =>
  ops.every(
    (o) =>
      (o.f === 'read' || o.f === 'write') &&
      (o.value === null ||
        typeof o.value === 'number' ||
        (Array.isArray(o.value) && o.value.every((x) => typeof x === 'number'))),
  );

const asMon = (o: LoadedOp): MonOp => ({
  id: o.id,
  process: o.process,
  f: o.f as 'read' | 'write',
  value: o.value as MonOp['value'],
  status: o.type,
  call: o.call,
  ret: o.ret,
  callMs: o.call,
  retMs: Number.isFinite(o.ret) ? o.ret : -1,
});

/** Checks every key of a loaded history. */
export function checkLoaded(h: LoadedHistory, options: WholeOptions = {}): CheckVerdict {
  const byKey = new Map<string, LoadedOp[]>();
  for (const o of h.ops) {
    const list = byKey.get(o.key);
    if (list) list.push(o);
    else byKey.set(o.key, [o]);
  }
  const verdict: CheckVerdict = {
    linearizable: true,
    unknown: false,
    violations: 0,
    witnesses: [],
    keys: [],
    steps: 0,
  };
  let done = 0;
  for (const [key, all] of byKey) {
    // Failed ops did not happen; reads with no answer say nothing.
    const ops = all.filter(
      (o) => (o.type !== 'fail' || o.casMissed) && (o.f !== 'read' || o.type === 'ok'),
    );
    const numeric = isNumeric(all);
    const budget = options.budget ?? 20_000_000;
    const fallbackBudget = ops.length <= SMALL ? Infinity : budget;
    let hard = false;
    let live = ops;
    let result: 'ok' | 'violation' | 'unknown' = 'ok';
    for (let n = 0; n <= MAX_WITNESSES_PER_KEY; n++) {
      const search: RegisterOp[] = live.map((o) => ({
        f: o.f,
        value: o.value,
        call: o.call,
        ret: o.ret,
        ...(o.casMissed && { casMissed: true }),
      }));
      const out = decideRegister(search, [{ state: h.initial }], {
        budget: Math.min(budget, 2_000_000),
        fallbackBudget,
        skipPlain: hard,
      });
      if (out.by !== 'search') hard = true;
      verdict.steps += out.steps;
      if (out.result === 'ok') break;
      if (out.result === 'unknown' || out.failed < 0 || n === MAX_WITNESSES_PER_KEY) {
        if (result === 'ok') result = 'unknown';
        break;
      }
      result = 'violation';
      const x = live[out.failed]!;
      const sentence = numeric
        ? explainFailure(
            asMon(x),
            0,
            live.map(asMon).concat(all.filter((o) => o.type === 'fail').map(asMon)),
            out.statesAtFailure,
            {
              process: (p) => `P${p}`,
              key: () => (key === '' ? 'the register' : `key ${key}`),
            },
          )
        : { sentence: generic(x, key, out.statesAtFailure), related: [] };
      verdict.witnesses.push({
        id: x.id,
        key,
        process: x.process,
        sentence: sentence.sentence,
        related: sentence.related,
      });
      verdict.violations++;
      live = live.filter((o) => o !== x);
    }
    verdict.keys.push({ key, ops: all.length, result });
    if (result !== 'ok') verdict.linearizable = false;
    if (result === 'unknown') verdict.unknown = true;
    options.onProgress?.(++done, byKey.size);
  }
  return verdict;
}
