/**
 * The incremental monitor against one whole-history search on the same history, one row per
 * size (clients x operations on one key), with unique values (as the model writes them) and with
 * repeated values 0..3 (as Jepsen's etcd tests write them). The value is the ratio
 * monitor / whole search; the target is the issue's: within 2x.
 */
import { checkHistory } from '../../src/sim/models/cap/history';
import { searchRegister } from '../../src/sim/models/cap/linearizability';
import { randomHistory, refOps } from '../../src/sim/models/cap/testdata/histories';
import type { Bench } from './types';
import { medianMs } from './timing';

/** Seeded choices in [0, 1) (a 32-bit LCG: the bench needs the same history every run). */
function choices(n: number, seed: number): number[] {
  let x = seed >>> 0;
  return Array.from({ length: n }, () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x / 2 ** 32;
  });
}

const SIZES: [clients: number, ops: number][] = [
  [5, 100],
  [5, 1000],
  [10, 1000],
  [50, 1000],
];

const row = (clients: number, ops: number, unique: boolean): Bench => ({
  name: `checker, ${clients} clients x ${ops.toLocaleString('en')} ops on a key, ${unique ? 'unique' : 'repeated'} values: incremental / whole search`,
  target: '<= 2x',
  meets: (x) => x <= 2,
  run() {
    const h = randomHistory(choices(ops * 8, clients * 7919 + ops), clients, unique, ops, 0.98);
    const reg = refOps(h);
    const whole = medianMs(() => searchRegister(reg, [{ state: null }]), 5);
    const inc = medianMs(() => checkHistory(h), 5);
    const v = checkHistory(h);
    const w = searchRegister(reg, [{ state: null }]);
    return {
      value: Number((inc / Math.max(whole, 1e-3)).toFixed(2)),
      unit: 'x',
      note: `incremental ${inc.toFixed(2)} ms, whole ${whole.toFixed(2)} ms; ${h.length / 2} ops, whole ${w.result}, incremental ${v.linearizable ? 'linearizable' : v.unknown ? 'unknown' : 'violation'}`,
    };
  },
});

// Repeated values only at 100 ops: at 1,000 the monitor still takes tens of seconds (issue 14,
// not yet met), too long for a bench row.
export const checkerBenches: Bench[] = [
  ...SIZES.map(([c, n]) => row(c, n, true)),
  row(5, 100, false),
  row(10, 100, false),
];
