/**
 * Checks for raft-replication.md: the #rep widget (seed 5, no random clients) played as the text
 * asks: x=1 at 1 s, y=2 to S3 at 2 s, S4 and S5 crashed at 3 s, z=3, S3 crashed, z=4, S3 back;
 * then S3 crashed again, w=5, the leader S2 crashed, S4 and (on commit of q-old) S5 restarted.
 */
import { claim, defineClaims, firstLog } from '../src/lessons/claims/define';
import type { ClaimContext } from '../src/lessons/claims/define';

const X = { at: 1000, action: 'request', key: 'x', value: 1 };
const Y = { at: 2000, action: 'request', server: 2, key: 'y', value: 2 };
const CRASH_S4 = { at: 3000, action: 'crash', server: 3 };
const CRASH_S5 = { at: 3000, action: 'crash', server: 4 };
const Z3 = { at: 3500, action: 'request', key: 'z', value: 3 };
const CRASH_S3 = { at: 4500, action: 'crash', server: 2 };
const Z4 = { at: 5000, action: 'request', key: 'z', value: 4 };
const RESTART_S3 = { at: 7000, action: 'restart', server: 2 };
const ALL = [X, Y, CRASH_S4, CRASH_S5, Z3, CRASH_S3, Z4, RESTART_S3];
const OLD_TERM = [
  ...ALL,
  { at: 8500, action: 'crash', server: 2 },
  { at: 9000, action: 'request', key: 'w', value: 5 },
  { at: 9500, action: 'crash', server: 1 },
  { at: 10_000, action: 'restart', server: 3 },
  { at: 10_500, action: 'restart', server: 4 },
];

const log = async (ctx: ClaimContext, untilMs: number) => (await ctx.run('rep', ALL, untilMs)).log;
/** Ms from `fromMs` until the leader commits the entry `command`, or -1. */
const commitAfter = async (ctx: ClaimContext, command: string, fromMs: number, untilMs: number) => {
  const e = firstLog(await log(ctx, untilMs), new RegExp(`committed entry \\d+ \\(${command}\\)`), fromMs);
  return e ? e.t - fromMs : -1;
};

export default defineClaims({
  's2-leads': claim({
    says: 'S2 wins the first election',
    measure: async (ctx) => firstLog(await log(ctx, 900), /won term 1/)?.text ?? '',
    holds: (t) => t.startsWith('S2 won term 1'),
  }),
  'q-majority': claim({
    says: 'x=1 commits within a round trip or two',
    measure: (ctx) => commitAfter(ctx, 'set x=1', 1000, 1900),
    holds: (ms) => ms > 0 && ms < 150,
  }),
  redirect: claim({
    says: 'S3 redirects the client to the leader S2, which then commits y=2',
    measure: async (ctx) => {
      const l = await log(ctx, 2900);
      return [firstLog(l, /redirected/, 2000)?.text ?? '', firstLog(l, /committed entry \d+ \(set y=2\)/, 2000) !== undefined];
    },
    holds: ([t, ok]) => t === 'S3 redirected the client to S2' && ok === true,
    show: ([t]) => String(t),
  }),
  'q-two': claim({
    says: 'with S4 and S5 crashed, z=3 still commits',
    measure: (ctx) => commitAfter(ctx, 'set z=3', 3500, 4400),
    holds: (ms) => ms > 0 && ms < 150,
  }),
  'z4-waits': claim({
    says: 'with S3 crashed too, z=4 does not commit before S3 returns',
    measure: (ctx) => commitAfter(ctx, 'set z=4', 5000, 6990),
    holds: (ms) => ms === -1,
  }),
  'q-back': claim({
    says: 'once S3 restarts, z=4 commits',
    measure: (ctx) => commitAfter(ctx, 'set z=4', 7000, 8000),
    holds: (ms) => ms > 0 && ms < 200,
  }),
  'q-old': claim({
    says: 'w=5 (term 1, on S1 and the crashed S2) commits only with the new leader S1’s no-op, in one step, with no client command',
    measure: async (ctx) => {
      const l = (await ctx.run('rep', OLD_TERM, 14_000)).log;
      const commits = l.filter((e) => e.t >= 9000 && /committed entr/.test(e.text));
      const clients = l.filter((e) => e.t > 9000 && /A client sent/.test(e.text));
      return [commits[0]?.text.replace(/ in term \d+$/, '') ?? '', commits.length, clients.length];
    },
    holds: ([first, n, clients]) =>
      first === 'S1 committed entries 6 to 7 (up to no-op)' && n === 1 && clients === 0,
  }),
});
