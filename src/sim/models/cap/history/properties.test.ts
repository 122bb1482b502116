import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkHistory } from '../history';
import { randomHistory } from '../testdata/histories';
import { checkLoaded } from './check';
import type { LoadedHistory, LoadedOp } from './parse';

type Kind = 'read' | 'write' | 'cas' | 'append';

/** A random one-key history: ops on a few processes with small values, some unknown or failed. */
function randomOps(cs: readonly number[], procs: number, kinds: readonly Kind[]): LoadedHistory {
  const ops: LoadedOp[] = [];
  const open = new Map<number, LoadedOp>();
  let pos = 0;
  for (let i = 0; i + 2 < cs.length; i += 3) {
    const p = Math.floor(cs[i]! * procs);
    const a = cs[i + 1]!;
    const b = Math.floor(cs[i + 2]! * 3);
    const op = open.get(p);
    if (!op) {
      if (ops.length >= 7) continue;
      const f = kinds[Math.floor(a * kinds.length)]!;
      const value = f === 'cas' ? [b, (b + 1) % 3] : f === 'read' ? null : b;
      const o: LoadedOp = {
        id: pos,
        process: p,
        f,
        key: '',
        value,
        type: 'pending',
        call: pos++,
        ret: Infinity,
        line: 0,
      };
      open.set(p, o);
      ops.push(o);
      continue;
    }
    open.delete(p);
    const at = pos++;
    if (op.f === 'read') {
      if (a < 0.15) op.type = 'fail';
      else {
        op.type = 'ok';
        op.ret = at;
        op.value = kinds.includes('append')
          ? b === 0
            ? null
            : [1, 0, 2].slice(0, b)
          : b === 0
            ? null
            : b;
      }
    } else {
      op.type = a < 0.6 ? 'ok' : a < 0.8 ? 'info' : 'fail';
      if (op.type === 'ok') op.ret = at;
    }
  }
  return { format: 'json', ops, events: pos, initial: null };
}

/** Every order of the required ops plus any subset of the unknown ones, checked by definition. */
function bruteForce(h: LoadedHistory, casAsWrite = false): boolean {
  const ops = h.ops.filter((o) => o.type !== 'fail' && (o.f !== 'read' || o.type === 'ok'));
  const placed = ops.map(() => false);
  const eq = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y);
  const go = (state: unknown, left: number): boolean => {
    if (left === 0) return true;
    for (let i = 0; i < ops.length; i++) {
      if (placed[i]) continue;
      const c = ops[i]!;
      if (ops.some((m, j) => !placed[j] && j !== i && m.ret < c.call)) continue;
      let next: unknown;
      if (c.f === 'write') next = c.value;
      else if (c.f === 'read') {
        if (!eq(c.value, state)) continue;
        next = state;
      } else if (c.f === 'cas') {
        const [x, y] = c.value as number[];
        if (!casAsWrite && !eq(x, state)) continue;
        next = y;
      } else next = [...((state as number[] | null) ?? []), c.value as number];
      placed[i] = true;
      const ok = go(next, left - (Number.isFinite(c.ret) ? 1 : 0));
      placed[i] = false;
      if (ok) return true;
    }
    return false;
  };
  return go(h.initial, ops.filter((o) => Number.isFinite(o.ret)).length);
}

const choices = fc
  .array(fc.integer({ min: 0, max: 999 }), { minLength: 12, maxLength: 60 })
  .map((xs) => xs.map((x) => x / 1000));
const runs = process.env.DSP_LONG ? 20_000 : 1500;

describe('the whole-history check agrees with brute force', () => {
  for (const kinds of [
    ['read', 'write', 'cas'],
    ['read', 'append'],
    ['read', 'write'],
  ] as Kind[][])
    it(`on random small histories of ${kinds.join('/')}`, () => {
      let bad = 0;
      fc.assert(
        fc.property(choices, fc.integer({ min: 1, max: 3 }), (cs, procs) => {
          const h = randomOps(cs, procs, kinds);
          const expected = bruteForce(h);
          if (!expected) bad++;
          expect(checkLoaded(h).linearizable).toBe(expected);
        }),
        { numRuns: runs },
      );
      expect(bad).toBeGreaterThan(runs / 20);
      expect(bad).toBeLessThan(runs - runs / 20);
    });

  it('catches a deliberately broken checker (one that ignores what cas compares)', () => {
    let caught = 0;
    fc.assert(
      fc.property(choices, fc.integer({ min: 1, max: 3 }), (cs, procs) => {
        const h = randomOps(cs, procs, ['read', 'write', 'cas']);
        if (bruteForce(h, true) !== bruteForce(h)) caught++;
      }),
      { numRuns: runs },
    );
    expect(caught).toBeGreaterThan(0);
  });
});

describe('no unknown verdict on histories of 100 operations or fewer', () => {
  it('for the incremental monitor and the whole check, repeated values and unknown writes included', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 999 }), { minLength: 300, maxLength: 600 }),
        fc.integer({ min: 2, max: 10 }),
        fc.boolean(),
        (xs, procs, unique) => {
          const h = randomHistory(
            xs.map((x) => x / 1000),
            procs,
            unique,
            100,
            0.8,
          );
          expect(checkHistory(h).unknown).toBe(false);
        },
      ),
      { numRuns: process.env.DSP_LONG ? 2000 : 40 },
    );
  });
});
