import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../core/scenario';
import { Sim } from '../../core/sim';
import { presetScenario } from '../../core/testing';
import { capMeta } from './meta';
import { capModel } from './model';
import { divergedKeys } from './store';
import { run, scenario } from './testdata/runs';
import type { CapState } from './types';
import type { CapView } from './view';

// Default cluster: replicas S0..S4 (nodes 0-4), clients C0..C3 (nodes 5-8) with homes S0..S3.
const MINORITY = [
  [0, 1, 5, 6],
  [2, 3, 4, 7, 8],
];

describe('cp mode under a partition', () => {
  const r = run(presetScenario(capModel, 'cp-partition'), 20_000);
  const during = (s: CapState, client: number, type: string) =>
    s.history.filter(
      (e) => e.process === client && e.type === type && e.time > 4000 && e.time < 14_000,
    ).length;

  it('fails on the minority side and serves the majority side, staying linearizable', () => {
    expect(r.violation).toBeNull();
    for (const c of [0, 1]) {
      expect(during(r.state, c, 'ok'), `C${c}`).toBeLessThanOrEqual(1);
      expect(during(r.state, c, 'fail'), `C${c}`).toBeGreaterThan(0);
    }
    for (const c of [2, 3]) {
      expect(during(r.state, c, 'ok'), `C${c}`).toBeGreaterThan(5);
      expect(during(r.state, c, 'fail'), `C${c}`).toBe(0);
    }
    expect(r.state.monitor.violations).toBe(0);
    expect(r.state.totals.stale).toBe(0);
    expect(r.log.some((l) => /C0's (read|write) of k0 failed: S0 heard 2 of 3/.test(l.text))).toBe(
      true,
    );
  });

  it('reports a write that may have been stored as info, not fail', () => {
    // Cut S0 off right after its write reached the store phase: it cannot know the outcome.
    const s = scenario({ mode: 'cp', latencyMsMin: 10, latencyMsMax: 10 }, [
      { at: 0, action: 'workload', on: false },
      { at: 100, action: 'write', client: 0, key: 0 },
      // req 10 ms, query round trip 20 ms: the store phase starts at 130 and its puts land at 140.
      { at: 135, action: 'partition', groups: MINORITY },
    ]);
    const out = run(s, 3000);
    const done = out.state.history.find((e) => e.type !== 'invoke');
    expect(done?.type).toBe('info');
    expect(out.violation).toBeNull();
  });
});

describe('ap mode under a partition', () => {
  const r = run(presetScenario(capModel, 'ap-partition'), 30_000);
  const m = r.sim.metrics();

  it('answers every op, reads stale values and is not linearizable', () => {
    expect(r.violation).toBeNull();
    expect(m.availability).toBe(1);
    expect(m.opsFailed! + m.opsUnknown!).toBe(0);
    expect(m.staleReads).toBeGreaterThan(0);
    expect(m.violations).toBeGreaterThan(0);
    expect(m.linearizable).toBe(0);
  });

  it('reconciles after the heal', () => {
    expect(m.diverged).toBe(0);
    expect(r.log.some((l) => l.kind === 'sync' && l.t > 14_000)).toBe(true);
  });

  it('keeps concurrent writes as siblings with version vectors, until a write supersedes them', () => {
    const s = scenario({ mode: 'ap', conflict: 'vv' }, [
      { at: 0, action: 'workload', on: false },
      { at: 100, action: 'partition', groups: MINORITY },
      { at: 200, action: 'write', client: 0, key: 0 },
      { at: 200, action: 'write', client: 2, key: 0 },
      { at: 1000, action: 'heal' },
      { at: 4000, action: 'read', client: 3, key: 0 },
      { at: 5000, action: 'write', client: 1, key: 0 },
      { at: 8000, action: 'read', client: 3, key: 0 },
    ]);
    const out = run(s, 12_000);
    const reads = out.state.history.filter((e) => e.f === 'read' && e.type === 'ok');
    expect(reads.map((e) => e.value)).toEqual([[1, 2], 3]);
    expect(out.state.monitor.witnesses[0]?.sentence).toBe(
      'C3 read k0 and got the siblings {1, 2}: a linearizable register returns one value',
    );
    expect(divergedKeys(out.state.replicas)).toEqual([]);
  });
});

describe('quorum preset', () => {
  it('shows a partial write seen by one read and missed by a later one', () => {
    const out = run(presetScenario(capModel, 'quorum'), 20_000);
    const unknown = out.state.history.find((e) => e.type === 'info');
    expect(unknown).toMatchObject({ process: 0, f: 'write' });
    const w = out.state.monitor.witnesses[0]!;
    expect(w.sentence).toMatch(/^C\d read \d+ from k0 after C\d had already read the newer \d+$/);
    expect(w.atMs).toBeGreaterThan(5000);
    expect(w.atMs).toBeLessThan(8000);
  });
});

describe('inputs, params and views', () => {
  it('names the field and the limit for bad relations between params', () => {
    const errors = (p: Record<string, unknown>) => {
      const r = parseScenario({ model: 'cap', params: p }, (id) =>
        id === 'cap' ? capMeta : undefined,
      );
      return r.ok ? [] : r.errors.map((e) => `${e.path}: ${e.message}`);
    };
    expect(errors({ mode: 'quorum', R: 4 })).toEqual(['params.R: 4 is above N (3)']);
    expect(errors({ replicas: 3, N: 5, R: 1, W: 1 })).toEqual([
      'params.N: 5 is above replicas (3)',
    ]);
    expect(errors({ latencyMsMin: 50, latencyMsMax: 20 })).toEqual([
      'params.latencyMsMax: 20 is below latencyMsMin (50)',
    ]);
    expect(errors({ replicas: 9 })).toEqual(['params.replicas: 9 is above the maximum 7']);
    expect(errors({ mode: 'ca' })).toEqual(['params.mode: "ca" is not one of cp, ap, quorum']);
    expect(errors({ mode: 'quorum', N: 5, R: 3, W: 3 })).toEqual([]);
  });

  it('runs hand-made reads and writes, and says when a client is busy', () => {
    const out = run(
      scenario({}, [
        { at: 0, action: 'workload', on: false },
        { at: 10, action: 'write', client: 1, key: 0, value: 42 },
        { at: 10, action: 'read', client: 1, key: 0 },
        { at: 1000, action: 'read', client: 2, key: 0 },
      ]),
      3000,
    );
    expect(out.state.history.map((e) => [e.type, e.f, e.value])).toEqual([
      ['invoke', 'write', 42],
      ['ok', 'write', 42],
      ['invoke', 'read', null],
      ['ok', 'read', 42],
    ]);
    expect(out.log.some((l) => l.text === 'C1 is busy with another operation')).toBe(true);
  });

  it('switches mode live: the cp-only invariant stops applying once ap has run', () => {
    const s = presetScenario(capModel, 'ap-partition');
    s.params.mode = 'cp';
    s.inputs = [{ at: 2000, action: 'set', params: { mode: 'ap' } }, ...s.inputs];
    const out = run(s, 20_000);
    expect(out.state.cpOnly).toBe(false);
    expect(out.state.monitor.violations).toBeGreaterThan(0);
    expect(out.violation).toBeNull();
  });

  it('rebuilds the cluster when its size changes, ignoring stale timers and messages', () => {
    const s = presetScenario(capModel, 'cp-partition');
    s.inputs = [...s.inputs, { at: 5000, action: 'set', params: { replicas: 3, clients: 2 } }];
    const out = run(s, 20_000);
    expect(out.state.replicas).toHaveLength(3);
    expect(out.state.clients).toHaveLength(2);
    expect(out.state.epoch).toBe(1);
    expect(out.state.history[0]!.time).toBeGreaterThanOrEqual(5000);
    expect(out.violation).toBeNull();
  });

  it('replays identically from a checkpoint', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 1, max: 9000 }),
        (seed, cut) => {
          const s = { ...presetScenario(capModel, 'quorum'), seed };
          const straight = run(s, 10_000);
          const sim = new Sim(capModel, s, { trace: true, checkInvariants: true });
          sim.runUntil(cut);
          const snap = sim.snapshot();
          sim.runUntil(9500);
          sim.restore(snap);
          sim.runUntil(10_000);
          expect(sim.traceHash()).toBe(straight.traceHash);
          expect(sim.state).toEqual(straight.state);
        },
      ),
      { numRuns: 20 },
    );
  });

  it('gives a view with sides, pending ops, the verdict and highlighted ops', () => {
    const out = run(presetScenario(capModel, 'ap-partition'), 8000);
    const { view, heavy } = out.sim.frame() as {
      view: CapView;
      heavy: Record<string, { get(): unknown }>;
    };
    expect(view.partition).toEqual(MINORITY);
    expect(view.replicas.map((r) => r.side)).toEqual([0, 0, 1, 1, 1]);
    expect(view.clients.map((c) => [c.label, c.node, c.home, c.side, c.canReachHome])).toEqual([
      ['C0', 5, 0, 0, true],
      ['C1', 6, 1, 0, true],
      ['C2', 7, 2, 1, true],
      ['C3', 8, 3, 1, true],
    ]);
    expect(view.verdict.linearizable).toBe(false);
    expect(view.verdict.sentence).toMatch(/^C\d read /);
    const latest = view.verdict.witnesses[view.verdict.witnesses.length - 1]!;
    expect(view.verdict.highlight[0]).toBe(latest.id);
    const history = heavy.history!.get() as { index: number }[];
    expect(history.find((e) => e.index === latest.id)).toBeDefined();
    expect(view.diverged).toEqual([0]);
    expect(view.timeline.buckets.length).toBeGreaterThan(5);
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
  });
});
