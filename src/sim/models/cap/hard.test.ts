/**
 * Histories the plain search takes exponential time on, and the guarantee that a history of 100
 * operations or fewer always gets a verdict (never `unknown`), from the incremental monitor and
 * from the whole-history check alike, and the same verdict from both.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideRegister } from './decide';
import { checkHistory, type HistoryEntry } from './history';
import { checkLoaded } from './history/check';
import { parseHistory } from './history/parse';
import { searchRegister } from './linearizability';
import { randomHistory, refOps } from './testdata/histories';

/** Builds a one-key history from [type, process, f, value] steps (time = position). */
const entries = (steps: [HistoryEntry['type'], number, 'read' | 'write', number | null][]) =>
  steps.map(([type, process, f, value], index): HistoryEntry => ({
    index,
    type,
    f,
    key: 0,
    value: type === 'invoke' && f === 'read' ? null : value,
    process,
    time: index,
  }));

/** 40 concurrent writes of 0..39, then reads one after the other (two: 42 ops, 84 events). */
function fortyWrites(...reads: number[]): HistoryEntry[] {
  const steps: Parameters<typeof entries>[0] = [];
  for (let p = 0; p < 40; p++) steps.push(['invoke', p, 'write', p]);
  for (let p = 0; p < 40; p++) steps.push(['ok', p, 'write', p]);
  for (const v of reads) steps.push(['invoke', 40, 'read', null], ['ok', 40, 'read', v]);
  return entries(steps);
}

/**
 * `k` concurrent writes, each value read by a read overlapping all of them, then reads of
 * `last` in turn: with `copies` writes per value (repeated values) or one (unique values).
 */
function clusters(k: number, copies: number, last: number[]): HistoryEntry[] {
  const steps: Parameters<typeof entries>[0] = [];
  const n = k * copies;
  for (let p = 0; p < n; p++) steps.push(['invoke', p, 'write', p % k]);
  for (let p = 0; p < k; p++) steps.push(['invoke', n + p, 'read', null]);
  for (let p = 0; p < n; p++) steps.push(['ok', p, 'write', p % k]);
  for (let p = 0; p < k; p++) steps.push(['ok', n + p, 'read', p]);
  for (const v of last) steps.push(['invoke', 0, 'read', null], ['ok', 0, 'read', v]);
  return entries(steps);
}

const toEdn = (h: readonly HistoryEntry[]): string =>
  h
    .map((e) => `{:type :${e.type}, :f :${e.f}, :value ${e.value ?? 'nil'}, :process ${e.process}}`)
    .join('\n');

describe('histories of 100 operations or fewer that the plain search cannot finish', () => {
  it('40 concurrent writes, then two reads: the plain search gives up, the verdict does not', () => {
    const bad = fortyWrites(5, 6);
    expect(searchRegister(refOps(bad), [{ state: null }]).result).toBe('unknown');
    const live = checkHistory(bad);
    expect(live).toMatchObject({ linearizable: false, unknown: false, violations: 1 });
    expect(live.witnesses[0]!.id).toBe(bad.length - 2);
    const whole = checkLoaded(parseHistory(toEdn(bad)));
    expect(whole).toMatchObject({ linearizable: false, unknown: false, violations: 1 });
    // Reads of 5 then 5, or 7 then 7: each fits, with the read write last.
    for (const v of [5, 7]) {
      expect(checkHistory(fortyWrites(v, v))).toMatchObject({ linearizable: true, unknown: false });
    }
  });

  it('a key the plain search gave up on is not searched that way again', () => {
    // More reads after the give-up: each check goes straight to the exact register checks.
    const h = fortyWrites(5, 6);
    const more = fortyWrites(5, 6, 6, 6, 6, 6, 6, 6);
    const once = checkHistory(h).steps;
    const after = checkHistory(more).steps;
    // One plain give-up (2,000,000 steps) in both; the six later checks add only a little.
    expect(once).toBeGreaterThan(2_000_000);
    expect(after - once).toBeLessThan(100_000);
  });

  it('unique values: clusters of a write and its concurrent read (zones), 62 ops', () => {
    const bad = clusters(30, 1, [0, 1]);
    expect(checkHistory(bad)).toMatchObject({ linearizable: false, unknown: false });
    expect(checkLoaded(parseHistory(toEdn(bad)))).toMatchObject({
      linearizable: false,
      unknown: false,
    });
    expect(checkHistory(clusters(30, 1, [0, 0]))).toMatchObject({ linearizable: true });
  });
});

