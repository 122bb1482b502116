/**
 * Property tests: seeded random fault schedules from `swarm` (crashes, restarts, partitions, heals,
 * message loss, client requests, forced timeouts) never break the five safety properties; in benign
 * schedules a leader is elected once the faults end; and a broken variant is caught.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Sim } from '../../core/sim';
import type { AnyModelDef, Scenario, ScenarioInput } from '../../core/types';
import { swarm } from '../../swarm';
import { raftMeta } from './meta';
import { makeRaftModel, raftModel } from './model';
import type { Bug, RaftState } from './state';
import { raftScenario } from './testkit';

const LONG = !!process.env.DSP_LONG;
const RUNS = LONG ? 10_000 : 300;
const LIVENESS_RUNS = LONG ? 2000 : 200;
const FAULTS_UNTIL_MS = 5000;

const at = fc.integer({ min: 0, max: FAULTS_UNTIL_MS });

/** Raft's own faults for a cluster of n; a server left out means the leader or the last crashed. */
const raftFaults = (n: number) => {
  const server = fc.nat(n - 1);
  const maybeServer = fc.record({ server }, { requiredKeys: [] });
  return {
    timeout: fc.record({ server }),
    crash: maybeServer,
    restart: maybeServer,
    request: maybeServer,
  };
};

/** Forced timeouts in pairs at nearly the same time make rival candidates in one term likely. */
const rivalTimeouts = (n: number) =>
  fc.tuple(at, fc.nat(n - 1), fc.nat(n - 1), fc.nat(3)).map(([t, a, b, d]): ScenarioInput[] => [
    { at: t, action: 'timeout', server: a },
    { at: t + d, action: 'timeout', server: b },
  ]);

interface Case {
  seed: number;
  servers: number;
  timeouts: [number, number];
  preVote: boolean;
  conflictHint: boolean;
  leaderNoOp: boolean;
  clientRateHz: number;
  snapshotEntries: number;
  lossRate: number;
  faults: ScenarioInput[];
}

const caseOf = (benign: boolean): fc.Arbitrary<Case> =>
  fc
    .record({
      seed: fc.nat(),
      servers: fc.constantFrom(3, 4, 5, 5, 7, 9),
      timeouts: benign
        ? fc.constantFrom<[number, number]>([150, 300], [150, 250], [100, 250])
        : fc.constantFrom<[number, number]>(
            [150, 300],
            [150, 300],
            [150, 200],
            [150, 170],
            [100, 110],
          ),
      preVote: fc.boolean(),
      conflictHint: fc.boolean(),
      leaderNoOp: fc.boolean(),
      clientRateHz: fc.constantFrom(0, 5, 20, 50),
      // Small thresholds compact often, so snapshots meet crashes, partitions and elections.
      snapshotEntries: fc.constantFrom(10, 30, 100),
      lossRate: benign ? fc.constant(0) : fc.constantFrom(0, 0, 0.05),
    })
    .chain((c) =>
      fc
        .tuple(
          swarm(raftMeta, {
            nodes: c.servers,
            untilMs: FAULTS_UNTIL_MS,
            actions: raftFaults(c.servers),
            ...(!benign && { lossRates: [0, 0.05, 0.3] }),
          }),
          fc.array(rivalTimeouts(c.servers), { maxLength: 2 }),
        )
        .map(([faults, rivals]) => ({ ...c, faults: [...faults, ...rivals.flat()] })),
    );

function scenarioOf(c: Case, extra: ScenarioInput[] = []): Scenario {
  const [timeoutMsMin, timeoutMsMax] = c.timeouts;
  return raftScenario(
    {
      servers: c.servers,
      timeoutMsMin,
      timeoutMsMax,
      preVote: c.preVote,
      conflictHint: c.conflictHint,
      leaderNoOp: c.leaderNoOp,
      clientRateHz: c.clientRateHz,
      snapshotEntries: c.snapshotEntries,
      lossRate: c.lossRate,
    },
    [...c.faults, ...extra].sort((a, b) => a.at - b.at),
    c.seed,
  );
}

/** What the schedules exercised, summed over runs: a generator that never truncates proves little. */
interface Coverage {
  runs: number;
  leadersElected: number;
  splitVotes: number;
  committed: number;
  truncations: number;
  redirects: number;
  /** Log compactions, and snapshots a leader sent to a follower behind it. */
  snapshots: number;
  installs: number;
}
const coverage = (): Coverage => ({
  runs: 0,
  leadersElected: 0,
  splitVotes: 0,
  committed: 0,
  truncations: 0,
  redirects: 0,
  snapshots: 0,
  installs: 0,
});

