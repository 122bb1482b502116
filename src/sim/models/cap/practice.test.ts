import { describe, expect, it } from 'vitest';
import { Sim } from '../../core/sim';
import { gradePractice } from '../../practice/types';
import { capMeta } from './meta';
import { capModel } from './model';
import { capQuestion, opsOf, type PracticeOp } from './practice';
import type { CapState } from './types';

const SEEDS = Number(process.env.DSP_LONG ? 600 : 150);

/**
 * Brute force, by the definition (Herlihy & Wing): at time `now`, is there an order of the ops
 * that respects real time, in which ok ops all take effect, failed ones never do, unknown and
 * still-pending writes may or may not, and every ok read returns the latest write before it?
 */
function linearizableAt(all: readonly PracticeOp[], now: number): boolean {
  const ops = all
    .filter((o) => o.callPos <= now && o.type !== 'fail')
    .map((o) => {
      const done = o.retPos >= 0 && o.retPos <= now;
      return { ...o, end: done ? o.retPos : Infinity, must: done && o.type === 'ok' };
    })
    .filter((o) => o.f === 'write' || o.must);
  const placed = new Set<number>();
  const search = (value: unknown): boolean => {
    if (ops.every((o) => !o.must || placed.has(o.index))) return true;
    for (const o of ops) {
      if (placed.has(o.index)) continue;
      // o can go next only if no unplaced required op ended before o started.
      if (ops.some((p) => p.must && !placed.has(p.index) && p !== o && p.end < o.callPos)) continue;
      if (o.f === 'read' && o.value !== value) continue;
      placed.add(o.index);
      const ok = search(o.f === 'write' ? o.value : value);
      placed.delete(o.index);
      if (ok) return true;
    }
    return false;
  };
  return search(null);
}

describe('CAP practice: is the history linearizable, and which read breaks it', () => {
  it('agrees with a brute-force check of every prefix of the history', () => {
    let broken = 0;
    for (let seed = 1; seed <= SEEDS; seed++) {
      const q = capQuestion(seed);
      // Replay the scenario from scratch, as the widget does, and read its history.
      const sim = new Sim(
        capModel,
        {
          ...q.scenario,
          params: capMeta.params.parse(q.scenario.params) as Record<string, unknown>,
        },
        { checkInvariants: true },
      );
      sim.runUntil(Number(q.revealUntil.slice(2)));
      expect(sim.violation, `seed ${seed}`).toBeNull();
      const ops = opsOf((sim.state as CapState).history);
      expect(ops.length, `seed ${seed}`).toBe(q.facts.length);
      // The first completion after which no order explains the history: its op is the answer.
      const ends = ops.filter((o) => o.retPos >= 0).sort((a, b) => a.retPos - b.retPos);
      const first = ends.find((o) => !linearizableAt(ops, o.retPos));
      const expected = first ? `r${first.index}` : 'linearizable';
      if (first) {
        broken++;
        expect(first.f, `seed ${seed}`).toBe('read');
      }
      expect(q.key.ids, `seed ${seed}`).toEqual([expected]);
      expect(gradePractice(q, [expected]).correct).toBe(true);
      expect(q.choices.map((c) => c.id)).toContain(expected);
    }
    // Both verdicts come up often.
    expect(broken).toBeGreaterThan(SEEDS / 5);
    expect(broken).toBeLessThan((SEEDS * 4) / 5);
  });

  it('the brute force itself tells a stale read from a fresh one', () => {
    const w = (index: number, value: number, call: number, ret: number): PracticeOp => ({
      index,
      process: 0,
      f: 'write',
      value,
      call,
      ret,
      type: 'ok',
      callPos: call,
      retPos: ret,
    });
    const r = (index: number, value: number | null, call: number, ret: number): PracticeOp => ({
      index,
      process: 1,
      f: 'read',
      value,
      call,
      ret,
      type: 'ok',
      callPos: call,
      retPos: ret,
    });
    expect(linearizableAt([w(0, 1, 0, 10), r(1, 1, 20, 30)], 30)).toBe(true);
    expect(linearizableAt([w(0, 1, 0, 10), r(1, null, 20, 30)], 30)).toBe(false);
    expect(linearizableAt([w(0, 1, 0, 40), r(1, null, 20, 30)], 40)).toBe(true);
    expect(linearizableAt([w(0, 1, 0, 10), w(2, 2, 12, 15), r(1, 1, 20, 30)], 30)).toBe(false);
  });
});
