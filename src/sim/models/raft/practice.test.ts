import { describe, expect, it } from 'vitest';
import { Sim } from '../../core/sim';
import { gradePractice } from '../../practice/types';
import { raftMeta } from './meta';
import { raftModel } from './model';
import { raftQuestion } from './practice';
import type { RaftState } from './state';

const SEEDS = Number(process.env.DSP_LONG ? 300 : 60);

/** The election restriction written out again from the log lines alone (terms, oldest first). */
function canWinFromTerms(logs: Map<string, number[]>): string[] {
  const cmp = (a: number[], b: number[]) => {
    const ta = a.at(-1) ?? 0;
    const tb = b.at(-1) ?? 0;
    return ta !== tb ? ta - tb : a.length - b.length;
  };
  return [...logs.keys()].filter(
    (c) => [...logs.values()].filter((v) => cmp(logs.get(c)!, v) >= 0).length >= 3,
  );
}

const termsOf = (line: string): [string, number[]] => {
  const m = /^(S\d): ([\d ]+|empty) \(/.exec(line)!;
  return [m[1]!, m[2] === 'empty' ? [] : m[2]!.split(' ').map(Number)];
};

describe('Raft practice: who can win the next election', () => {
  it('answers by §5.4.1, and the server that wins in the replay is one of them', () => {
    let allCan = 0;
    let someCannot = 0;
    for (let seed = 1; seed <= SEEDS; seed++) {
      const q = raftQuestion(seed);
      const live = new Map(q.facts.filter((f) => !f.endsWith('(crashed)')).map((f) => termsOf(f)));
      expect(live.size, `seed ${seed}`).toBe(4);
      const expected = canWinFromTerms(live).sort();
      expect([...q.key.ids!].sort(), `seed ${seed}`).toEqual(expected);
      if (expected.length === 4) allCan++;
      else someCannot++;
      // Replay the scenario as the widget does and see who actually wins.
      const sim = new Sim(
        raftModel,
        {
          ...q.scenario,
          params: raftMeta.params.parse(q.scenario.params) as Record<string, unknown>,
        },
        { checkInvariants: true },
      );
      const crashAt = q.atMs - 1;
      sim.runUntil(crashAt);
      const s = sim.state as RaftState;
      const crashed = s.leader;
      let t = crashAt;
      while ((s.leader < 0 || s.leader === crashed) && t < crashAt + 10_000)
        sim.runUntil((t += 20));
      expect(sim.violation, `seed ${seed}`).toBeNull();
      const winner = `S${s.leader + 1}`;
      expect(q.key.ids, `seed ${seed}: ${winner} won`).toContain(winner);
      expect(gradePractice(q, [winner]).correct).toBe(q.key.ids!.length === 1);
      expect(gradePractice(q, q.key.ids!).correct).toBe(true);
    }
    // The questions are not all alike: some servers are ruled out by their logs, sometimes not.
    expect(someCannot).toBeGreaterThan(SEEDS / 4);
    expect(allCan).toBeGreaterThan(0);
  });

  it('is the same question for the same seed', () => {
    expect(raftQuestion(7)).toEqual(raftQuestion(7));
    expect(raftQuestion(7).facts).not.toEqual(raftQuestion(8).facts);
  });
});
