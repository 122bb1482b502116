import { describe, expect, it } from 'vitest';
import { Sim } from '../../core/sim';
import { presetScenario, runScenario } from '../../core/testing';
import type { ScenarioInput } from '../../core/types';
import { tokenringMeta } from './meta';
import { tokenringModel } from './model';
import type { TokenringState } from './types';

const scenario = (
  inputs: ScenarioInput[] = [],
  params: Record<string, unknown> = {},
  seed = 1,
) => ({
  model: 'tokenring',
  params: tokenringMeta.params.parse(params) as Record<string, unknown>,
  seed,
  inputs,
});

/** Runs to `untilMs`, calling `each` after every event with the state. */
function watch(
  inputs: ScenarioInput[],
  untilMs: number,
  each: (s: TokenringState, t: number) => void,
) {
  const sim = new Sim(tokenringModel, scenario(inputs), { checkInvariants: true });
  while (sim.nextAt() !== undefined && sim.nextAt()! <= untilMs) {
    sim.step();
    each(sim.state as TokenringState, sim.now);
  }
  return sim;
}

const holders = (s: TokenringState) => s.nodes.filter((n) => n.up && n.holding).map((n) => n.id);

describe('the token ring', () => {
  it('passes one token clockwise, N1, N2, ..., N5, N1, with no regeneration', () => {
    const order: number[] = [0]; // N1 starts with the token
    const sim = watch([], 10_000, (s) => {
      const h = holders(s);
      expect(h.length).toBeLessThanOrEqual(1);
      if (h.length && h[0] !== order.at(-1)) order.push(h[0]!);
    });
    expect(order.slice(0, 11)).toEqual([0, 1, 2, 3, 4, 0, 1, 2, 3, 4, 0]);
    expect(sim.metrics()).toMatchObject({ generation: 1, regenerations: 0, discarded: 0 });
    expect(sim.violation).toBeNull();
  });

  it('loses the token with a crashed holder; N1 makes generation 2 within its timeout', () => {
    const r = runScenario(tokenringModel, presetScenario(tokenringModel, 'holder-crash'), 12_000);
    expect(r.violation).toBeNull();
    const crash = r.log.find((l) => l.kind === 'crash')!;
    expect(crash.text).toMatch(/while holding the token: the token is gone/);
    const regen = r.log.find((l) => l.kind === 'regen')!;
    expect(regen.text).toMatch(/^N1 makes a new token, generation 2: no token for 2.0 s$/);
    expect(regen.t - crash.t).toBeGreaterThan(0);
    expect(regen.t - crash.t).toBeLessThanOrEqual(2000);
    // Skipped while down, taken back in after the restart at 8 s.
    expect(r.log.some((l) => l.kind === 'skip' && /^N3 did not acknowledge/.test(l.text))).toBe(
      true,
    );
    const s = r.sim.state as TokenringState;
    expect(s.nodes[crash.nodes![0]!]!.lastSeenAt).toBeGreaterThan(8000);
  });

  it('makes one token per side in a partition and discards the older after the heal', () => {
    let two = false;
    const sim = watch(presetScenario(tokenringModel, 'partition').inputs, 14_000, (s, t) => {
      if (holders(s).length === 2) two = true;
      if (t > 12_000) expect(holders(s).length).toBeLessThanOrEqual(1);
    });
    expect(two).toBe(true);
    const m = sim.metrics();
    expect(m.regenerations).toBe(1);
    expect(m.discarded).toBeGreaterThan(0);
    const s = sim.state as TokenringState;
    expect(new Set(s.nodes.map((n) => n.seen.gen))).toEqual(new Set([2]));
  });

  it('regenerates after "Lose the token" and warns when nothing holds it', () => {
    const r = runScenario(
      tokenringModel,
      scenario([
        { at: 1000, action: 'loseToken' },
        { at: 1001, action: 'loseToken' },
      ]),
      5000,
    );
    expect(r.log.filter((l) => l.kind === 'lost')).toHaveLength(1);
    expect(r.log.some((l) => l.level === 'warn' && /No node holds the token/.test(l.text))).toBe(
      true,
    );
    expect(r.sim.metrics().regenerations).toBe(1);
  });

  it('"Crash the holder" while the token is in flight crashes the node it reaches', () => {
    const sim = new Sim(tokenringModel, scenario(), { checkInvariants: true });
    const s = () => sim.state as TokenringState;
    while (sim.now < 500 || holders(s()).length > 0) sim.step();
    const to = s().nodes.find((n) => n.pending)!.pending!.to;
    sim.addInput({ at: sim.now, action: 'crash' });
    sim.runUntil(sim.now + 100);
    const log = sim.drainLog().filter((l) => l.kind === 'crash');
    expect(log.map((l) => l.text)).toEqual([
      `N${to + 1} crashed while holding the token: the token is gone`,
    ]);
  });

  it('says so when the node to crash or restart is already there', () => {
    const r = runScenario(
      tokenringModel,
      scenario([
        { at: 100, action: 'crash', node: 3 },
        { at: 200, action: 'crash', node: 3 },
        { at: 300, action: 'restart', node: 1 },
        { at: 400, action: 'restart' },
      ]),
      1000,
    );
    expect(r.log.map((l) => l.text)).toEqual(
      expect.arrayContaining([
        'N4 is already down',
        'N2 is already up',
        'N4 restarted and waits for the token',
      ]),
    );
  });

  it('rebuilds the ring when the size changes, with one token and no stray timers', () => {
    const sim = watch([{ at: 1500, action: 'set', params: { nodes: 7 } }], 8000, (s, t) => {
      expect(holders(s).length).toBeLessThanOrEqual(1);
      if (t > 1500) expect(s.nodes).toHaveLength(7);
    });
    expect(sim.metrics().regenerations).toBe(0);
  });

  it('a short timeout makes tokens race: two holders at once, then stale ones discarded', () => {
    let most = 0;
    const sim = new Sim(tokenringModel, presetScenario(tokenringModel, 'short-timeout'), {
      checkInvariants: true,
    });
    while (sim.now < 8000 && sim.step())
      most = Math.max(most, holders(sim.state as TokenringState).length);
    expect(most).toBeGreaterThanOrEqual(2);
    expect(sim.metrics().discarded).toBeGreaterThan(3);
    expect(sim.violation).toBeNull();
  });
});
