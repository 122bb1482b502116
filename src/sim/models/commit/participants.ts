/**
 * A participant Pi: on prepare it takes its lock and works, then votes. Voting yes writes a
 * prepared record and gives up the right to decide: it holds the lock, in doubt, asking TC every
 * retry interval, until a decision arrives. Its log survives a crash; work in progress does not.
 */
import { nodeName, recordDecision, send, seconds, TC, txName } from './net';
import type { CommitCtx as C, CommitState as S, Participant, PTx } from './types';

const TXS_KEPT = 30;

const find = (p: Participant, tx: number) => p.txs.find((t) => t.tx === tx);

function add(p: Participant, t: PTx): PTx {
  p.txs.push(t);
  if (p.txs.length > TXS_KEPT) p.txs.splice(0, p.txs.length - TXS_KEPT);
  return t;
}

/** Decides `t` at `p`; `fromTc`: on the coordinator's word (the only way once it voted yes). */
function settle(s: S, ctx: C, p: Participant, t: PTx, commit: boolean, fromTc = false): void {
  if (t.state === 'prepared') {
    if (!fromTc)
      s.unilateral ??= `${nodeName(p.id)} voted yes on ${txName(t.tx)} and then ${commit ? 'committed' : 'aborted'} it on its own, without TC's decision (at ${seconds(ctx.now)})`;
    const ms = ctx.now - t.preparedAt;
    s.blocked.push(ms);
    if (s.blocked.length > 200) s.blocked.shift();
    s.maxBlockedMs = Math.max(s.maxBlockedMs, ms);
  }
  t.state = commit ? 'committed' : 'aborted';
  t.decidedAt = ctx.now;
  if (p.lock === t.tx) p.lock = -1;
  recordDecision(s, t.tx, p.id, commit, ctx.now);
}

export function onPrepare(s: S, ctx: C, p: Participant, tx: number): void {
  const known = find(p, tx);
  if (known) {
    // A repeated prepare: repeat the vote if there was one.
    if (known.state === 'prepared') send(s, ctx, p.id, TC, { type: 'vote', tx, yes: true });
    else if (known.state === 'aborted') send(s, ctx, p.id, TC, { type: 'vote', tx, yes: false });
    return;
  }
  if (p.lock >= 0) {
    s.lockConflicts++;
    const t = add(p, { tx, state: 'working', votedYes: false, preparedAt: -1, decidedAt: -1 });
    settle(s, ctx, p, t, false);
    ctx.log(`${nodeName(p.id)} votes no on ${txName(tx)}: ${txName(p.lock)} holds its lock`, {
      kind: 'vote-no',
      level: 'warn',
      nodes: [p.id],
    });
    send(s, ctx, p.id, TC, { type: 'vote', tx, yes: false });
    return;
  }
  p.lock = tx;
  add(p, { tx, state: 'working', votedYes: false, preparedAt: -1, decidedAt: -1 });
  ctx.schedule(ctx.params.workMs, { kind: 'work', gen: s.gen, p: p.id, inc: p.inc, tx });
}

export function onWorkDone(s: S, ctx: C, p: Participant, tx: number): void {
  const t = find(p, tx);
  if (!t || t.state !== 'working') return;
  const no = p.forceNo || ctx.rng('votes').chance(ctx.params.noVoteRate);
  p.forceNo = false;
  if (no) {
    settle(s, ctx, p, t, false);
    ctx.log(`${nodeName(p.id)} cannot do its part of ${txName(tx)}, aborts it and votes no`, {
      kind: 'vote-no',
      nodes: [p.id],
    });
    send(s, ctx, p.id, TC, { type: 'vote', tx, yes: false });
    return;
  }
  t.state = 'prepared';
  t.votedYes = true;
  t.preparedAt = ctx.now;
  send(s, ctx, p.id, TC, { type: 'vote', tx, yes: true });
  ctx.schedule(ctx.params.retryMs, { kind: 'ask', gen: s.gen, p: p.id, inc: p.inc, tx });
  if (s.bugs.unilateralAbortMs > 0)
    ctx.schedule(s.bugs.unilateralAbortMs, { kind: 'giveUp', gen: s.gen, p: p.id, inc: p.inc, tx });
}

