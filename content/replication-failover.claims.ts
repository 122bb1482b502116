/**
 * Checks for replication-failover.md. Each widget runs its scripted preset (the cut-off leader,
 * the same in semi-synchronous mode, the old leader coming back with fencing off and on); the
 * experiment runs as the lesson's directive does.
 */
import { claim, defineClaims, fixed } from '../src/lessons/claims/define';
import { runScenario, type RunResult } from '../src/sim/core/testing';
import { replicationParams } from '../src/sim/models/replication/meta';
import { replicationModel } from '../src/sim/models/replication/model';
import type { LostWritesResult } from '../src/sim/models/replication/meta';
import type { ReplicationState } from '../src/sim/models/replication/types';

const UNTIL_MS = 9000;
const state = (r: RunResult) => r.sim.state as ReplicationState;
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const whole = (ms: number) => `${ms / 1000} s`;
const firstAt = (r: RunResult, re: RegExp) => r.log.find((e) => re.test(e.text))?.t ?? -1;
const inputAt = (action: string) => (ctx: { scenario(id: string): { inputs: { at: number; action: string }[] } }) =>
  ctx.scenario('brain').inputs.find((i) => i.action === action)?.at ?? -1;

type Swept = { value: unknown; result: unknown }[];
const at = (runs: Swept, ms: number) =>
  (runs.find((r) => r.value === ms)!.result as LostWritesResult).lostPerTrial;

