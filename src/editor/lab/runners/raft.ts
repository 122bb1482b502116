/** raft-election with the learner's `electionTimeoutMs` drawing every election timeout. */
import { runElection } from '../../../sim/models/raft/experiments';
import { lastIndex } from '../../../sim/models/raft/log';
import { electionMeta, electionParams } from '../../../sim/models/raft/meta';
import type { TimeoutPolicy } from '../../../sim/models/raft/state';
import { contract, parseParams, showValue, type Runner } from './types';

/** The longest election timeout a policy may return (ms). */
export const MAX_TIMEOUT_MS = 60_000;

/** What the learner's policy sees (documented in the lab's typings). */
export interface TimeoutContext {
  server: number;
  servers: number;
  term: number;
  role: string;
  now: number;
  timeoutMsMin: number;
  timeoutMsMax: number;
  heartbeatMs: number;
  previousTimeoutMs: number;
  logLength: number;
  random(): number;
}

export const runRaftLab: Runner = ({ fn, params, budget, exportLine, onProgress }) => {
  const electionTimeoutMs = fn as (ctx: TimeoutContext) => unknown;
  const policy: TimeoutPolicy = (srv, s, ctx) => {
    const rng = ctx.rng('timeouts');
    const p = ctx.params;
    const v = budget.call(() =>
      electionTimeoutMs({
        server: srv.id,
        servers: s.servers.length,
        term: srv.currentTerm,
        role: srv.role,
        now: ctx.now,
        timeoutMsMin: p.timeoutMsMin,
        timeoutMsMax: p.timeoutMsMax,
        heartbeatMs: p.heartbeatMs,
        previousTimeoutMs: srv.electionTimeoutMs,
        logLength: lastIndex(srv),
        random: () => rng.float(),
      }),
    );
    if (typeof v !== 'number' || !(v >= 1 && v <= MAX_TIMEOUT_MS))
      throw contract(
        `electionTimeoutMs returned ${showValue(v)}; it must return a number of ms from 1 to ${MAX_TIMEOUT_MS}`,
        exportLine,
      );
    // Virtual time is in whole milliseconds.
    return Math.round(v);
  };
  const result = runElection(parseParams(electionParams, params), onProgress, policy);
  return { result, rows: electionMeta.toRows(result) };
};
