/**
 * The Raft model (Ongaro & Ousterhout, USENIX ATC 2014; Ongaro's thesis): leader election with
 * optional Pre-Vote, log replication, commitment and a key-value state machine, with the five
 * safety properties of Figure 3 checked after every event.
 */
import type { Delivery, ModelDef, ScenarioInput } from '../../core/types';
import { clientRequest, onClientTick, pickTarget, randomCommand, scheduleClient } from './client';
import { onElectionTimeout, onVoteReply, onVoteRequest } from './election';
import { raftInvariants } from './invariants';
import { raftMeta } from './meta';
import { describeMessage, noteArrival } from './net';
import type { RaftParams } from './params';
import { onAppendEntries, onAppendReply, onHeartbeat, onSnapshotReply } from './replication';
import { onInstallSnapshot } from './snapshot';
import {
  crashServer,
  resetElectionTimer,
  restartServer,
  stopElectionTimer,
  stopHeartbeat,
} from './roles';
import {
  copyState,
  createState,
  name,
  type Bug,
  type RaftCtx,
  type RaftMsg,
  type RaftState,
  type RaftTimer,
} from './state';
import { metrics, view, type RaftView } from './view';

export type RaftModel = ModelDef<RaftParams, RaftState, RaftTimer, RaftMsg, RaftView>;

export interface RaftModelOptions {
  /** A deliberately broken variant, for tests that must catch it. */
  bug?: Bug;
  /** Keep the message history for the space-time diagram (default true). */
  history?: boolean;
}

function warnTiming(ctx: RaftCtx): void {
  const { heartbeatMs, timeoutMsMin } = ctx.params;
  if (heartbeatMs >= timeoutMsMin)
    ctx.log(
      `The heartbeat interval (${heartbeatMs} ms) is not below the minimum election timeout (${timeoutMsMin} ms): followers will time out while the leader is alive`,
      { level: 'warn', kind: 'params' },
    );
}

/** Starts every server's election timer and the client workload. */
function boot(s: RaftState, ctx: RaftCtx): void {
  for (const srv of s.servers) resetElectionTimer(s, srv, ctx);
  scheduleClient(s, ctx);
}

function onInput(s: RaftState, input: ScenarioInput, ctx: RaftCtx): void {
  const n = s.servers.length;
  const arg = input.server as number | undefined;
  if (arg !== undefined && arg >= n) {
    ctx.log(`There is no ${name(arg)} in a ${n}-server cluster: ${input.action} ignored`, {
      level: 'error',
    });
    return;
  }
  switch (input.action) {
    case 'crash': {
      const id = arg ?? s.leader;
      const srv = s.servers[id];
      if (!srv || srv.crashed) {
        ctx.log(id < 0 ? 'There is no leader to crash' : `${name(id)} is already down`, {
          level: 'warn',
        });
        return;
      }
      const was = srv.role === 'leader' ? ` (it was the leader of term ${srv.currentTerm})` : '';
      crashServer(s, srv, ctx);
      s.lastCrashed = id;
      ctx.log(`${name(id)} crashed${was}`, { kind: 'crash', level: 'warn', nodes: [id] });
      return;
    }
    case 'restart': {
      const id = arg ?? s.lastCrashed;
      const srv = s.servers[id];
      if (!srv || !srv.crashed) {
        ctx.log(id < 0 ? 'No server is down' : `${name(id)} is not down`, { level: 'warn' });
        return;
      }
      restartServer(s, srv, ctx);
      const snap = srv.snapshot.index;
      ctx.log(
        snap === 0
          ? `${name(id)} restarted with its term ${srv.currentTerm}, its vote and its ${srv.log.length} log entries; it lost its commit index and state machine`
          : `${name(id)} restarted with its term ${srv.currentTerm}, its vote, its snapshot up to entry ${snap.toLocaleString('en-US')} and the ${srv.log.length} log entries after it; it reloaded its state machine from the snapshot and lost the rest of its commit index`,
        { kind: 'restart', nodes: [id] },
      );
      return;
    }
    case 'timeout': {
      const srv = s.servers[arg!]!;
      if (srv.crashed || srv.role === 'leader') {
        const why = srv.crashed ? 'it is down' : 'a leader has no election timer';
        ctx.log(`${name(srv.id)} cannot time out: ${why}`, { level: 'warn', nodes: [srv.id] });
        return;
      }
      stopElectionTimer(srv, ctx);
      onElectionTimeout(s, srv, ctx, true);
      return;
    }
    case 'request': {
      const random = randomCommand(ctx);
      const key = (input.key as string | undefined) ?? random.key;
      const value = input.value === undefined ? random.value : String(input.value as string);
      const to = arg ?? pickTarget(s, ctx);
      ctx.log(`A client sent set ${key}=${value} to ${name(to)}`, { kind: 'client', nodes: [to] });
      clientRequest(s, ctx, to, key, value, 0, false);
      return;
    }
  }
}