describe('the monitor loses no violation the whole search finds', () => {
  it('an unknown write a read saw, placed by a compaction, is not placed a second time', () => {
    // C3's write of 2 (unknown outcome) explains C0's first read of 2; then C0 writes 1 and reads
    // 2 again, which needs a second write of 2 (C1's and C3's later ones failed). The monitor
    // compacted the first read away, then left the write out as unseen and offered it again.
    const h = entries([
      ['invoke', 3, 'write', 2],
      ['info', 3, 'write', 2],
      ['invoke', 1, 'write', 2],
      ['invoke', 0, 'read', null],
      ['ok', 0, 'read', 2],
      ['fail', 1, 'write', 2],
      ['invoke', 0, 'write', 1],
      ['ok', 0, 'write', 1],
      ['invoke', 0, 'read', null],
      ['invoke', 3, 'write', 2],
      ['fail', 3, 'write', 2],
      ['ok', 0, 'read', 2],
    ]);
    expect(searchRegister(refOps(h), [{ state: null }]).result).toBe('violation');
    expect(checkHistory(h)).toMatchObject({ linearizable: false, violations: 1 });
    expect(checkHistory(h).witnesses[0]).toMatchObject({ id: 8, process: 0 });
  });
});

describe('no unknown verdict on random histories of 100 operations or fewer', () => {
  it('the monitor and one whole search agree, with repeated values and many clients', () => {
    let violations = 0;
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 999 }), { minLength: 300, maxLength: 700 }),
        fc.integer({ min: 2, max: 40 }),
        fc.boolean(),
        fc.constantFrom(0.3, 0.8, 0.95),
        (xs, procs, unique, latest) => {
          const h = randomHistory(
            xs.map((x) => x / 1000),
            procs,
            unique,
            100,
            latest,
          );
          const live = checkHistory(h);
          expect(live.unknown).toBe(false);
          const whole = decideRegister(refOps(h), [{ state: null }], { fallbackBudget: Infinity });
          expect(whole.result).not.toBe('unknown');
          expect(live.linearizable).toBe(whole.result === 'ok');
          if (!live.linearizable) violations++;
        },
      ),
      { numRuns: process.env.DSP_LONG ? 3000 : 60 },
    );
    expect(violations).toBeGreaterThan(5);
  });
});

describe('explanations stay true after compaction', () => {
  /** C0 writes 1..n one after another, C2 reading each; then C1 reads `v`. */
  const longRun = (n: number, v: number) => {
    const steps: Parameters<typeof entries>[0] = [];
    // C2's reads make each completion a check, and each check compacts the window.
    for (let j = 1; j <= n; j++)
      steps.push(
        ['invoke', 0, 'write', j],
        ['ok', 0, 'write', j],
        ['invoke', 2, 'read', null],
        ['ok', 2, 'read', j],
      );
    steps.push(['invoke', 1, 'read', null], ['ok', 1, 'read', v]);
    return entries(steps);
  };

  it('a read of a value whose write left the window long ago is stale, not invented', () => {
    for (const n of [50, 700, 3000]) {
      const v = checkHistory(longRun(n, 3));
      expect(v.violations).toBe(1);
      expect(v.witnesses[0]!.sentence).toMatch(
        /^C1 read 3 from k0(,| after C0's write of \d+ had completed$)/,
      );
      expect(v.witnesses[0]!.sentence).not.toMatch(/nobody wrote/);
    }
    expect(checkHistory(longRun(3000, 9999)).witnesses[0]!.sentence).toBe(
      'C1 read 9999 from k0, a value nobody wrote',
    );
  });
});
