/**
 * The coordinator TC: begins a transaction by sending prepare, collects the votes, decides,
 * logs the decision (forced before it is sent), resends it until every participant acknowledges,
 * and after a crash recovers from its log. Presumed abort: no begin record and no abort record;
 * an in-doubt participant asking about a transaction TC has no record of is told abort.
 */
import { nodeName, outcomeOf, recordDecision, send, seconds, TC, txName } from './net';
import type { CommitCtx as C, CommitState as S, LogKind, TcTx } from './types';

const ENDS_KEPT = 400;

function write(s: S, ctx: C, tx: number, kind: LogKind): void {
  const log = s.tc.log;
  if (kind === 'end') {
    // The transaction is finished everywhere: its other records can go.
    s.tc.log = log.filter((r) => r.tx !== tx);
    const ends = s.tc.log.filter((r) => r.kind === 'end');
    if (ends.length >= ENDS_KEPT) s.tc.log.splice(s.tc.log.indexOf(ends[0]!), 1);
  }
  s.tc.log.push({ tx, kind, at: ctx.now });
  s.tc.logWrites++;
  s.tc.written.push({ tx, kind, at: ctx.now });
  if (s.tc.written.length > 10) s.tc.written.shift();
}

export function crashTc(s: S, ctx: C, why: string): void {
  const tc = s.tc;
  if (!tc.up) return;
  tc.up = false;
  tc.inc++;
  tc.active = [];
  tc.armed = null;
  tc.crashedAt = ctx.now;
  ctx.log(`TC crashed${why}`, { kind: 'crash', level: 'warn', nodes: [TC] });
  if (ctx.params.tcRecoveryMs > 0)
    ctx.schedule(ctx.params.tcRecoveryMs, { kind: 'tcRecover', gen: s.gen, inc: tc.inc });
}

function sendDecision(s: S, ctx: C, t: TcTx, to: number[]): void {
  for (const p of to) send(s, ctx, TC, p, { type: 'decision', tx: t.tx, commit: t.commit });
}

function decide(s: S, ctx: C, t: TcTx, commit: boolean, why: string): void {
  const pa = ctx.params.presumedAbort;
  t.phase = 'deciding';
  t.commit = commit;
  if (commit || !pa) write(s, ctx, t.tx, commit ? 'commit' : 'abort');
  recordDecision(s, t.tx, TC, commit, ctx.now);
  if (commit) s.committed++;
  else s.aborted++;
  ctx.log(`TC decided ${commit ? 'commit' : 'abort'} for ${txName(t.tx)}${why}`, {
    kind: commit ? 'commit' : 'abort',
    nodes: [TC],
  });
  const all = s.ps.map((p) => p.id);
  const armed = s.tc.armed;
  if (armed?.when === 'mid-decision') {
    const k = Math.min(armed.sentTo, all.length);
    sendDecision(s, ctx, t, all.slice(0, k));
    crashTc(
      s,
      ctx,
      ` after sending ${commit ? 'commit' : 'abort'} to ${k ? all.slice(0, k).map(nodeName).join(', ') : 'no one'}`,
    );
    return;
  }
  sendDecision(s, ctx, t, all);
  if (!commit && pa) {
    // Presumed abort: nothing to remember, no acknowledgements awaited.
    s.tc.active = s.tc.active.filter((x) => x !== t);
    return;
  }
  ctx.schedule(ctx.params.retryMs, { kind: 'resend', gen: s.gen, inc: s.tc.inc, tx: t.tx });
}

export function beginTx(s: S, ctx: C): void {
  const tc = s.tc;
  if (!tc.up) return void ctx.log('TC is down: no transaction begins', { level: 'warn' });
  const tx = ++s.nextTx;
  outcomeOf(s, tx);
  const pa = ctx.params.presumedAbort;
  if (!pa) write(s, ctx, tx, 'begin');
  if (tc.armed?.when === 'before-prepare')
    return crashTc(s, ctx, ` before sending prepare for ${txName(tx)}`);
  const n = s.ps.length;
  const t: TcTx = {
    tx,
    phase: 'voting',
    votes: new Array<null>(n).fill(null),
    commit: false,
    acked: new Array<boolean>(n).fill(false),
  };
  tc.active.push(t);
  ctx.log(
    `TC began ${txName(tx)} and asks ${s.ps.map((p) => nodeName(p.id)).join(', ')} to prepare`,
    {
      kind: 'begin',
      nodes: [TC],
    },
  );
  for (const p of s.ps) send(s, ctx, TC, p.id, { type: 'prepare', tx });
  ctx.schedule(ctx.params.voteTimeoutMs, { kind: 'voteTimeout', gen: s.gen, inc: tc.inc, tx });
}

const activeTx = (s: S, tx: number) => s.tc.active.find((t) => t.tx === tx);

