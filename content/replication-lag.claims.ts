/**
 * Checks for replication-lag.md. The first widget runs the scripted own-write preset; the
 * learner then (3 s here) sends reads to the leader, writes, and reads 0.2 s later. The busy widgets
 * run the lag preset for 20 s, with the read policy the text names set from the start.
 */
import { claim, defineClaims, whenTrue } from '../src/lessons/claims/define';
import type { RunResult } from '../src/sim/core/testing';
import type { ReplicationState } from '../src/sim/models/replication/types';

const BUSY_MS = 20_000;
const LEARNER_MS = 3000;
const LEADER_READS = [
  { at: LEARNER_MS, action: 'set', params: { readPolicy: 'leader' } },
  { at: LEARNER_MS, action: 'write', client: 0 },
  { at: LEARNER_MS + 200, action: 'read', client: 0 },
];

const state = (r: RunResult) => r.sim.state as ReplicationState;
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const firstAt = (r: RunResult, re: RegExp) => r.log.find((e) => re.test(e.text))?.t ?? -1;
const policy = (readPolicy: string) => [{ at: 0, action: 'set', params: { readPolicy } }];

/** How long after R{id+1} receives C0.1 it applies it. */
function applyDelay(id: number) {
  return async (ctx: Parameters<NonNullable<Parameters<typeof claim>[0]['measure']>>[0]) => {
    const sim = await ctx.sim('own', []);
    const r = () => (sim.state as ReplicationState).replicas[id]!;
    const got = whenTrue(sim, 5000, () => r().log.length > 0);
    const applied = whenTrue(sim, 6000, () => r().applied > 0);
    return got !== null && applied !== null ? applied - got : -1;
  };
}

export default defineClaims({
  'own-write-at': claim({
    says: 'the scripted write is at 1 s',
    measure: (ctx) => ctx.scenario('own').inputs.find((i) => i.action === 'write')?.at ?? -1,
    holds: (t) => t === 1000,
    show: (t) => `${t / 1000} s`,
  }),
  'own-read-at': claim({
    says: 'the scripted read is at 1.4 s',
    measure: (ctx) => ctx.scenario('own').inputs.find((i) => i.action === 'read')?.at ?? -1,
    holds: (t) => t === 1400,
    show: secs,
  }),
  'own-done': claim({
    says: 'R1 acknowledges C0.1 at about 1.3 s, before the read',
    measure: async (ctx) => firstAt(await ctx.run('own', [], 2000), /^R1 told C0 that C0.1 is done/),
    holds: (t) => t > 1000 && t < 1400,
    show: secs,
  }),
  'q-own': claim({
    says: "C0's read returns version 0 and is logged as a read-your-writes anomaly",
    measure: async (ctx) => {
      const r = await ctx.run('own', [], 2000);
      return [firstAt(r, /^C0 read nothing \(version 0\)/) > 0, state(r).counts.ryw] as const;
    },
    holds: ([read, ryw]) => read && ryw === 1,
    show: () => 'version 0, nothing at all',
  }),
  'r2-applies': claim({
    says: 'R2 applies an entry about 0.8 s after it arrives',
    measure: applyDelay(1),
    holds: (ms) => ms > 600 && ms < 900,
    show: secs,
  }),
  'r3-applies': claim({
    says: 'R3 applies an entry about 1.5 s after it arrives',
    measure: applyDelay(2),
    holds: (ms) => ms > 1400 && ms < 1600,
    show: secs,
  }),
  'q-leader': claim({
    says: 'reading from the leader right after writing returns the new write, C0.2',
    measure: async (ctx) => {
      const r = await ctx.run('own', LEADER_READS, LEARNER_MS + 1000);
      return [firstAt(r, /^C0 read C0\.2 \(version 2\) from R1/) > LEARNER_MS, state(r).counts.ryw];
    },
    holds: ([read, ryw]) => read === true && ryw === 1,
    show: () => 'the read returns C0.2',
  }),
  'busy-ryw': claim({
    says: 'reads from random followers miss their own write many times in 20 s',
    measure: async (ctx) => state(await ctx.run('busy', [], BUSY_MS)).counts.ryw,
    holds: (n) => n >= 10,
    show: String,
  }),
  'busy-mono': claim({
    says: 'reads from random followers go back in time several times in 20 s',
    measure: async (ctx) => state(await ctx.run('busy', [], BUSY_MS)).counts.monotonic,
    holds: (n) => n >= 3,
    show: String,
  }),
  'q-sticky': claim({
    says: 'sticky reads never go back in time',
    measure: async (ctx) => state(await ctx.run('busy', policy('sticky'), BUSY_MS)).counts.monotonic,
    holds: (n) => n === 0,
    show: String,
  }),
  'sticky-ryw': claim({
    says: 'sticky reads still miss their own writes many times',
    measure: async (ctx) => state(await ctx.run('busy', policy('sticky'), BUSY_MS)).counts.ryw,
    holds: (n) => n >= 10,
    show: String,
  }),
  'q-token': claim({
    says: 'with version tokens no read misses its own write or goes back in time',
    measure: async (ctx) => {
      const c = state(await ctx.run('busy', policy('token'), BUSY_MS)).counts;
      return [c.ryw, c.monotonic] as const;
    },
    holds: ([ryw, mono]) => ryw === 0 && mono === 0,
    show: ([ryw, mono]) => `${ryw} and ${mono}`,
  }),
  'token-held': claim({
    says: 'with version tokens some reads wait for a follower to catch up',
    measure: async (ctx) =>
      (await ctx.run('busy', policy('token'), BUSY_MS)).log.filter((e) => e.kind === 'hold').length,
    holds: (n) => n >= 5,
    show: String,
  }),
  'q-prefix': claim({
    says: 'applying out of log order breaks consistent prefix several times in 20 s',
    measure: async (ctx) => state(await ctx.run('parts', [], BUSY_MS)).counts.prefix,
    holds: (n) => n >= 3,
    show: String,
  }),
});
