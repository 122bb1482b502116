/**
 * CAP benchmarks: the linearizability checker on 1,000-operation histories from 5 clients on one
 * key (the hardest case: no split by key), linearizable (cp) and not (ap), with and without the
 * monitor's windows; and one cap-partition experiment run.
 */
import { runCapPartition, type CapPartitionParams } from '../../src/sim/models/cap/experiments';
import { checkHistory, type HistoryEntry } from '../../src/sim/models/cap/history';
import { searchRegister, type RegisterOp } from '../../src/sim/models/cap/linearizability';
import { checkerBenches } from './checker';
import type { Bench } from './types';
import { medianMs } from './timing';

const HISTORY: CapPartitionParams = {
  mode: 'cp',
  replicas: 5,
  clients: 5,
  keys: 1,
  N: 3,
  R: 2,
  W: 2,
  readRepair: false,
  conflict: 'lww',
  ops: 1000,
  rate: 40,
  partitionMs: 2000,
  seed: 1,
};

/** The whole history as one search, no windows: the raw Wing & Gong / Lowe search. */
function wholeSearch(history: readonly HistoryEntry[]): RegisterOp[] {
  const open = new Map<number, { op: RegisterOp; f: string }>();
  const ops: RegisterOp[] = [];
  for (const e of history) {
    if (e.type === 'invoke') {
      const op: RegisterOp = { f: e.f, value: e.value, call: e.index, ret: Infinity };
      open.set(e.process, { op, f: e.f });
      ops.push(op);
      continue;
    }
    const o = open.get(e.process)!;
    open.delete(e.process);
    if (e.type === 'ok') {
      o.op.ret = e.index;
      if (e.f === 'read') o.op.value = e.value;
    } else if (e.type === 'fail') ops.splice(ops.indexOf(o.op), 1);
  }
  return ops.filter((o) => o.f === 'write' || Number.isFinite(o.ret));
}

const cache = new Map<string, HistoryEntry[]>();
const historyOf = (mode: 'cp' | 'ap'): HistoryEntry[] => {
  let h = cache.get(mode);
  if (!h) {
    h = runCapPartition({ ...HISTORY, mode }).history;
    cache.set(mode, h);
  }
  return h;
};

const checkerBench = (mode: 'cp' | 'ap'): Bench => ({
  name: `checker: 1,000 ops, 5 clients, 1 key, ${mode === 'cp' ? 'linearizable (cp)' : 'not linearizable (ap)'}`,
  // Measured at about 20-30 ms on an idle machine; the target leaves room for a busy one.
  target: '<= 250 ms',
  meets: (ms) => ms <= 250,
  run() {
    const h = historyOf(mode);
    const ms = medianMs(() => checkHistory(h));
    const v = checkHistory(h);
    return {
      value: ms,
      unit: 'ms',
      note: `${h.length / 2} ops, linearizable ${v.linearizable}, ${v.violations} violations, ${v.steps} search steps`,
    };
  },
});

export const capBenches: Bench[] = [
  ...checkerBenches,
  checkerBench('cp'),
  checkerBench('ap'),
  {
    name: 'checker without windows: one search over 1,000 cp ops',
    target: '<= 100 ms',
    meets: (ms) => ms <= 100,
    run() {
      const ops = wholeSearch(historyOf('cp'));
      const ms = medianMs(() => searchRegister(ops, [{ state: null }]));
      const out = searchRegister(ops, [{ state: null }]);
      return { value: ms, unit: 'ms', note: `${out.result}, ${out.steps} steps` };
    },
  },
  {
    name: 'checker without windows: first violation in 1,000 ap ops',
    target: '<= 200 ms',
    meets: (ms) => ms <= 200,
    run() {
      const ops = wholeSearch(historyOf('ap'));
      const ms = medianMs(() => searchRegister(ops, [{ state: null }]), 3);
      const out = searchRegister(ops, [{ state: null }]);
      return { value: ms, unit: 'ms', note: `${out.result}, ${out.steps} steps` };
    },
  },
  {
    name: 'cap-partition experiment (5 replicas, 5 clients, 2 keys, 500 ops, cp)',
    target: '<= 500 ms',
    meets: (ms) => ms <= 500,
    run() {
      const params = { ...HISTORY, keys: 2, ops: 500, rate: 20, partitionMs: 3000 };
      const ms = medianMs(() => runCapPartition(params), 5);
      const r = runCapPartition(params);
      return {
        value: ms,
        unit: 'ms',
        note: `availability ${(r.availability * 100).toFixed(1)}%, ${r.partitions} partitions`,
      };
    },
  },
];