export default defineClaims({
  'promoted-at': claim({
    says: 'R2 is promoted with epoch 2 about 3.2 s in',
    measure: async (ctx) =>
      firstAt(await ctx.run('cut', [], UNTIL_MS), /R2, the most up-to-date .* to lead epoch 2$/),
    holds: (t) => t > 3000 && t < 3600,
    show: secs,
  }),
  'q-lost': claim({
    says: "C0's two acknowledged writes are lost",
    measure: async (ctx) => {
      const s = state(await ctx.run('cut', [], UNTIL_MS));
      return s.acked.filter((w) => w.lost && w.client === 0).length;
    },
    holds: (n) => n === 2,
    show: (n) => `${n} lost writes`,
  }),
  'q-semi': claim({
    says: 'in semi-synchronous mode C0 is never told its writes are done',
    measure: async (ctx) =>
      state(await ctx.run('semi', [], UNTIL_MS)).acked.filter((w) => w.client === 0).length,
    holds: (n) => n === 0,
    show: (n) => `${n} times`,
  }),
  'semi-lost': claim({
    says: 'in semi-synchronous mode nothing acknowledged is lost',
    measure: async (ctx) => state(await ctx.run('semi', [], UNTIL_MS)).lostCount,
    holds: (n) => n === 0,
    show: (n) => `${n} writes`,
  }),
  trials: claim({
    says: 'the experiment runs 100 trials per timeout',
    measure: async (ctx) =>
      ((await ctx.lessonExperiment('replication-lost-writes'))[0]!.result as LostWritesResult)
        .trials,
    holds: (n) => n === 100,
    show: String,
  }),
  'lost-short': claim({
    says: 'with a 0.5 s timeout a few acknowledged writes are lost per failover',
    measure: async (ctx) => at(await ctx.lessonExperiment('replication-lost-writes'), 500),
    holds: (x) => x > 1 && x < 6,
    show: fixed(1),
  }),
  'lost-long': claim({
    says: 'with a 4 s timeout about three times as many are lost',
    measure: async (ctx) => {
      const runs = await ctx.lessonExperiment('replication-lost-writes');
      return [at(runs, 4000), at(runs, 500)] as const;
    },
    holds: ([long, short]) => long > 2 * short,
    show: ([long]) => fixed(1)(long),
  }),
  'brain-crash-at': claim({
    says: 'R1 crashes at 2 s',
    measure: inputAt('crash'),
    holds: (t) => t === 2000,
    show: whole,
  }),
  'brain-restart-at': claim({
    says: 'R1 restarts at 6 s',
    measure: inputAt('restart'),
    holds: (t) => t === 6000,
    show: whole,
  }),
  'q-brain': claim({
    says: "without fencing storage accepts the old leader's write from epoch 1",
    measure: async (ctx) => {
      const s = state(await ctx.run('brain', [], UNTIL_MS));
      return [s.storage.staleAccepted, s.counts.split] as const;
    },
    holds: ([stale, split]) => stale === 1 && split === 1,
    show: ([n]) => `${n} write from an old epoch`,
  }),
  'brain-stepdown': claim({
    says: 'R1 steps down a fraction of a second after it restarts',
    measure: async (ctx) => {
      const r = await ctx.run('brain', [], UNTIL_MS);
      return firstAt(r, /^R1 hears of epoch 2 and stops leading/) - 6000;
    },
    holds: (ms) => ms > 0 && ms < 600,
    show: secs,
  }),
  'q-fenced': claim({
    says: "with fencing storage refuses the old leader's write, and no invariant breaks",
    measure: async (ctx) => {
      const r = await ctx.run('fenced', [], UNTIL_MS);
      return [state(r).storage.refused, state(r).storage.staleAccepted, r.violation === null];
    },
    holds: ([refused, stale, ok]) => refused === 1 && stale === 0 && ok === true,
    show: ([n]) => `${String(n)} refused`,
  }),
  'fenced-lost': claim({
    says: "with fencing, the write R1 acknowledged to C0 is still lost",
    measure: async (ctx) => state(await ctx.run('fenced', [], UNTIL_MS)).lostCount,
    holds: (n) => n === 1,
    show: () => 'lost',
  }),
  'lease-ms': claim({
    says: 'the lease is 2 s',
    measure: (ctx) => Number(ctx.scenario('lease').params.leaseMs),
    holds: (ms) => ms === 2000,
    show: whole,
  }),
  'pause-ms': claim({
    says: 'C0 pauses for 3 s',
    measure: (ctx) => Number(ctx.scenario('lease').inputs.find((i) => i.action === 'pause')?.ms),
    holds: (ms) => ms === 3000,
    show: whole,
  }),
  'q-lease': claim({
    says: "without fencing storage takes C0's write after C1's newer token",
    measure: async (ctx) => {
      const r = await ctx.run('lease', [], UNTIL_MS);
      const c1 = firstAt(r, /^Storage took C1's write with token 2/);
      const c0 = firstAt(r, /^Two lock holders: storage took C0's write with token 1/);
      return [c1 > 0 && c0 > c1, state(r).counts.holders] as const;
    },
    holds: ([order, n]) => order && n === 1,
    show: ([, n]) => `${n} write`,
  }),
  'q-lease-fenced': claim({
    says: "with fencing storage refuses C0's token 1 after token 2",
    measure: async (ctx) => {
      const r = await ctx.run('lease-fenced', [], UNTIL_MS);
      return [firstAt(r, /^Storage refused C0's write: token 1 is older than token 2/) > 0, r.violation === null];
    },
    holds: ([refused, ok]) => refused === true && ok === true,
    show: () => 'token 1 after token 2',
  }),
  heartbeat: claim({
    says: "the leader's heartbeat is 0.5 s",
    measure: (ctx) => Number(ctx.scenario('cut').params.heartbeatMs),
    holds: (ms) => ms === 500,
    show: secs,
  }),
  'false-failovers': claim({
    says: 'a failover timeout below the heartbeat replaces a healthy leader again and again',
    measure: (ctx) => {
      const base = ctx.scenario('cut');
      const params = replicationParams.parse({ ...base.params, failoverMs: 300, writeRate: 0.5 });
      const r = runScenario(replicationModel, { ...base, params, inputs: [] }, 10_000);
      return (r.sim.state as ReplicationState).epoch - 1;
    },
    holds: (n) => n >= 5,
    show: (n) => `${n} times`,
  }),
});
