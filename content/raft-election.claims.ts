/**
 * Checks for raft-election.md: the #elect widget (seed 5) played as the text asks: the first
 * election, the leader crashed at 1 s, restarted at 2.5 s, S3 forced to time out at 4 s.
 */
import { claim, defineClaims, firstLog, whenTrue } from '../src/lessons/claims/define';
import type { RaftState } from '../src/sim/models/raft/state';

const CRASH = { at: 1000, action: 'crash' };
const RESTART = { at: 2500, action: 'restart' };
const S3_TIMEOUT = { at: 4000, action: 'timeout', server: 2 };

export default defineClaims({
  'q-first': claim({
    says: 'the server with the shortest timer at the start (S2) asks for votes first',
    measure: async (ctx) => {
      // The arcs as drawn before play: once every timer is running.
      const sim = await ctx.sim('elect', []);
      whenTrue(sim, 100, (x) =>
        (x.state as RaftState).servers.every((v) => v.electionDeadline >= 0),
      );
      const shortest = (sim.state as RaftState).servers
        .map((x, i) => [x.electionDeadline, i] as const)
        .filter(([d]) => d >= 0)
        .sort((a, b) => a[0] - b[0])[0]![1];
      const r = await ctx.run('elect', [], 900);
      const first = r.log.find((e) => /timed out and started an election/.test(e.text));
      return [`S${shortest + 1}`, first?.text.slice(0, 2) ?? ''];
    },
    holds: ([shortest, first]) => shortest === 'S2' && first === 'S2',
  }),
  'q-majority': claim({
    says: 'S2, not S1, times out first, alone, and wins term 1 with 3 of 5 votes after all four followers granted theirs (two still in flight)',
    measure: async (ctx) => {
      const r = await ctx.run('elect', [], 900);
      const cands = r.log.filter((e) => /timed out and started an election/.test(e.text));
      const won = firstLog(r.log, /won term 1/);
      const votes = r.log.filter((e) => e.kind === 'vote' && e.t <= (won?.t ?? 0)).length;
      return [cands[0]?.text.slice(0, 2) ?? '', cands.length, won?.text ?? '', votes];
    },
    holds: ([first, n, won, votes]) =>
      first === 'S2' && n === 1 && won === 'S2 won term 1 with 3 of 5 votes' && votes === 4,
    show: ([, , won]) => String(won),
  }),
  'q-crash': claim({
    says: 'after the leader crashes, the next leader rules term 2',
    measure: async (ctx) => {
      const r = await ctx.run('elect', [CRASH], 2400);
      const s = r.sim.state as RaftState;
      return s.leader < 0 ? -1 : s.servers[s.leader]!.currentTerm;
    },
    holds: (t) => t === 2,
  }),
  'downtime-after-crash': claim({
    says: 'the time without a leader after the crash is about one timeout plus a round of votes',
    measure: async (ctx) => {
      const r = await ctx.run('elect', [CRASH], 2400);
      const won = firstLog(r.log, /won term 2/, 1000);
      return won ? won.t - 1000 : -1;
    },
    holds: (ms) => ms >= 150 && ms <= 400,
    show: (ms) => `${Math.round(ms)} ms`,
  }),
  'restart-follows': claim({
    says: 'the restarted old leader adopts the new term and follows',
    measure: async (ctx) => {
      const r = await ctx.run('elect', [CRASH, RESTART], 3500);
      const s = r.sim.state as RaftState;
      const old = s.servers[1]!;
      return [old.role, old.currentTerm, s.servers[s.leader]?.currentTerm ?? -1];
    },
    holds: ([role, term, leaderTerm]) => role === 'follower' && term === leaderTerm && term === 2,
  }),
  'q-disrupt': claim({
    says: 'the healthy leader steps down when S3 times out, and S3 wins the next term',
    measure: async (ctx) => {
      const r = await ctx.run('elect', [CRASH, RESTART, S3_TIMEOUT], 5000);
      const down = firstLog(r.log, /saw term 3 and stepped down as leader/, 4000);
      const won = firstLog(r.log, /won term 3/, 4000);
      return [down !== undefined, won?.text.slice(0, 2) ?? ''];
    },
    holds: ([down, winner]) => down === true && winner === 'S3',
  }),
});
