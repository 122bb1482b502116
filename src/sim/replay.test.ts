import { describe, expect, it } from 'vitest';
import { GOLDEN_CASES, presetRaw } from './golden';
import { defaultUntil, replayScenario } from './replay';

describe('replayScenario', () => {
  it.each(GOLDEN_CASES.map((c) => [`${c.model}/${c.preset}`, c] as const))(
    'gives the golden fingerprint for %s',
    async (_, c) => {
      const r = await replayScenario(presetRaw(c.model, c.preset), c.untilMs);
      expect(r.ok && r.value.fingerprint).toBe(c.trace);
    },
  );

  it('reports metrics, invariants and the validated scenario, and the log on request', async () => {
    const raw = { model: 'raft', seed: 3, inputs: [{ at: 2000, action: 'crash' }] };
    const r = await replayScenario(raw, 6000, { log: true });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.value.scenario.params).toMatchObject({ servers: 5 });
    expect(r.value.untilMs).toBe(6000);
    expect(r.value.invariants.map((i) => i.ok)).toEqual([true, true, true, true, true]);
    expect(r.value.violation).toBeNull();
    expect(r.value.log?.some((l) => /crash/i.test(l.text))).toBe(true);
    const quiet = await replayScenario(raw, 6000);
    expect(quiet.ok && quiet.value.log).toBeUndefined();
    expect(quiet.ok && quiet.value.fingerprint).toBe(r.value.fingerprint);
  });

  it('tells apart runs that differ only in the seed', async () => {
    const a = await replayScenario({ model: 'raft', seed: 1 }, 5000);
    const b = await replayScenario({ model: 'raft', seed: 2 }, 5000);
    expect(a.ok && b.ok).toBe(true);
    expect(a.ok && a.value.fingerprint).not.toBe(b.ok && b.value.fingerprint);
  });

  it('names the field and the limit on bad input, and never throws', async () => {
    const r = await replayScenario({ model: 'raft', params: { servers: 40 } }, 1000);
    expect(r).toEqual({
      ok: false,
      errors: [{ path: 'params.servers', message: '40 is above the maximum 9' }],
    });
    const u = await replayScenario({ model: 'raft' }, -5);
    expect(!u.ok && u.errors[0]!.path).toBe('until');
    const m = await replayScenario('not a scenario', 10);
    expect(m.ok).toBe(false);
  });

  it('runs to five seconds past the last input by default, at least ten seconds', () => {
    expect(defaultUntil({ inputs: [] })).toBe(10_000);
    expect(defaultUntil({ inputs: [{ at: 30_000, action: 'x' }] })).toBe(35_000);
  });
});