function onMessage(s: RaftState, msg: Delivery<RaftMsg>, ctx: RaftCtx): void {
  if (msg.payload.e !== s.epoch) return;
  const srv = s.servers[msg.to]!;
  noteArrival(s, msg, ctx.now, srv.crashed);
  if (srv.crashed) return;
  switch (msg.payload.type) {
    case 'AppendEntries':
      onAppendEntries(s, srv, msg as Delivery<typeof msg.payload>, ctx);
      return;
    case 'AppendEntriesReply':
      onAppendReply(s, srv, msg as Delivery<typeof msg.payload>, ctx);
      return;
    case 'InstallSnapshot':
      onInstallSnapshot(s, srv, msg as Delivery<typeof msg.payload>, ctx);
      return;
    case 'InstallSnapshotReply':
      onSnapshotReply(s, srv, msg as Delivery<typeof msg.payload>, ctx);
      return;
    case 'RequestVote':
    case 'PreVote':
      onVoteRequest(s, srv, msg as Delivery<typeof msg.payload>, ctx);
      return;
    case 'RequestVoteReply':
    case 'PreVoteReply':
      onVoteReply(s, srv, msg as Delivery<typeof msg.payload>, ctx);
      return;
  }
}

function onTimer(s: RaftState, t: RaftTimer, ctx: RaftCtx): void {
  if (t.e !== s.epoch) return;
  switch (t.k) {
    case 'election':
      onElectionTimeout(s, s.servers[t.s]!, ctx, false);
      return;
    case 'heartbeat':
      onHeartbeat(s, s.servers[t.s]!, ctx);
      return;
    case 'client':
      onClientTick(s, ctx);
      return;
    case 'redirect':
      clientRequest(s, ctx, t.to, t.key, t.value, t.hops, false);
      return;
  }
}

function onParams(s: RaftState, previous: RaftParams, ctx: RaftCtx): void {
  const p = ctx.params;
  if (p.servers !== previous.servers) {
    for (const srv of s.servers) {
      stopElectionTimer(srv, ctx);
      stopHeartbeat(srv, ctx);
    }
    if (s.clientTimer >= 0) ctx.cancel(s.clientTimer);
    const fresh = createState(p.servers, { bug: s.bug, history: s.history }, s.epoch + 1);
    Object.assign(s, fresh);
    s.downSince = ctx.now;
    ctx.log(`The cluster restarted from scratch with ${p.servers} servers`, { kind: 'restart' });
    boot(s, ctx);
    return;
  }
  if (p.clientRateHz !== previous.clientRateHz) scheduleClient(s, ctx);
  if (p.heartbeatMs !== previous.heartbeatMs || p.timeoutMsMin !== previous.timeoutMsMin)
    warnTiming(ctx);
}

/** Builds the Raft model; `makeRaftModel({ bug: 'double-vote' })` is a broken variant for tests. */
export function makeRaftModel(options: RaftModelOptions = {}): RaftModel {
  const opts = { bug: options.bug ?? 'none', history: options.history ?? true };
  return {
    meta: raftMeta,
    init(ctx) {
      const s = createState(ctx.params.servers, opts);
      warnTiming(ctx);
      boot(s, ctx);
      return s;
    },
    onTimer,
    onMessage,
    onInput,
    onParams,
    view,
    metrics,
    invariants: raftInvariants,
    describeMessage,
    snapshot: copyState,
    restore: (snap) => copyState(snap as RaftState),
    sampleEveryMs: 100,
    checkpointEveryMs: 1000,
  };
}

export const raftModel: RaftModel = makeRaftModel();
