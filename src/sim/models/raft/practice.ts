/**
 * Practice: "which of these servers can win the next election, given their logs?" A seeded
 * scenario gives the five servers logs of different lengths and terms (partitions cut followers
 * off while the leader takes client requests; sometimes the leader is cut off with one follower
 * and a new leader takes over), then the leader crashes and the network heals. The answer is the
 * election restriction of §5.4.1 applied to the logs the run produced: a server can win only if a
 * majority of the cluster (itself included) would grant it a vote, and a voter refuses a
 * candidate whose log is less up to date than its own.
 */
import { Rng } from '../../core/rng';
import { Sim } from '../../core/sim';
import type { Scenario, ScenarioInput } from '../../core/types';
import type { PracticeGenerator, PracticeQuestion } from '../../practice/types';
import { listWords } from '../../practice/types';
import { lastIndex, lastTerm, upToDate } from './log';
import { raftMeta } from './meta';
import { raftModel } from './model';
import { name, type RaftState, type Server } from './state';

const SERVERS = 5;
const MAJORITY = Math.floor(SERVERS / 2) + 1;

/** The servers `candidate` would get votes from (itself first), by the logs alone. */
export function votersFor(candidate: Server, live: readonly Server[]): number[] {
  return live
    .filter((v) => v.id === candidate.id || upToDate(lastTerm(candidate), lastIndex(candidate), v))
    .map((v) => v.id);
}

/** Runs the sim to `t` after adding `inputs` (at or after the sim's time). */
function advance(sim: Sim, inputs: ScenarioInput[], add: ScenarioInput[], t: number): void {
  for (const i of add) {
    inputs.push(i);
    sim.addInput(i);
  }
  sim.runUntil(t);
}

const others = (ids: readonly number[], leader: number): number[] =>
  ids.filter((i) => i !== leader);

/** The scenario's inputs up to the crash, and the time of the crash. */
function script(seed: number): { inputs: ScenarioInput[]; crashAt: number; sim: Sim } {
  const rng = new Rng(seed).stream('practice');
  const scenario: Scenario = { model: 'raft', params: {}, seed, inputs: [] };
  const sim = new Sim(
    raftModel,
    { ...scenario, params: raftMeta.params.parse({}) as Record<string, unknown> },
    { checkInvariants: false, keepLog: false },
  );
  const inputs: ScenarioInput[] = [];
  const s = sim.state as RaftState;
  let t = 800;
  sim.runUntil(t);
  while (s.leader < 0 && t < 5000) sim.runUntil((t += 200));
  const all = Array.from({ length: SERVERS }, (_, i) => i);
  const requests = (from: number, n: number): ScenarioInput[] =>
    Array.from({ length: n }, (_, k) => ({ at: from + 10 + 40 * k, action: 'request' }));
  // A couple of entries everybody has.
  advance(sim, inputs, requests(t, rng.int(1, 2)), (t += 200));
  if (rng.chance(0.5) && s.leader >= 0) {
    // The leader and one follower are cut off and take requests nobody else gets (uncommitted,
    // an older term); the other three elect a new leader, which takes requests of its own.
    const old = s.leader;
    const buddy = rng.pick(others(all, old));
    advance(
      sim,
      inputs,
      [{ at: t, action: 'partition', groups: [[old, buddy]] }, ...requests(t, rng.int(1, 3))],
      (t += 900),
    );
    // The old leader rejoins the majority (its log is repaired); its follower stays cut off.
    advance(sim, inputs, [{ at: t, action: 'partition', groups: [[buddy]] }], (t += 300));
    if (s.leader >= 0) advance(sim, inputs, requests(t, rng.int(0, 2)), (t += 250));
  } else if (s.leader >= 0) {
    // Followers cut off one after the other miss the entries that follow.
    const order = rng.shuffle(others(all, s.leader));
    const cut: number[] = [];
    for (let phase = 0; phase < 2; phase++) {
      if (rng.chance(0.75) && s.leader >= 0) cut.push(order[phase]!);
      const add: ScenarioInput[] = cut.length
        ? [{ at: t, action: 'partition', groups: [[...cut]] }]
        : [];
      advance(sim, inputs, [...add, ...requests(t, rng.int(1, 2))], (t += 250));
    }
  }
  while (s.leader < 0 && t < 8000) sim.runUntil((t += 100));
  return { inputs, crashAt: t, sim };
}

const logLine = (srv: Server): string => {
  const terms = srv.log.map((e) => e.term);
  const shown = terms.length ? terms.join(' ') : 'empty';
  return `${name(srv.id)}: ${shown} (${terms.length} ${terms.length === 1 ? 'entry' : 'entries'}, last term ${lastTerm(srv)})`;
};

export function raftQuestion(seed: number): PracticeQuestion {
  const { inputs, crashAt, sim } = script(seed);
  const s = sim.state as RaftState;
  const leader = s.leader;
  const end: ScenarioInput[] = [
    { at: crashAt, action: 'crash', ...(leader >= 0 ? { server: leader } : {}) },
    { at: crashAt, action: 'heal' },
  ];
  const live = s.servers.filter((v) => !v.crashed && v.id !== leader);
  const winners = live.filter((c) => votersFor(c, live).length >= MAJORITY);
  const why = live.map((c) => {
    const votes = votersFor(c, live);
    const can = votes.length >= MAJORITY;
    return `${name(c.id)} (last term ${lastTerm(c)}, ${lastIndex(c)} entries) ${can ? 'can' : 'cannot'} win: ${listWords(votes.map(name))} would vote for it: ${votes.length} ${votes.length === 1 ? 'vote' : 'votes'}, ${MAJORITY} needed.`;
  });
  const scenario: Scenario = { model: 'raft', params: {}, seed, inputs: [...inputs, ...end] };
  return {
    model: 'raft',
    seed,
    prompt: `${leader >= 0 ? name(leader) : 'The leader'} was the leader and has just crashed; the network is healed. Which of the other servers can win the next election, given their logs? Tick every one that can.`,
    factsTitle: 'Each log as the terms of its entries, oldest first',
    facts: s.servers.map((v) => logLine(v) + (v.id === leader ? ' (crashed)' : '')),
    kind: 'many',
    choices: live.map((v) => ({ id: name(v.id), label: name(v.id) })),
    key: { ids: winners.map((v) => name(v.id)) },
    explanation:
      `A voter refuses a candidate whose log is less up to date than its own: a later last term wins; with equal last terms, the longer log wins (§5.4.1). A candidate needs ${MAJORITY} of ${SERVERS} votes. ` +
      why.join(' '),
    scenario,
    atMs: crashAt + 1,
    revealUntil: 'event:leader',
    widgetBefore: true,
  };
}

export const raftPractice: PracticeGenerator = {
  model: 'raft',
  title: 'Who can win the next election?',
  generate: raftQuestion,
};
