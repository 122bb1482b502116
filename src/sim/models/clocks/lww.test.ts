/**
 * Last-writer-wins on the shared key x, checked against happened-before from the event graph:
 * ordered by HLC, no write is ever lost to a write that happened before it; ordered by wall
 * clock under skew, some are. The model's own count of lost writes is checked against the graph
 * too, and a broken HLC rule is shown to be caught.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../core/testing';
import { causalPasts, inPast } from './causality';
import { clocksParams } from './meta';
import { makeClocksModel } from './model';
import { beats, type Rule, type Write } from './register';
import { RULES, type Rules } from './stamps';
import type { ClockEvent, ClocksState } from './types';

const RUNS = process.env.DSP_LONG ? 300 : 60;
const UNTIL_MS = 8000;

const caseArb = fc.record({
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  processes: fc.integer({ min: 2, max: 5 }),
  rate: fc.double({ min: 0.5, max: 4, noNaN: true }),
  sendRatio: fc.double({ min: 0.2, max: 0.8, noNaN: true }),
  latencyMsMin: fc.integer({ min: 0, max: 300 }),
  latencySpanMs: fc.integer({ min: 0, max: 1000 }),
  skewMsMax: fc.integer({ min: 0, max: 2000 }),
  driftPpmMax: fc.constantFrom(0, 50_000),
});
type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

function run(rules: Rules, c: Case): ClocksState {
  const params = clocksParams.parse({
    processes: c.processes,
    rate: c.rate,
    sendRatio: c.sendRatio,
    latencyMsMin: c.latencyMsMin,
    latencyMsMax: c.latencyMsMin + c.latencySpanMs,
    skewMsMax: c.skewMsMax,
    driftPpmMax: c.driftPpmMax,
    lww: true,
  });
  const r = runScenario(
    makeClocksModel(rules),
    { model: 'clocks', params, seed: c.seed, inputs: [] },
    UNTIL_MS,
    { checkInvariants: false },
  );
  const s = r.sim.state as ClocksState;
  expect(s.events[0]?.id ?? 0).toBe(0);
  return s;
}

const asWrite = (e: ClockEvent): Write => ({
  n: e.write!.n,
  writer: e.process,
  wall: e.pt,
  hlc: e.hlc,
});

/** Writes that, by the graph, lose under `rule` to a write that happened before them. */
function lostByGraph(evs: ClockEvent[], rule: Rule): number[] {
  const past = causalPasts(evs);
  const lost: number[] = [];
  evs.forEach((b, j) => {
    if (!b.write) return;
    const beaten = evs.some(
      (a, i) => i !== j && a.write && inPast(past, i, j) && beats(rule, asWrite(a), asWrite(b)),
    );
    if (beaten) lost.push(b.write.n);
  });
  return lost;
}

const lostByModel = (evs: ClockEvent[], rule: Rule) =>
  evs
    .filter((e) => e.write && (rule === 'wall' ? e.write.lostWall : e.write.lostHlc) !== null)
    .map((e) => e.write!.n);

describe('last-writer-wins on x over seeded runs (checked against the event graph)', () => {
  it('by HLC, no write is lost to a write that happened before it', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const s = run(RULES, c);
        return s.lostHlc === 0 && lostByGraph(s.events, 'hlc').length === 0;
      }),
      { numRuns: RUNS },
    );
  });

  it("the model's lost-write marks and counts agree with the graph, under both rules", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const s = run(RULES, c);
        const wall = lostByGraph(s.events, 'wall');
        expect(lostByModel(s.events, 'wall')).toEqual(wall);
        expect(s.lostWall).toBe(wall.length);
        expect(lostByModel(s.events, 'hlc')).toEqual(lostByGraph(s.events, 'hlc'));
      }),
      { numRuns: RUNS },
    );
  });

  it('by wall clock under skew, some later writes are lost', () => {
    const found = fc.check(
      fc.property(caseArb, (c) => run(RULES, c).lostWall === 0),
      { numRuns: 200, seed: 1 },
    );
    expect(found.failed).toBe(true);
  });

  it('without skew or drift, wall-clock LWW loses nothing (each hop takes time)', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        // latencyMsMin >= 1: a receive is strictly later in true time than its send.
        const s = run(RULES, {
          ...c,
          skewMsMax: 0,
          driftPpmMax: 0,
          latencyMsMin: c.latencyMsMin + 1,
        });
        return s.lostWall === 0;
      }),
      { numRuns: 30 },
    );
  });

  it('an HLC that ignores the message on receipt loses later writes, and the test sees it', () => {
    const hlcNoMerge: Rules['hlc'] = (own, pt) => RULES.hlc(own, pt, null);
    const found = fc.check(
      fc.property(
        caseArb,
        (c) => lostByGraph(run({ ...RULES, hlc: hlcNoMerge }, c).events, 'hlc').length === 0,
      ),
      { numRuns: 200, seed: 1 },
    );
    expect(found.failed).toBe(true);
  });
});
