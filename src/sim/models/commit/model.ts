/**
 * Two-phase commit: a coordinator TC (node 0) and participants P1..Pn on the kernel network.
 * TC asks every participant to prepare; each works on its part holding a lock and votes; TC
 * commits only if all voted yes, logs the decision and sends it until acknowledged. A
 * participant that voted yes is in doubt, holding its lock, until the decision reaches it: if TC
 * is down, it waits. See coordinator.ts and participants.ts.
 */
import { noteArrival } from '../../core/messageHistory';
import type { Invariant, ModelDef } from '../../core/types';
import {
  beginTx,
  crashTc,
  onAck,
  onAsk,
  onResend,
  onVote,
  onVoteTimeout,
  restartTc,
} from './coordinator';
import { commitMeta, type CommitParams, type CrashPoint } from './meta';
import { describeMessage, HISTORY_SIZE, nodeName, TC } from './net';
import {
  crashP,
  onAskTimer,
  onDecision,
  onGiveUp,
  onPrepare,
  onWorkDone,
  restartP,
} from './participants';
import type {
  Bugs,
  CommitCtx as C,
  CommitMsg,
  CommitState as S,
  CommitTimer,
  Participant,
} from './types';
import type { CommitView } from './view';

export type CommitModel = ModelDef<CommitParams, S, CommitTimer, CommitMsg, CommitView>;

const LOG_SHOWN = 8;

function fresh(ctx: C, bugs: Bugs): S {
  const n = ctx.params.participants;
  return {
    gen: 0,
    midFloor: 0,
    bugs,
    tc: {
      up: true,
      inc: 0,
      log: [],
      written: [],
      logWrites: 0,
      active: [],
      armed: null,
      crashedAt: -1,
    },
    ps: Array.from({ length: n }, (_, i): Participant => ({
      id: i + 1,
      up: true,
      inc: 0,
      lock: -1,
      txs: [],
      forceNo: false,
    })),
    nextTx: 0,
    nextMid: 0,
    messages: [],
    outcomes: [],
    committed: 0,
    aborted: 0,
    lockConflicts: 0,
    blocked: [],
    maxBlockedMs: 0,
    atomicity: null,
    unilateral: null,
  };
}

function scheduleWorkload(s: S, ctx: C): void {
  if (ctx.params.txEveryMs > 0)
    ctx.schedule(ctx.params.txEveryMs, { kind: 'workload', gen: s.gen });
}

function armedText(a: { when: CrashPoint; sentTo: number }): string {
  if (a.when === 'before-prepare') return 'before it sends prepare';
  if (a.when === 'after-votes') return 'once it has the votes, before deciding';
  return `after sending the decision to ${a.sentTo} participant${a.sentTo === 1 ? '' : 's'}`;
}

const inDoubtMs = (p: Participant, now: number): number => {
  let ms = 0;
  for (const t of p.txs) if (t.state === 'prepared') ms = Math.max(ms, now - t.preparedAt);
  return ms;
};

export const commitInvariants: Invariant<S, CommitParams>[] = [
  {
    id: 'atomicity',
    label: 'Atomicity',
    description:
      'No transaction is committed at one participant (or by TC) and aborted at another: all or nothing.',
    check: (s) => s.atomicity,
  },
  {
    id: 'no-unilateral',
    label: 'Yes means wait',
    description:
      'A participant that voted yes never decides on its own: only the coordinator’s decision settles it.',
    check: (s) => s.unilateral,
  },
];

