/**
 * Checks for raft-prevote.md: the #pv widget (seed 5, Pre-Vote off) with S5 isolated at 1 s and
 * healed at 3 s; then Pre-Vote on at 5 s, the follower S4 isolated at 6 s and healed at 8 s.
 */
import { claim, defineClaims, firstLog } from '../src/lessons/claims/define';
import type { ClaimContext } from '../src/lessons/claims/define';
import type { RaftState } from '../src/sim/models/raft/state';

const ISOLATE_S5 = { at: 1000, action: 'partition', groups: [[0, 1, 2, 3], [4]] };
const HEAL = (at: number) => ({ at, action: 'heal' });
const PREVOTE_ON = { at: 5000, action: 'set', params: { preVote: true } };
const ISOLATE_S4 = { at: 6000, action: 'partition', groups: [[0, 1, 2, 4], [3]] };
const ALL = [ISOLATE_S5, HEAL(3000), PREVOTE_ON, ISOLATE_S4, HEAL(8000)];

const run = (ctx: ClaimContext, untilMs: number) => ctx.run('pv', ALL, untilMs);

export default defineClaims({
  's2-leads': claim({
    says: 'S2 wins the first election',
    measure: async (ctx) => firstLog((await run(ctx, 900)).log, /won term 1/)?.text ?? '',
    holds: (t) => t.startsWith('S2 won term 1'),
  }),
  's5-climbs': claim({
    says: 'alone for two seconds S5 climbs to term 10',
    measure: async (ctx) => ((await run(ctx, 2990)).sim.state as RaftState).servers[4]!.currentTerm,
    holds: (t) => t === 10,
  }),
  'q-return': claim({
    says: 'after the heal the leader steps down on seeing S5’s term',
    measure: async (ctx) => firstLog((await run(ctx, 3500)).log, /stepped down as leader/, 3000)?.text ?? '',
    holds: (t) => t === 'S2 saw term 10 and stepped down as leader',
  }),
  's5-wins': claim({
    says: 'S5 wins the election that follows',
    measure: async (ctx) => firstLog((await run(ctx, 4000)).log, /won term/, 3000)?.text.slice(0, 2) ?? '',
    holds: (w) => w === 'S5',
  }),
  'q-prevote': claim({
    says: 'with Pre-Vote the isolated follower keeps its term, the leader keeps its own, no downtime',
    measure: async (ctx) => {
      const before = (await run(ctx, 5990)).sim;
      const after = (await run(ctx, 9000)).sim;
      const [b, a] = [before.state as RaftState, after.state as RaftState];
      return [
        a.servers[3]!.currentTerm - b.servers[3]!.currentTerm,
        a.leader === b.leader ? 1 : 0,
        after.metrics().downtimeMs! - before.metrics().downtimeMs!,
      ];
    },
    holds: ([termRise, sameLeader, downMs]) => termRise === 0 && sameLeader === 1 && downMs === 0,
  }),
});
