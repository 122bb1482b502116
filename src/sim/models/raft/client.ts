/**
 * Clients: requests (`set k=v`) sent to a server, redirects from followers to the leader they
 * know, and an optional automatic workload. The client sits outside the simulated network: a
 * partition never cuts it off, only crashes do.
 */
import { lastIndex } from './log';
import { appendNew, broadcastAppend } from './replication';
import { name, type RaftCtx, type RaftState } from './state';

const KEYS = ['x', 'y', 'z'];
/** A client follows at most this many redirects before giving up. */
const MAX_HOPS = 3;
/**
 * A leader turns requests away while this many of its entries wait to commit (backpressure, as
 * etcd's MaxUncommittedEntriesSize): a leader cut off from its majority cannot grow its log, and
 * so every log, without bound.
 */
export const MAX_UNCOMMITTED = 500;

/** Where a request without a server goes: the leader, else any live leader, else a live server. */
export function pickTarget(s: RaftState, ctx: RaftCtx): number {
  if (s.leader >= 0) return s.leader;
  let best = -1;
  for (const srv of s.servers)
    if (
      !srv.crashed &&
      srv.role === 'leader' &&
      (best < 0 || srv.currentTerm > s.servers[best]!.currentTerm)
    )
      best = srv.id;
  if (best >= 0) return best;
  const live = s.servers.filter((x) => !x.crashed);
  return live.length ? ctx.rng('client').pick(live).id : 0;
}

export function randomCommand(ctx: RaftCtx): { key: string; value: string } {
  const rng = ctx.rng('client');
  return { key: rng.pick(KEYS), value: String(rng.int(1, 99)) };
}

/** A client request arrives at server `to`. `quiet` skips narrating the happy path. */
export function clientRequest(
  s: RaftState,
  ctx: RaftCtx,
  to: number,
  key: string,
  value: string,
  hops: number,
  quiet: boolean,
): void {
  const srv = s.servers[to];
  const command = `set ${key}=${value}`;
  if (!srv || srv.crashed) {
    ctx.log(`The client could not reach ${name(to)}: it is down (${command} was not sent)`, {
      kind: 'client',
      level: 'warn',
      nodes: [to],
    });
    return;
  }
  if (srv.role === 'leader') {
    const waiting = lastIndex(srv) - srv.commitIndex;
    if (waiting >= MAX_UNCOMMITTED) {
      ctx.log(
        `${name(to)} turned the client away: ${waiting} of its entries wait to commit (${command} was not appended)`,
        { kind: 'client', level: 'warn', nodes: [to] },
      );
      return;
    }
    const entry = appendNew(s, srv, command);
    if (!quiet)
      ctx.log(`${name(to)} appended ${command} as entry ${entry.index} in term ${entry.term}`, {
        kind: 'client',
        nodes: [to],
      });
    broadcastAppend(s, srv, ctx, true);
    return;
  }
  const hint = srv.leaderId;
  if (hint < 0 || hint === to) {
    ctx.log(`${name(to)} does not know who leads: the client's ${command} was dropped`, {
      kind: 'client',
      level: 'warn',
      nodes: [to],
    });
    return;
  }
  if (hops >= MAX_HOPS) {
    ctx.log(`The client gave up on ${command} after ${hops} redirects`, {
      kind: 'client',
      level: 'warn',
    });
    return;
  }
  ctx.log(`${name(to)} redirected the client to ${name(hint)}`, {
    kind: 'redirect',
    nodes: [to, hint],
  });
  // The reply goes back to the client and the request out again: two one-way trips.
  const rng = ctx.rng('client');
  const { latencyMsMin: lo, latencyMsMax: hi } = ctx.params;
  const delay = rng.int(lo, Math.max(lo, hi)) + rng.int(lo, Math.max(lo, hi));
  ctx.schedule(delay, { k: 'redirect', to: hint, key, value, hops: hops + 1, e: s.epoch });
}

/** (Re)arms the automatic workload: Poisson arrivals at clientRateHz. */
export function scheduleClient(s: RaftState, ctx: RaftCtx): void {
  if (s.clientTimer >= 0) ctx.cancel(s.clientTimer);
  s.clientTimer = -1;
  const rate = ctx.params.clientRateHz;
  if (rate <= 0) return;
  const gap = Math.max(1, Math.round(ctx.rng('workload').exponential(1000 / rate)));
  s.clientTimer = ctx.schedule(gap, { k: 'client', e: s.epoch });
}

export function onClientTick(s: RaftState, ctx: RaftCtx): void {
  s.clientTimer = -1;
  const { key, value } = randomCommand(ctx);
  clientRequest(s, ctx, pickTarget(s, ctx), key, value, 0, true);
  scheduleClient(s, ctx);
}
