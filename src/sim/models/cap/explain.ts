/**
 * One sentence saying why a read cannot be linearized, in terms of real-time order
 * ("C2 read 1 from k0 after C1's write of 2 had completed"), plus the ops it refers to so a view
 * can highlight them. The rules are sufficient reasons, tried from the most specific; when none
 * applies the sentence falls back to the states the search found the register in.
 */
import type { RegisterState } from './linearizability';
import type { MonOp } from './monitor';

export interface Names {
  process?(p: number): string;
  key?(k: number): string;
}

export interface Explanation {
  sentence: string;
  related: number[];
}

const show = (v: MonOp['value'] | RegisterState): string =>
  v === null ? 'nothing' : typeof v === 'object' ? `{${v.join(', ')}}` : String(v);

/** a returned before b was invoked. */
const before = (a: MonOp, b: MonOp): boolean => a.ret < b.call;

const latest = (ops: MonOp[]): MonOp | undefined =>
  ops.reduce<MonOp | undefined>((best, o) => (!best || o.ret > best.ret ? o : best), undefined);

/**
 * Why read `x` of `key` cannot be placed, given the other ops of that key (`ops`). `written`
 * says whether a value was ever written to the key, for writes no longer among `ops`.
 */
export function explainFailure(
  x: MonOp,
  key: number,
  ops: readonly MonOp[],
  states: readonly RegisterState[],
  names: Names = {},
  written?: (v: number) => boolean,
): Explanation {
  const proc = names.process ?? ((p: number) => `C${p}`);
  const P = proc(x.process);
  const K = names.key ? names.key(key) : `k${key}`;
  const v = x.value;
  const writes = ops.filter((o) => o.f === 'write' && o !== x);
  if (typeof v === 'object' && v !== null) {
    return {
      sentence: `${P} read ${K} and got the siblings ${show(v)}: a linearizable register returns one value`,
      related: writes.filter((w) => v.includes(w.value as number)).map((w) => w.id),
    };
  }
  const ofV = v === null ? [] : writes.filter((w) => w.value === v);
  const live = ofV.filter((w) => w.status !== 'fail');
  if (v !== null && live.length === 0) {
    const failed = ofV[0];
    return failed
      ? {
          sentence: `${P} read ${v} from ${K}, but ${proc(failed.process)}'s write of ${v} failed and never took effect`,
          related: [failed.id],
        }
      : written?.(v)
        ? {
            sentence: `${P} read ${v} from ${K}, a value written long before and overwritten many times since`,
            related: [],
          }
        : { sentence: `${P} read ${v} from ${K}, a value nobody wrote`, related: [] };
  }
  if (v !== null && live.every((w) => w.call > x.ret)) {
    const w = live[0]!;
    return {
      sentence: `${P} read ${v} from ${K} before ${proc(w.process)} began writing it`,
      related: [w.id],
    };
  }
  const overwrite = latest(
    writes.filter(
      (w2) =>
        w2.status === 'ok' && w2.value !== v && before(w2, x) && live.every((w) => before(w, w2)),
    ),
  );
  if (overwrite) {
    return {
      sentence: `${P} read ${show(v)} from ${K} after ${proc(overwrite.process)}'s write of ${show(overwrite.value)} had completed`,
      related: [overwrite.id, ...live.map((w) => w.id)],
    };
  }
  const newer = latest(
    ops.filter((r) => {
      if (r.f !== 'read' || r.status !== 'ok' || typeof r.value !== 'number' || r.value === v)
        return false;
      if (!before(r, x)) return false;
      const theirs = writes.filter((w2) => w2.value === r.value && w2.status !== 'fail');
      return theirs.length > 0 && theirs.every((w2) => live.every((w) => before(w, w2)));
    }),
  );
  if (newer) {
    const theirs = writes.filter((w2) => w2.value === newer.value && w2.status !== 'fail');
    return {
      sentence: `${P} read ${show(v)} from ${K} after ${proc(newer.process)} had already read the newer ${show(newer.value)}`,
      related: [newer.id, ...theirs.map((w) => w.id), ...live.map((w) => w.id)],
    };
  }
  const held = states.filter((s) => s !== 'any' && s !== v).map(show);
  return {
    sentence:
      `No order of the overlapping operations lets ${P}'s read of ${K} return ${show(v)}` +
      (held.length ? `: by then the register held ${held.join(' or ')}` : ''),
    related: live.map((w) => w.id),
  };
}
