/**
 * The clock properties over many seeded runs with random params and partitions, each checked
 * against happened-before computed from the event graph (not from any clock), and each shown to
 * catch a deliberately broken rule.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../core/testing';
import type { ScenarioInput } from '../../core/types';
import { causalPasts, inPast } from './causality';
import { clocksParams } from './meta';
import { makeClocksModel } from './model';
import { hlcLess, RULES, vectorLess, type Rules } from './stamps';
import type { ClockEvent, ClocksState } from './types';

const RUNS = process.env.DSP_LONG ? 400 : 60;
const UNTIL_MS = 8000;

const scenarioArb = fc.record({
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  processes: fc.integer({ min: 2, max: 5 }),
  rate: fc.double({ min: 0.5, max: 4, noNaN: true }),
  sendRatio: fc.double({ min: 0.2, max: 1, noNaN: true }),
  latencyMsMin: fc.integer({ min: 0, max: 300 }),
  latencySpanMs: fc.integer({ min: 0, max: 1500 }),
  lossRate: fc.constantFrom(0, 0.1),
  skewMsMax: fc.integer({ min: 0, max: 2000 }),
  driftPpmMax: fc.constantFrom(0, 1000, 50_000),
  cutAtMs: fc.option(fc.integer({ min: 500, max: 6000 }), { nil: undefined }),
});
type Case = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

function events(rules: Rules, c: Case): ClockEvent[] {
  const inputs: ScenarioInput[] = [];
  if (c.cutAtMs !== undefined) {
    const half = Math.ceil(c.processes / 2);
    const groups = [
      Array.from({ length: half }, (_, i) => i),
      Array.from({ length: c.processes - half }, (_, i) => i + half),
    ];
    inputs.push(
      { at: c.cutAtMs, action: 'partition', groups },
      { at: c.cutAtMs + 1500, action: 'heal' },
    );
  }
  const params = clocksParams.parse({
    processes: c.processes,
    rate: c.rate,
    sendRatio: c.sendRatio,
    latencyMsMin: c.latencyMsMin,
    latencyMsMax: c.latencyMsMin + c.latencySpanMs,
    lossRate: c.lossRate,
    skewMsMax: c.skewMsMax,
    driftPpmMax: c.driftPpmMax,
  });
  const r = runScenario(
    makeClocksModel(rules),
    { model: 'clocks', params, seed: c.seed, inputs },
    UNTIL_MS,
    {
      checkInvariants: false,
    },
  );
  const s = r.sim.state as ClocksState;
  expect(s.events[0]?.id ?? 0).toBe(0); // nothing trimmed: the pasts below are complete
  return s.events;
}

/** The first pair (a, b) where `bad(a, b, a -> b)` holds, as a sentence, or null. */
function firstBadPair(
  evs: ClockEvent[],
  bad: (a: ClockEvent, b: ClockEvent, hb: boolean) => boolean,
): string | null {
  const past = causalPasts(evs);
  for (let i = 0; i < evs.length; i++)
    for (let j = 0; j < evs.length; j++) {
      if (i === j) continue;
      const a = evs[i]!;
      const b = evs[j]!;
      const hb = inPast(past, i, j);
      if (bad(a, b, hb)) return `events ${a.id} and ${b.id} (a -> b: ${hb})`;
    }
  return null;
}

const clockCondition = (evs: ClockEvent[]) =>
  firstBadPair(evs, (a, b, hb) => hb && a.lamport >= b.lamport);
const vectorsExact = (evs: ClockEvent[]) =>
  firstBadPair(evs, (a, b, hb) => hb !== vectorLess(a.vector, b.vector));
const hlcCausal = (evs: ClockEvent[]) =>
  firstBadPair(evs, (a, b, hb) => hb && !hlcLess(a.hlc, b.hlc));
const hlcBound = (evs: ClockEvent[]) => {
  const e = evs.find((x) => x.hlc.l - x.pt > x.skewMs || x.hlc.l < x.pt);
  return e ? `event ${e.id}: l ${e.hlc.l}, pt ${e.pt}, skew ${e.skewMs}` : null;
};

const PROPERTIES = {
  'the clock condition: a -> b implies L(a) < L(b)': clockCondition,
  'vector clocks: a -> b exactly when V(a) < V(b)': vectorsExact,
  'HLC: a -> b implies hlc(a) < hlc(b)': hlcCausal,
  'HLC: pt <= l <= pt + the widest clock gap': hlcBound,
};

describe('clock properties over seeded runs (checked against the event graph)', () => {
  for (const [name, property] of Object.entries(PROPERTIES))
    it(name, () => {
      fc.assert(
        fc.property(scenarioArb, (c) => property(events(RULES, c)) === null),
        { numRuns: RUNS },
      );
    });

  it('the runs are not trivial: they have messages, receives and concurrent pairs', () => {
    const evs = events(RULES, {
      seed: 7,
      processes: 3,
      rate: 2,
      sendRatio: 0.5,
      latencyMsMin: 100,
      latencySpanMs: 500,
      lossRate: 0,
      skewMsMax: 500,
      driftPpmMax: 0,
      cutAtMs: undefined,
    });
    expect(evs.filter((e) => e.kind === 'receive').length).toBeGreaterThan(5);
    expect(
      firstBadPair(
        evs,
        (a, b, hb) => !hb && a.process !== b.process && !vectorLess(b.vector, a.vector),
      ),
    ).not.toBeNull();
  });
});

/** A broken rule must make its property fail for some run (fast-check finds one). */
function caught(rules: Rules, property: (evs: ClockEvent[]) => string | null): boolean {
  const found = fc.check(
    fc.property(scenarioArb, (c) => property(events(rules, c)) === null),
    { numRuns: 200, seed: 1 },
  );
  return found.failed;
}

describe('each property catches a broken rule', () => {
  it('Lamport without the max on receipt breaks the clock condition', () => {
    expect(caught({ ...RULES, lamport: (own) => own + 1 }, clockCondition)).toBe(true);
  });
  it('vectors without the entrywise max on receipt stop characterizing causality', () => {
    const noMerge: Rules['vector'] = (own, me) => RULES.vector(own, me, null);
    expect(caught({ ...RULES, vector: noMerge }, vectorsExact)).toBe(true);
  });
  it('vectors that also count receipt of a message they never merged are caught', () => {
    // Counting the sender's entry up without the rest of its vector: V(a) < V(b) without a -> b.
    const overCount: Rules['vector'] = (own, me, received) => {
      const v = RULES.vector(own, me, received);
      if (received) v[(me + 1) % v.length]! += 1;
      return v;
    };
    expect(caught({ ...RULES, vector: overCount }, vectorsExact)).toBe(true);
  });
  it('an HLC that ignores the message on receipt breaks causality', () => {
    const hlcNoMerge: Rules['hlc'] = (own, pt) => RULES.hlc(own, pt, null);
    expect(caught({ ...RULES, hlc: hlcNoMerge }, hlcCausal)).toBe(true);
  });
  it('an HLC that adds the counter to l runs ahead of the bound', () => {
    const hlcLeaky: Rules['hlc'] = (own, pt, m) => {
      const h = RULES.hlc(own, pt, m);
      return { l: h.l + h.c, c: 0 };
    };
    expect(caught({ ...RULES, hlc: hlcLeaky }, hlcBound)).toBe(true);
  });
});
