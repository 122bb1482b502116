import { describe, expect, it } from 'vitest';
import { barLabel, joinHistory, pairOps } from './ops';
import type { HistoryEntry } from './types';

let index = 0;
const e = (
  type: HistoryEntry['type'],
  process: number,
  f: 'read' | 'write',
  value: HistoryEntry['value'],
  time: number,
): HistoryEntry => ({ index: index++, type, f, key: 0, value, process, time });

describe('pairOps', () => {
  it('pairs each invoke with its process’s next completion and keeps pending ops open', () => {
    index = 0;
    const ops = pairOps([
      e('invoke', 0, 'write', 1, 0),
      e('invoke', 1, 'read', null, 5),
      e('ok', 0, 'write', 1, 10),
      e('fail', 1, 'read', null, 20),
      e('invoke', 0, 'write', 2, 30),
      e('info', 0, 'write', 2, 40),
      e('invoke', 1, 'read', null, 50),
    ]);
    expect(ops.map((o) => [o.id, o.process, o.type, o.startMs, o.endMs])).toEqual([
      [0, 0, 'ok', 0, 10],
      [1, 1, 'fail', 5, 20],
      [4, 0, 'info', 30, 40],
      [6, 1, 'pending', 50, null],
    ]);
    expect(ops.map(barLabel)).toEqual(['W 1', 'R ✕', 'W 2 ?', 'R…']);
  });

  it('marks a read stale when its value was overwritten by a write completed before it began', () => {
    index = 0;
    const ops = pairOps([
      e('invoke', 0, 'write', 1, 0),
      e('ok', 0, 'write', 1, 10),
      e('invoke', 0, 'write', 2, 20),
      e('ok', 0, 'write', 2, 30),
      // Began after write 2 completed, returned 1: stale.
      e('invoke', 1, 'read', null, 40),
      e('ok', 1, 'read', 1, 50),
      // Returned 2: fresh.
      e('invoke', 1, 'read', null, 60),
      e('ok', 1, 'read', 2, 70),
    ]);
    expect(ops.filter((o) => o.f === 'read').map((o) => [o.value, o.stale])).toEqual([
      [1, true],
      [2, false],
    ]);
  });

  it('does not call a read stale when the overwriting write was still running as it began', () => {
    index = 0;
    const ops = pairOps([
      e('invoke', 0, 'write', 1, 0),
      e('ok', 0, 'write', 1, 10),
      e('invoke', 0, 'write', 2, 20),
      e('invoke', 1, 'read', null, 25),
      e('ok', 0, 'write', 2, 30),
      e('ok', 1, 'read', 1, 50),
    ]);
    expect(ops.find((o) => o.f === 'read')?.stale).toBe(false);
  });
});

describe('joinHistory', () => {
  const mk = (from: number, to: number): HistoryEntry[] =>
    Array.from({ length: to - from }, (_, i) => ({
      index: from + i,
      type: 'invoke' as const,
      f: 'read' as const,
      key: 0,
      value: null,
      process: 0,
      time: from + i,
    }));
  it('puts the older part of the heavy copy before the recent entries', () => {
    const joined = joinHistory(mk(0, 150), mk(100, 300));
    expect(joined.map((x) => x.index)).toEqual(Array.from({ length: 300 }, (_, i) => i));
  });
  it('ignores a heavy copy from a rebuilt cluster or one that leaves a gap', () => {
    expect(joinHistory(mk(0, 900), mk(0, 50)).length).toBe(50);
    expect(joinHistory(mk(0, 10), mk(100, 300))[0]?.index).toBe(100);
  });
});
