/**
 * The lab's runners plug a learner's function into the experiments through the injection points
 * (a hash family, an early-recompute rule, a timeout policy). A learner function that re-creates a
 * built-in must reproduce the built-in's result exactly; a different one must change it; a broken
 * one must be reported as the learner's, with its line.
 */
import { describe, expect, it } from 'vitest';
import { xxhash32 } from '../../../sim/core/hash';
import { parseWith } from '../../../sim/core/errors';
import { runBalance } from '../../../sim/models/hashring/experiments';
import { balanceParams } from '../../../sim/models/hashring/experimentsMeta';
import { runElection } from '../../../sim/models/raft/experiments';
import { electionParams } from '../../../sim/models/raft/meta';
import { stampedeExperiment } from '../../../sim/models/stampede/experiments';
import { stampedeExperimentParams } from '../../../sim/models/stampede/meta';
import { xfetchEarly } from '../../../sim/models/stampede/requests';
import type { EarlyRead } from '../../../sim/models/stampede/state';
import { CallBudget, ContractError } from '../runtime';
import { runHashring } from './hashring';
import { runRaftLab, type TimeoutContext } from './raft';
import { runStampedeLab } from './stampede';
import type { RunnerInput } from './types';

const parse = <T>(schema: Parameters<typeof parseWith<T>>[0], raw: object): T => {
  const r = parseWith(schema, raw);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
};

const input = (fn: RunnerInput['fn'], params: Record<string, unknown>): RunnerInput => ({
  fn,
  params,
  budget: new CallBudget(
    1000,
    () => performance.now(),
    () => {},
  ),
  exportLine: 3,
  onProgress: () => {},
});

describe('hashring: a learner hash', () => {
  const params = { nodes: 8, vnodes: 20, keys: 5000, seed: 3 };

  it('that is xxHash32 gives the built-in xxhash32 result', () => {
    const mine = runHashring(input((b: Uint8Array, s: number) => xxhash32(b, s), params));
    expect(mine.result).toEqual(runBalance(parse(balanceParams, { ...params, hash: 'xxhash32' })));
  });

  it('that is weak loads the nodes unevenly', () => {
    const sum = (b: Uint8Array, s: number) => b.reduce((a, x) => a + x, s & 0xff);
    const weak = runHashring(input(sum, params)).result as { cv: number };
    const good = runBalance(parse(balanceParams, params));
    expect(weak.cv).toBeGreaterThan(3 * good.cv);
  });

  it('that returns no number is reported at its export line', () => {
    expect(() => runHashring(input(() => 'x', params))).toThrow(ContractError);
    try {
      runHashring(input(() => NaN, params));
    } catch (e) {
      expect((e as ContractError).line).toBe(3);
      expect((e as Error).message).toMatch(/hash returned NaN/);
    }
  });
});

describe('stampede: a learner shouldRecompute', () => {
  const params = { rate: 2000, keys: 50, ttlMs: 2000, durationMs: 8000, seed: 2 };

  it('that is XFetch gives the built-in xfetch result', () => {
    const xfetch = (c: EarlyRead) => xfetchEarly(c.now, c.expiry, c.deltaMs, c.beta, c.random());
    const mine = runStampedeLab(input(xfetch, params));
    const builtin = stampedeExperiment.run(
      parse(stampedeExperimentParams, { ...params, strategy: 'xfetch' }),
    );
    expect(mine.result).toEqual(builtin);
  });

  it('that refreshes on every read queries the database far more', () => {
    const always = runStampedeLab(input(() => true, params)).result as { dbQueries: number };
    const never = runStampedeLab(input(() => false, params)).result as { dbQueries: number };
    expect(always.dbQueries).toBeGreaterThan(5 * never.dbQueries);
  });

  it('that returns no boolean is reported', () => {
    expect(() => runStampedeLab(input(() => 1, params))).toThrow(/must return true or false/);
  });
});

describe('raft: a learner electionTimeoutMs', () => {
  const params = { trials: 150, capMs: 3000, seed: 4 };

  it('the injection point reproduces the built-in draw exactly', () => {
    const p = parse(electionParams, params);
    const same = runElection(p, undefined, (_srv, _s, ctx) =>
      ctx.rng('timeouts').int(p.timeoutMsMin, p.timeoutMsMax),
    );
    expect(same).toEqual(runElection(p));
  });

  it('without randomness splits votes far more often than uniform timeouts', () => {
    const fixed = runRaftLab(input((c: TimeoutContext) => c.timeoutMsMin, params)).result as {
      splitVotes: number;
    };
    const uniform = runRaftLab(
      input(
        (c: TimeoutContext) => c.timeoutMsMin + c.random() * (c.timeoutMsMax - c.timeoutMsMin),
        params,
      ),
    ).result as { splitVotes: number };
    expect(fixed.splitVotes).toBeGreaterThan(10 * Math.max(1, uniform.splitVotes));
  });

  it('that returns 0 ms is reported (it would freeze virtual time)', () => {
    expect(() => runRaftLab(input(() => 0, params))).toThrow(/from 1 to 60000/);
  });
});