export function onDecision(s: S, ctx: C, p: Participant, tx: number, commit: boolean): void {
  let t = find(p, tx);
  if (!t) t = add(p, { tx, state: 'working', votedYes: false, preparedAt: -1, decidedAt: -1 });
  if (t.state === 'committed' || t.state === 'aborted') {
    send(s, ctx, p.id, TC, { type: 'ack', tx });
    return;
  }
  const wasPrepared = t.state === 'prepared';
  const waited = wasPrepared ? ctx.now - t.preparedAt : 0;
  // Told to commit what it never prepared, it cannot: it has nothing durable to commit.
  settle(s, ctx, p, t, commit && wasPrepared, true);
  if (wasPrepared)
    ctx.log(
      `${nodeName(p.id)} ${commit ? 'committed' : 'aborted'} ${txName(tx)} after ${seconds(waited)} in doubt, and released its lock`,
      { kind: commit ? 'commit' : 'abort', nodes: [p.id] },
    );
  else if (commit)
    ctx.log(`${nodeName(p.id)} was told to commit ${txName(tx)}, which it never prepared`, {
      level: 'warn',
      nodes: [p.id],
    });
  send(s, ctx, p.id, TC, { type: 'ack', tx });
}

export function onAskTimer(s: S, ctx: C, p: Participant, tx: number): void {
  const t = find(p, tx);
  if (!t || t.state !== 'prepared') return;
  send(s, ctx, p.id, TC, { type: 'ask', tx });
  ctx.schedule(ctx.params.retryMs, { kind: 'ask', gen: s.gen, p: p.id, inc: p.inc, tx });
}

/** Broken variant: an in-doubt participant that stops waiting and aborts on its own. */
export function onGiveUp(s: S, ctx: C, p: Participant, tx: number): void {
  const t = find(p, tx);
  if (!t || t.state !== 'prepared') return;
  settle(s, ctx, p, t, false);
  ctx.log(`${nodeName(p.id)} gave up waiting and aborted ${txName(tx)} on its own`, {
    level: 'warn',
    nodes: [p.id],
  });
}

export function crashP(s: S, ctx: C, p: Participant): void {
  if (!p.up) return void ctx.log(`${nodeName(p.id)} is already down`, { level: 'warn' });
  p.up = false;
  p.inc++;
  for (const t of p.txs) if (t.state === 'working') settle(s, ctx, p, t, false);
  const inDoubt = p.txs.filter((t) => t.state === 'prepared').map((t) => txName(t.tx));
  ctx.log(
    `${nodeName(p.id)} crashed${inDoubt.length ? `; its prepared record for ${inDoubt.join(', ')} survives` : ''}`,
    { kind: 'crash', level: 'warn', nodes: [p.id] },
  );
}

export function restartP(s: S, ctx: C, p: Participant): void {
  if (p.up) return void ctx.log(`${nodeName(p.id)} is already up`, { level: 'warn' });
  p.up = true;
  const inDoubt = p.txs.filter((t) => t.state === 'prepared');
  ctx.log(
    `${nodeName(p.id)} restarted${inDoubt.length ? `, in doubt about ${inDoubt.map((t) => txName(t.tx)).join(', ')}, its lock held: it asks TC` : ''}`,
    { kind: 'restart', nodes: [p.id] },
  );
  for (const t of inDoubt) {
    send(s, ctx, p.id, TC, { type: 'ask', tx: t.tx });
    ctx.schedule(ctx.params.retryMs, { kind: 'ask', gen: s.gen, p: p.id, inc: p.inc, tx: t.tx });
  }
}
