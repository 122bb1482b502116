/** hashring-balance with the learner's `hash(bytes, seed)` in place of the built-in family. */
import type { HashFamily } from '../../../sim/core/hash';
import { runBalance } from '../../../sim/models/hashring/experiments';
import { balanceMeta, balanceParams } from '../../../sim/models/hashring/experimentsMeta';
import { contract, parseParams, showValue, type Runner } from './types';

/** The 4 little-endian bytes of a u32 (a key id). */
function le32(x: number): Uint8Array {
  return new Uint8Array([x & 0xff, (x >>> 8) & 0xff, (x >>> 16) & 0xff, (x >>> 24) & 0xff]);
}

/** The 8 little-endian bytes of two u32s (a node id, then a vnode index). */
function le64(a: number, b: number): Uint8Array {
  const out = new Uint8Array(8);
  out.set(le32(a));
  out.set(le32(b), 4);
  return out;
}

export const runHashring: Runner = ({ fn, params, budget, exportLine, onProgress }) => {
  const hash = fn as (bytes: Uint8Array, seed: number) => unknown;
  const call = (bytes: Uint8Array, seed: number): number => {
    const v = budget.call(() => hash(bytes, seed));
    if (typeof v !== 'number' || !Number.isFinite(v))
      throw contract(`hash returned ${showValue(v)}; it must return a number`, exportLine);
    return v >>> 0;
  };
  const family: HashFamily = {
    id: 'learner',
    label: 'your hash',
    bytes: (b, seed = 0) => call(b, seed),
    u: (x, seed = 0) => call(le32(x), seed),
    uu: (a, b, seed = 0) => call(le64(a, b), seed),
  };
  const result = runBalance(parseParams(balanceParams, params), onProgress, family);
  return { result, rows: balanceMeta.toRows(result) };
};