export function makeCommitModel(
  bugs: Bugs = { unilateralAbortMs: 0, commitOnPartialVotes: false },
): CommitModel {
  return {
    meta: commitMeta,
    init(ctx) {
      const s = fresh(ctx, bugs);
      scheduleWorkload(s, ctx);
      return s;
    },
    onTimer(s, t, ctx) {
      if (t.gen !== s.gen) return;
      if (t.kind === 'workload') {
        if (s.tc.up) beginTx(s, ctx);
        scheduleWorkload(s, ctx);
        return;
      }
      if (t.kind === 'tcRecover') {
        if (t.inc === s.tc.inc) restartTc(s, ctx);
        return;
      }
      if (t.kind === 'voteTimeout' || t.kind === 'resend') {
        if (t.inc !== s.tc.inc || !s.tc.up) return;
        if (t.kind === 'voteTimeout') onVoteTimeout(s, ctx, t.tx);
        else onResend(s, ctx, t.tx);
        return;
      }
      const p = s.ps[t.p - 1];
      if (!p || !p.up || p.inc !== t.inc) return;
      if (t.kind === 'work') onWorkDone(s, ctx, p, t.tx);
      else if (t.kind === 'ask') onAskTimer(s, ctx, p, t.tx);
      else onGiveUp(s, ctx, p, t.tx);
    },
    onMessage(s, d, ctx) {
      const m = d.payload;
      if (m.mid < s.midFloor) return;
      const down = d.to === TC ? !s.tc.up : !s.ps[d.to - 1]?.up;
      noteArrival(s.messages, HISTORY_SIZE, m.mid, ctx.now, down);
      if (down) return;
      if (d.to === TC) {
        if (m.type === 'vote') onVote(s, ctx, m.tx, d.from, m.yes);
        else if (m.type === 'ack') onAck(s, ctx, m.tx, d.from);
        else if (m.type === 'ask') onAsk(s, ctx, m.tx, d.from);
        return;
      }
      const p = s.ps[d.to - 1]!;
      if (m.type === 'prepare') onPrepare(s, ctx, p, m.tx);
      else if (m.type === 'decision') onDecision(s, ctx, p, m.tx, m.commit);
    },
    onInput(s, input, ctx) {
      const a = input.action;
      if (a === 'begin') return beginTx(s, ctx);
      if (a === 'crashTc') {
        const when = (input.when as CrashPoint | undefined) ?? 'now';
        if (!s.tc.up) return void ctx.log('TC is already down', { level: 'warn' });
        if (when === 'now') return crashTc(s, ctx, '');
        s.tc.armed = { when, sentTo: Number(input.sentTo ?? 1) };
        ctx.log(`TC will crash ${armedText(s.tc.armed)} in its next transaction`, { nodes: [TC] });
        return;
      }
      if (a === 'restartTc') return restartTc(s, ctx);
      const id = Number(input.p);
      const p = s.ps[id - 1];
      if (!p) return void ctx.log(`There are only P1..P${s.ps.length}`, { level: 'warn' });
      if (a === 'crashP') crashP(s, ctx, p);
      else if (a === 'restartP') restartP(s, ctx, p);
      else if (a === 'voteNo') {
        p.forceNo = true;
        ctx.log(`${nodeName(id)} will vote no in its next transaction`, { nodes: [id] });
      }
    },
    onParams(s, previous, ctx) {
      const p = ctx.params;
      if (p.participants !== previous.participants) {
        ctx.log('The system starts again', { kind: 'reset' });
        const floor = s.nextMid;
        Object.assign(s, fresh(ctx, s.bugs), { gen: s.gen + 1, nextMid: floor, midFloor: floor });
        scheduleWorkload(s, ctx);
      } else if (p.txEveryMs !== previous.txEveryMs) {
        s.gen++;
        // Timers of the old generation are ignored: restart those still needed.
        for (const t of s.tc.active)
          ctx.schedule(p.retryMs, { kind: 'resend', gen: s.gen, inc: s.tc.inc, tx: t.tx });
        for (const q of s.ps)
          for (const t of q.txs)
            if (t.state === 'prepared')
              ctx.schedule(p.retryMs, { kind: 'ask', gen: s.gen, p: q.id, inc: q.inc, tx: t.tx });
            else if (t.state === 'working')
              ctx.schedule(p.workMs, { kind: 'work', gen: s.gen, p: q.id, inc: q.inc, tx: t.tx });
        if (!s.tc.up && p.tcRecoveryMs > 0)
          ctx.schedule(p.tcRecoveryMs, { kind: 'tcRecover', gen: s.gen, inc: s.tc.inc });
        scheduleWorkload(s, ctx);
      }
    },
    view(s, ctx) {
      const tc = s.tc;
      const armed = tc.armed;
      return {
        view: {
          now: ctx.now,
          tc: {
            up: tc.up,
            active: tc.active.map((t) => ({
              tx: t.tx,
              phase: t.phase,
              commit: t.commit,
              votes: t.votes.map((v) => v ?? '?'),
            })),
            log: tc.log.slice(-LOG_SHOWN).map((r) => ({ ...r })),
            written: tc.written.map((r) => ({ ...r })),
            logWrites: tc.logWrites,
            armed: armed ? `crashes ${armedText(armed)}` : '',
            downMs: tc.up ? 0 : ctx.now - tc.crashedAt,
          },
          participants: s.ps.map((p) => {
            const last = p.txs[p.txs.length - 1];
            const held = p.txs.find((t) => t.state === 'prepared');
            const cur = held ?? last;
            return {
              id: p.id,
              name: nodeName(p.id),
              up: p.up,
              tx: cur?.tx ?? 0,
              state: cur?.state ?? 'idle',
              lock: p.lock,
              inDoubtMs: inDoubtMs(p, ctx.now),
            };
          }),
          outcomes: s.outcomes.slice(-8).map((o) => ({
            tx: o.tx,
            decision: o.decision,
            commits: o.commits.map(nodeName),
            aborts: o.aborts.map(nodeName),
          })),
          presumedAbort: ctx.params.presumedAbort,
          committed: s.committed,
          aborted: s.aborted,
          maxBlockedMs: Math.max(s.maxBlockedMs, ...s.ps.map((p) => inDoubtMs(p, ctx.now))),
          partition: ctx.net.groups ? ctx.net.groups.map((g) => g.slice()) : null,
          messages: s.messages.filter((m) => m && m.sentAt >= ctx.now - 4000),
        },
      };
    },
    metrics(s, ctx) {
      let inDoubt = 0;
      let longest = s.maxBlockedMs;
      for (const p of s.ps) {
        const ms = inDoubtMs(p, ctx.now);
        if (p.txs.some((t) => t.state === 'prepared')) inDoubt++;
        longest = Math.max(longest, ms);
      }
      return {
        committed: s.committed,
        aborted: s.aborted,
        inDoubt,
        maxBlockedMs: longest,
        lockConflicts: s.lockConflicts,
        logWrites: s.tc.logWrites,
      };
    },
    invariants: commitInvariants,
    describeMessage,
  };
}

export const commitModel = makeCommitModel();