/** The safety property: no invariant breaks in 5 s of virtual time under the schedule. */
const safe = (model: AnyModelDef, seen = coverage()) =>
  fc.property(caseOf(false), (c) => {
    const sim = new Sim(model, scenarioOf(c), { checkInvariants: true });
    sim.runUntil(FAULTS_UNTIL_MS + 1500);
    if (sim.violation)
      throw new Error(
        `${sim.violation.invariant} broke at ${sim.violation.t} ms (seed ${c.seed}): ${sim.violation.detail}`,
      );
    const s = sim.state as RaftState;
    const log = sim.drainLog();
    seen.runs++;
    seen.leadersElected += s.electionsWon;
    seen.splitVotes += s.splitVotes;
    seen.committed += s.ghost.committed;
    seen.truncations += log.filter((l) => l.kind === 'truncate').length;
    seen.redirects += log.filter((l) => l.kind === 'redirect').length;
    seen.snapshots += log.filter(
      (l) => l.kind === 'snapshot' && / took a snapshot /.test(l.text),
    ).length;
    seen.installs += log.filter((l) => l.kind === 'snapshot' && / installed /.test(l.text)).length;
  });

describe('Raft under random fault schedules', () => {
  it(`keeps the five safety properties (${RUNS} schedules)`, () => {
    const seen = coverage();
    fc.assert(safe(raftModel, seen), { numRuns: RUNS, seed: 20140619 });
    expect(seen.runs).toBe(RUNS);
    process.stdout.write(`raft safety schedules exercised: ${JSON.stringify(seen)}\n`);
    expect(seen.leadersElected).toBeGreaterThan(2 * RUNS);
    expect(seen.splitVotes).toBeGreaterThan(RUNS / 10);
    expect(seen.committed).toBeGreaterThan(10 * RUNS);
    expect(seen.truncations).toBeGreaterThan(RUNS / 10);
    expect(seen.redirects).toBeGreaterThan(RUNS / 10);
    expect(seen.snapshots).toBeGreaterThan(RUNS / 10);
    expect(seen.installs).toBeGreaterThan(RUNS / 100);
  });

  const caught = (bug: Bug, pattern: RegExp) => {
    const out = fc.check(safe(makeRaftModel({ bug })), {
      numRuns: RUNS,
      seed: 20140619,
      endOnFailure: true,
    });
    expect(out.failed).toBe(true);
    const message = out.errorInstance instanceof Error ? out.errorInstance.message : '';
    process.stdout.write(
      `${bug} caught after ${out.numRuns} schedules (fast-check seed ${out.seed}, path ${out.counterexamplePath}): ${message}\n`,
    );
    expect(message).toMatch(pattern);
  };

  it('catches a server that votes twice in one term', () => {
    caught(
      'double-vote',
      /^election-safety broke at \d+ ms \(seed \d+\): S\d and S\d were both elected in term \d+$/,
    );
  });

  it('catches voters that skip the up-to-date log check', () => {
    caught('stale-log-vote', /^(leader-completeness|state-machine-safety|log-matching) broke/);
  });

  it(`elects a leader that commits once the faults end (${LIVENESS_RUNS} schedules)`, () => {
    const healAt = FAULTS_UNTIL_MS + 100;
    const recover: ScenarioInput[] = [
      { at: healAt, action: 'heal' },
      ...Array.from({ length: 9 }, (_, id) => ({ at: healAt, action: 'restart', server: id })),
      { at: healAt + 3000, action: 'request', key: 'done', value: 'yes' },
    ];
    fc.assert(
      fc.property(caseOf(true), (c) => {
        const inputs = recover.filter(
          (i) => i.server === undefined || (i.server as number) < c.servers,
        );
        const sim = new Sim(raftModel, scenarioOf(c, inputs), {
          checkInvariants: true,
          keepLog: false,
        });
        sim.runUntil(healAt + 6000);
        const s = sim.state as RaftState;
        expect(sim.violation).toBeNull();
        expect(
          s.leader,
          `no leader 6 s after the faults ended (seed ${c.seed})`,
        ).toBeGreaterThanOrEqual(0);
        const leader = s.servers[s.leader]!;
        // Committed and applied (the entry itself may already be inside the snapshot).
        expect(leader.kv.done, `request not committed (seed ${c.seed})`).toBe('yes');
        for (const srv of s.servers) expect(srv.crashed).toBe(false);
      }),
      { numRuns: LIVENESS_RUNS, seed: 20140620 },
    );
  });
});
