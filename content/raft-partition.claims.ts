/**
 * Checks for raft-partition.md: the #part widget (seed 8) played as the text asks: S4 and S5 cut
 * off at 1.5 s, x=1 and y=2 sent to S4, z=3 to the new leader, S3 forced to time out, the heal.
 */
import { claim, defineClaims, firstLog } from '../src/lessons/claims/define';
import type { ClaimContext } from '../src/lessons/claims/define';
import type { RaftState } from '../src/sim/models/raft/state';

const CUT = { at: 1500, action: 'partition', groups: [[0, 1, 2], [3, 4]] };
const X = { at: 2000, action: 'request', server: 3, key: 'x', value: 1 };
const Y = { at: 2400, action: 'request', server: 3, key: 'y', value: 2 };
const Z = { at: 3000, action: 'request', key: 'z', value: 3 };
const S3_TIMEOUT = { at: 3500, action: 'timeout', server: 2 };
const HEAL = { at: 5000, action: 'heal' };
const ALL = [CUT, X, Y, Z, S3_TIMEOUT, HEAL];

const run = (ctx: ClaimContext, untilMs: number) => ctx.run('part', ALL, untilMs);

export default defineClaims({
  's4-leads': claim({
    says: 'S4 wins the first election',
    measure: async (ctx) => firstLog((await run(ctx, 1400)).log, /won term 1/)?.text ?? '',
    holds: (t) => t.startsWith('S4 won term 1'),
  }),
  'q-minority': claim({
    says: "x=1 and y=2 stay uncommitted on S4 and S5 until the heal",
    measure: async (ctx) => {
      const s = (await run(ctx, 4990)).sim.state as RaftState;
      const [s4, s5] = [s.servers[3]!, s.servers[4]!];
      return [s4.log.length, s5.log.length, s4.commitIndex, s5.commitIndex];
    },
    holds: ([l4, l5, c4, c5]) => l4 === 3 && l5 === 3 && c4 === 1 && c5 === 1,
  }),
  'q-two-leaders': claim({
    says: 'before z=3, S4 leads term 1 and S2 term 2 at once, with no invariant broken',
    measure: async (ctx) => {
      const r = await run(ctx, 2950);
      const s = r.sim.state as RaftState;
      const leads = s.servers
        .map((x, i) => (x.role === 'leader' ? `S${i + 1}@${x.currentTerm}` : ''))
        .filter(Boolean);
      return [...leads, r.violation ? 'violation' : 'safe'];
    },
    holds: (v) => v.join(' ') === 'S2@2 S4@1 safe',
  }),
  'majority-elects': claim({
    says: 'S2 wins term 2 on the majority side',
    measure: async (ctx) => firstLog((await run(ctx, 2900)).log, /won term 2/)?.text ?? '',
    holds: (t) => t.startsWith('S2 won term 2'),
  }),
  'z-commits': claim({
    says: 'z=3 commits on the majority side within a round trip',
    measure: async (ctx) => {
      const c = firstLog((await run(ctx, 3400)).log, /committed entry \d+ \(set z=3\)/, 3000);
      return c ? c.t - 3000 : -1;
    },
    holds: (ms) => ms > 0 && ms < 100,
  }),
  backoff: claim({
    says: "after the heal S3's AppendEntries to S4 are refused twice ([4], [3–4]) and [2–4] is accepted",
    measure: async (ctx) => {
      const s = (await run(ctx, 5400)).sim.state as RaftState;
      const toS4 = s.messages
        .filter((m) => m !== null && m.sentAt >= 5000 && m.from === 2 && m.to === 3)
        .filter((m) => m!.type === 'AppendEntries' && !m!.label.includes('♥'))
        .sort((a, b) => a!.sentAt - b!.sentAt)
        .map((m) => m!.label);
      const replies = s.messages
        .filter((m) => m !== null && m.sentAt >= 5000 && m.from === 3 && m.to === 2)
        .filter((m) => m!.type === 'AppendEntriesReply')
        .sort((a, b) => a!.sentAt - b!.sentAt)
        .map((m) => m!.label);
      const ok = replies.findIndex((l) => l.startsWith('ok'));
      const refused = replies.slice(0, ok);
      const allRefused = refused.every((l) => l === 'no t3');
      return [...[...new Set(toS4)].slice(0, 3), replies[ok] ?? '', String(allRefused)];
    },
    holds: (v) => v.join(' ') === 'AE t3 [4] AE t3 [3–4] AE t3 [2–4] ok 4 true',
  }),
  'q-heal': claim({
    says: 'within a few heartbeats of the heal every log is identical, x=1 and y=2 gone',
    measure: async (ctx) => {
      const r = await run(ctx, 5500);
      const s = r.sim.state as RaftState;
      const logs = s.servers.map((v) => v.log.map((e) => `${e.term}/${e.id}`).join(','));
      const deleted = firstLog(r.log, /S4 deleted entries 2 to 3: they conflict with leader S3/, 5000);
      return [new Set(logs).size, deleted ? deleted.t - 5000 : -1] as const;
    },
    holds: ([distinct, ms]) => distinct === 1 && ms > 0 && ms < 300,
  }),
});
