import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkHistory } from './history';
import { searchRegister } from './linearizability';
import { bruteForce, hist, randomHistory, refOps } from './testdata/histories';

const verdict = (h: ReturnType<typeof hist>) => checkHistory(h);

describe('checkHistory on known histories', () => {
  it('accepts a sequential history', () => {
    const h = hist([
      ['invoke', 0, 'read'],
      ['ok', 0, 'read', null],
      ['invoke', 0, 'write', 1],
      ['ok', 0, 'write', 1],
      ['invoke', 1, 'read'],
      ['ok', 1, 'read', 1],
      ['invoke', 1, 'write', 2],
      ['ok', 1, 'write', 2],
      ['invoke', 0, 'read'],
      ['ok', 0, 'read', 2],
    ]);
    expect(verdict(h)).toMatchObject({ linearizable: true, violations: 0 });
  });

  it('accepts overlapping writes with reads of either value', () => {
    for (const [a, b] of [
      [1, 2],
      [2, 1],
      [1, 1],
      [2, 2],
    ] as const) {
      const h = hist([
        ['invoke', 0, 'write', 1],
        ['invoke', 1, 'write', 2],
        ['invoke', 2, 'read'],
        ['ok', 2, 'read', a],
        ['ok', 0, 'write', 1],
        ['ok', 1, 'write', 2],
        ['invoke', 2, 'read'],
        ['ok', 2, 'read', b],
      ]);
      // The reads fix the order of the writes differently; every combination has an order.
      expect(verdict(h).linearizable, `reads ${a} then ${b}`).toBe(true);
    }
  });

  it('accepts an info write that took effect and one that did not', () => {
    const took = hist([
      ['invoke', 0, 'write', 1],
      ['ok', 0, 'write', 1],
      ['invoke', 1, 'write', 2],
      ['info', 1, 'write', 2],
      ['invoke', 0, 'read'],
      ['ok', 0, 'read', 2],
    ]);
    const didNot = hist([
      ['invoke', 0, 'write', 1],
      ['ok', 0, 'write', 1],
      ['invoke', 1, 'write', 2],
      ['info', 1, 'write', 2],
      ['invoke', 0, 'read'],
      ['ok', 0, 'read', 1],
    ]);
    // It took effect late: after a read that still saw 1.
    const late = hist([
      ['invoke', 1, 'write', 2],
      ['info', 1, 'write', 2],
      ['invoke', 0, 'write', 1],
      ['ok', 0, 'write', 1],
      ['invoke', 0, 'read'],
      ['ok', 0, 'read', 1],
      ['invoke', 0, 'read'],
      ['ok', 0, 'read', 2],
    ]);
    expect(verdict(took).linearizable).toBe(true);
    expect(verdict(didNot).linearizable).toBe(true);
    expect(verdict(late).linearizable).toBe(true);
  });

  it('drops failed ops: a read of a failed write is a violation', () => {
    const h = hist([
      ['invoke', 0, 'write', 1],
      ['fail', 0, 'write', 1],
      ['invoke', 1, 'read'],
      ['ok', 1, 'read', 1],
    ]);
    const v = verdict(h);
    expect(v.linearizable).toBe(false);
    expect(v.witnesses[0]!.sentence).toBe(
      "C1 read 1 from k0, but C0's write of 1 failed and never took effect",
    );
  });

  it('rejects a stale read after a completed write, naming both', () => {
    const h = hist([
      ['invoke', 1, 'write', 1],
      ['ok', 1, 'write', 1],
      ['invoke', 1, 'write', 2],
      ['ok', 1, 'write', 2],
      ['invoke', 2, 'read'],
      ['ok', 2, 'read', 1],
    ]);
    const v = verdict(h);
    expect(v).toMatchObject({ linearizable: false, violations: 1 });
    expect(v.witnesses[0]).toMatchObject({
      id: 4,
      process: 2,
      sentence: "C2 read 1 from k0 after C1's write of 2 had completed",
      related: [2, 0],
    });
  });

  it('rejects a read of nothing after a completed write', () => {
    const h = hist([
      ['invoke', 0, 'write', 1],
      ['ok', 0, 'write', 1],
      ['invoke', 1, 'read'],
      ['ok', 1, 'read', null],
    ]);
    expect(verdict(h).witnesses[0]!.sentence).toBe(
      "C1 read nothing from k0 after C0's write of 1 had completed",
    );
  });

  it('rejects a read of a value never written', () => {
    const h = hist([
      ['invoke', 0, 'write', 1],
      ['ok', 0, 'write', 1],
      ['invoke', 1, 'read'],
      ['ok', 1, 'read', 7],
    ]);
    const v = verdict(h);
    expect(v.linearizable).toBe(false);
    expect(v.witnesses[0]!.sentence).toBe('C1 read 7 from k0, a value nobody wrote');
  });

  it('rejects two reads in real-time order seeing new then old', () => {
    const h = hist([
      ['invoke', 0, 'write', 1],
      ['ok', 0, 'write', 1],
      ['invoke', 0, 'write', 2],
      ['invoke', 1, 'read'],
      ['ok', 1, 'read', 2],
      ['invoke', 2, 'read'],
      ['ok', 2, 'read', 1],
      ['ok', 0, 'write', 2],
    ]);
    const v = verdict(h);
    expect(v).toMatchObject({ linearizable: false, violations: 1 });
    expect(v.witnesses[0]).toMatchObject({
      id: 5,
      sentence: 'C2 read 1 from k0 after C1 had already read the newer 2',
    });
  });

  it('rejects siblings returned by a read', () => {
    const h = hist([
      ['invoke', 0, 'write', 1],
      ['invoke', 1, 'write', 2],
      ['ok', 0, 'write', 1],
      ['ok', 1, 'write', 2],
      ['invoke', 2, 'read'],
      ['ok', 2, 'read', [1, 2]],
    ]);
    expect(verdict(h).witnesses[0]!.sentence).toBe(
      'C2 read k0 and got the siblings {1, 2}: a linearizable register returns one value',
    );
  });

  it('checks keys independently and counts violations across them', () => {
    const a = hist(
      [
        ['invoke', 0, 'write', 1],
        ['ok', 0, 'write', 1],
        ['invoke', 0, 'read'],
        ['ok', 0, 'read', null],
      ],
      0,
    );
    const b = hist(
      [
        ['invoke', 1, 'write', 1],
        ['ok', 1, 'write', 1],
        ['invoke', 1, 'read'],
        ['ok', 1, 'read', 1],
      ],
      1,
    ).map((e) => ({ ...e, index: e.index + 4, time: e.time + 4 }));
    const v = checkHistory([...a, ...b]);
    expect(v.violations).toBe(1);
    expect(v.witnesses[0]!.key).toBe(0);
  });

  it('gives up with unknown when the budget runs out', () => {
    const h = randomHistory(
      Array.from({ length: 300 }, (_, i) => ((i * 7919) % 1000) / 1000),
      4,
      true,
    );
    const v = checkHistory(h, { budget: 3 });
    expect(v.unknown || v.linearizable === false).toBe(true);
  });
});