export function onVote(s: S, ctx: C, tx: number, from: number, yes: boolean): void {
  const t = activeTx(s, tx);
  if (!t || t.phase !== 'voting') return;
  t.votes[from - 1] = yes ? 'yes' : 'no';
  if (!yes) return decide(s, ctx, t, false, `: ${nodeName(from)} voted no`);
  if (t.votes.some((v) => v !== 'yes')) return;
  if (s.tc.armed?.when === 'after-votes')
    return crashTc(s, ctx, ` with every yes vote for ${txName(tx)} in hand, before deciding`);
  decide(s, ctx, t, true, ': every participant voted yes');
}

export function onVoteTimeout(s: S, ctx: C, tx: number): void {
  const t = activeTx(s, tx);
  if (!t || t.phase !== 'voting') return;
  const got = t.votes.filter((v) => v !== null);
  if (s.bugs.commitOnPartialVotes && got.length > 0 && got.every((v) => v === 'yes'))
    return decide(s, ctx, t, true, ' on the votes it had (broken: some never came)');
  decide(s, ctx, t, false, `: not every vote came within ${seconds(ctx.params.voteTimeoutMs)}`);
}

export function onAck(s: S, ctx: C, tx: number, from: number): void {
  const t = activeTx(s, tx);
  if (!t || t.phase !== 'deciding') return;
  t.acked[from - 1] = true;
  if (t.acked.every(Boolean)) {
    write(s, ctx, tx, 'end');
    s.tc.active = s.tc.active.filter((x) => x !== t);
  }
}

export function onResend(s: S, ctx: C, tx: number): void {
  const t = activeTx(s, tx);
  if (!t || t.phase !== 'deciding') return;
  sendDecision(
    s,
    ctx,
    t,
    s.ps.filter((p) => !t.acked[p.id - 1]).map((p) => p.id),
  );
  ctx.schedule(ctx.params.retryMs, { kind: 'resend', gen: s.gen, inc: s.tc.inc, tx });
}

/** The decision TC's log holds for `tx`, or null. */
function logged(s: S, tx: number): boolean | null {
  for (const r of s.tc.log)
    if (r.tx === tx && r.kind !== 'begin') {
      if (r.kind === 'commit') return true;
      if (r.kind === 'abort') return false;
    }
  const o = s.outcomes.find((x) => x.tx === tx);
  // An 'end' record keeps the decision the transaction ended with.
  if (s.tc.log.some((r) => r.tx === tx && r.kind === 'end')) return o?.decision === 'commit';
  return null;
}

export function onAsk(s: S, ctx: C, tx: number, from: number): void {
  const t = activeTx(s, tx);
  if (t) {
    if (t.phase === 'deciding') sendDecision(s, ctx, t, [from]);
    return; // still voting: the decision will come
  }
  const d = logged(s, tx);
  if (d !== null) {
    send(s, ctx, TC, from, { type: 'decision', tx, commit: d });
    return;
  }
  // No record: presumed abort (without it TC logged a begin record and aborts on recovery).
  const o = s.outcomes.find((x) => x.tx === tx);
  if (!o || o.decision === '') {
    recordDecision(s, tx, TC, false, ctx.now);
    s.aborted++;
  }
  ctx.log(`TC has no record of ${txName(tx)} and tells ${nodeName(from)} abort (presumed abort)`, {
    kind: 'abort',
    nodes: [TC, from],
  });
  send(s, ctx, TC, from, { type: 'decision', tx, commit: false });
}

export function restartTc(s: S, ctx: C): void {
  const tc = s.tc;
  if (tc.up) return void ctx.log('TC is already up', { level: 'warn' });
  tc.up = true;
  const n = s.ps.length;
  const last = new Map<number, LogKind>();
  for (const r of tc.log) if (last.get(r.tx) !== 'end') last.set(r.tx, r.kind);
  const open = [...last.entries()].filter(([, kind]) => kind !== 'end').sort((a, b) => a[0] - b[0]);
  ctx.log(
    `TC restarted after ${seconds(ctx.now - tc.crashedAt)} and read its log: ${open.length ? `${open.map(([tx, kind]) => `${kind} ${txName(tx)}`).join(', ')} not ended` : 'nothing unfinished'}`,
    { kind: 'restart', nodes: [TC] },
  );
  for (const [tx, kind] of open) {
    const t: TcTx = {
      tx,
      phase: 'voting',
      votes: new Array<null>(n).fill(null),
      commit: false,
      acked: new Array<boolean>(n).fill(false),
    };
    tc.active.push(t);
    if (kind === 'begin') {
      decide(s, ctx, t, false, ' on recovery: it began and never decided');
      continue;
    }
    t.phase = 'deciding';
    t.commit = kind === 'commit';
    ctx.log(`TC sends ${kind} for ${txName(tx)} again`, { kind, nodes: [TC] });
    sendDecision(
      s,
      ctx,
      t,
      s.ps.map((p) => p.id),
    );
    ctx.schedule(ctx.params.retryMs, { kind: 'resend', gen: s.gen, inc: tc.inc, tx });
  }
}