describe('the fast checker agrees with brute force', () => {
  const runs = process.env.DSP_LONG ? 50_000 : 3_000;
  const choices = fc
    .array(fc.integer({ min: 0, max: 999 }), { minLength: 12, maxLength: 60 })
    .map((xs) => xs.map((x) => x / 1000));

  it('on random small histories with unique values (windows, carried info writes)', () => {
    let seenViolation = 0;
    let seenOk = 0;
    fc.assert(
      fc.property(choices, fc.integer({ min: 1, max: 3 }), (cs, procs) => {
        const h = randomHistory(cs, procs, true, 8);
        const ops = refOps(h);
        const expected = bruteForce(ops);
        if (expected) seenOk++;
        else seenViolation++;
        expect(checkHistory(h).linearizable).toBe(expected);
      }),
      { numRuns: runs },
    );
    // Both outcomes are common, so agreement means something either way.
    expect(seenViolation).toBeGreaterThan(runs / 10);
    expect(seenOk).toBeGreaterThan(runs / 10);
  });

  it('on random small histories with repeated values (no windows)', () => {
    fc.assert(
      fc.property(choices, fc.integer({ min: 1, max: 3 }), (cs, procs) => {
        const h = randomHistory(cs, procs, false, 8);
        const ops = refOps(h);
        expect(checkHistory(h).linearizable).toBe(bruteForce(ops));
      }),
      { numRuns: runs },
    );
  });

  it('searchRegister itself, with unknown writes returning at infinity', () => {
    fc.assert(
      fc.property(choices, fc.integer({ min: 1, max: 3 }), fc.boolean(), (cs, procs, uniq) => {
        const ops = refOps(randomHistory(cs, procs, uniq, 8));
        const out = searchRegister(ops, [{ state: null }]);
        expect(out.result === 'ok').toBe(bruteForce(ops));
      }),
      { numRuns: runs },
    );
  });

  it('the windowed monitor agrees with one whole search on longer histories', () => {
    // Many processes keep ops overlapping, so windows are cut mid-flight with frontiers.
    const long = fc
      .array(fc.integer({ min: 0, max: 999 }), { minLength: 60, maxLength: 400 })
      .map((xs) => xs.map((x) => x / 1000));
    let violations = 0;
    let ok = 0;
    fc.assert(
      fc.property(long, fc.integer({ min: 2, max: 6 }), (cs, procs) => {
        const h = randomHistory(cs, procs, true, Infinity, 0.97);
        const whole = searchRegister(refOps(h), [{ state: null }]).result === 'ok';
        if (whole) ok++;
        else violations++;
        expect(checkHistory(h).linearizable).toBe(whole);
      }),
      { numRuns: Math.floor(runs / 3) },
    );
    expect(violations).toBeGreaterThan(runs / 30);
    expect(ok).toBeGreaterThan(runs / 30);
  });

  it('catches a deliberately broken checker (one that ignores real-time order)', () => {
    // Moving every return to infinity forgets real-time order; brute force must then disagree
    // with it on some history, or this comparison could not catch such a bug.
    let disagreements = 0;
    fc.assert(
      fc.property(choices, (cs) => {
        const ops = refOps(randomHistory(cs, 2, true, 7));
        const broken = searchRegister(
          ops.map((o) => ({ ...o, ret: o.required ? 1e9 + o.ret : o.ret })),
          [{ state: null }],
        );
        if ((broken.result === 'ok') !== bruteForce(ops)) disagreements++;
      }),
      { numRuns: 500 },
    );
    expect(disagreements).toBeGreaterThan(0);
  });
});
