/**
 * The token ring: N nodes pass one token clockwise. The holder keeps it `holdMs`, then sends it
 * to the next node it believes is up and waits for an acknowledgement; a node that does not
 * acknowledge in time (two worst-case latencies) is skipped for `timeoutMs`. A crash or a
 * partition can lose the token; node i makes a new one, of the next generation, after
 * `(i + 1) * timeoutMs` without taking one. A node discards any token not newer, by generation
 * then hop count, than the newest it has taken.
 */
import { keepSent, noteArrival } from '../../core/messageHistory';
import type { Delivery, ModelDef } from '../../core/types';
import { tokenringMeta } from './meta';
import type {
  RingNode,
  Token,
  TokenringCtx as C,
  TokenringMsg,
  TokenringParams,
  TokenringState as S,
  TokenringTimer,
  TokenringView,
} from './types';

export const HISTORY_SIZE = 96;
export const nodeName = (id: number): string => `N${id + 1}`;
const newer = (a: Token, b: Token): boolean => a.gen > b.gen || (a.gen === b.gen && a.hop > b.hop);
const ackWaitMs = (ctx: C): number => 2 * ctx.params.latencyMsMax + 1;

function describeMessage(m: TokenringMsg): string {
  return `${m.type} g${m.gen}`;
}

function send(
  s: S,
  ctx: C,
  from: number,
  to: number,
  type: TokenringMsg['type'],
  t: Token,
  has = false,
) {
  const mid = s.nextMid++;
  const msg: TokenringMsg = { type, e: s.epoch, mid, gen: t.gen, hop: t.hop, has };
  keepSent(s.messages, HISTORY_SIZE, {
    id: mid,
    from,
    to,
    type: msg.type,
    label: describeMessage(msg),
    now: ctx.now,
  });
  ctx.send(from, to, msg);
  return mid;
}

/** (Re)arms the node's token timeout: `(id + 1) * timeoutMs`, plus `extraMs`. */
function armTimeout(s: S, n: RingNode, ctx: C, extraMs = 0): void {
  ctx.cancel(n.regenTimer);
  n.regenWaitMs = (n.id + 1) * ctx.params.timeoutMs + extraMs;
  n.regenAt = ctx.now + n.regenWaitMs;
  n.regenTimer = ctx.schedule(n.regenWaitMs, {
    kind: 'regen',
    e: s.epoch,
    node: n.id,
    inc: n.incarnation,
  });
}

/** The node takes `token`: its turn starts. */
function take(s: S, n: RingNode, token: Token, ctx: C): void {
  n.holding = token;
  n.seen = { ...token };
  n.lastSeenAt = ctx.now;
  s.lastTakenAt = ctx.now;
  armTimeout(s, n, ctx);
  ctx.cancel(n.releaseTimer);
  n.releaseTimer = ctx.schedule(ctx.params.holdMs, {
    kind: 'release',
    e: s.epoch,
    node: n.id,
    inc: n.incarnation,
  });
}

function crash(s: S, n: RingNode, ctx: C): void {
  const had = n.holding !== null;
  n.up = false;
  n.incarnation++;
  n.holding = null;
  n.pending = null;
  ctx.cancel(n.regenTimer);
  s.lastCrashed = n.id;
  const what = had ? ' while holding the token: the token is gone' : '';
  ctx.log(`${nodeName(n.id)} crashed${what}`, { kind: 'crash', level: 'warn', nodes: [n.id] });
}

/** The next node clockwise that `n` does not skip, or -1. */
function successor(s: S, n: RingNode, now: number): number {
  const N = s.nodes.length;
  for (let k = 1; k < N; k++) {
    const j = (n.id + k) % N;
    if (n.suspectedUntil[j]! <= now) return j;
  }
  return -1;
}

function pass(s: S, n: RingNode, token: Token, ctx: C): void {
  const to = successor(s, n, ctx.now);
  if (to < 0) {
    // Every other node looks down: keep the token for another turn and try them all again.
    n.suspectedUntil.fill(0);
    take(s, n, token, ctx);
    return;
  }
  const next = { gen: token.gen, hop: token.hop + 1 };
  n.holding = null;
  const mid = send(s, ctx, n.id, to, 'token', next);
  n.pending = { to, token: next, mid };
  s.passes++;
  ctx.schedule(ackWaitMs(ctx), { kind: 'ack', e: s.epoch, node: n.id, inc: n.incarnation, mid });
}

function onToken(s: S, n: RingNode, from: number, t: Token, mid: number, ctx: C): void {
  n.suspectedUntil[from] = 0;
  n.reported[from] = false;
  if (!newer(t, n.seen)) {
    // The sender learns the newer generation, and whether this node has the token.
    send(s, ctx, n.id, from, 'stale', n.seen, n.holding !== null || n.pending !== null);
    s.discarded++;
    ctx.log(
      `${nodeName(n.id)} discarded a stale token (generation ${t.gen}; it has seen generation ${n.seen.gen})`,
      { kind: 'stale', nodes: [n.id] },
    );
    return;
  }
  send(s, ctx, n.id, from, 'ack', t);
  if (t.gen > n.seen.gen)
    ctx.log(`${nodeName(n.id)} took a token of generation ${t.gen}`, {
      kind: 'gen',
      nodes: [n.id],
    });
  take(s, n, t, ctx);
  if (s.crashOnTake === mid) crash(s, n, ctx);
}

function fresh(ctx: C, epoch: number): S {
  const N = ctx.params.nodes;
  const s: S = {
    epoch,
    nodes: Array.from({ length: N }, (_, id) => ({
      id,
      up: true,
      incarnation: 0,
      holding: null,
      // Everybody knows the ring starts with generation 1, held by N1.
      seen: { gen: 1, hop: -1 },
      lastSeenAt: 0,
      regenAt: 0,
      regenWaitMs: 0,
      regenTimer: -1,
      releaseTimer: -1,
      pending: null,
      suspectedUntil: new Array<number>(N).fill(0),
      reported: new Array<boolean>(N).fill(false),
    })),
    lastCrashed: -1,
    crashOnTake: -1,
    nextMid: 0,
    messages: [],
    regenerations: [],
    regenerated: 0,
    passes: 0,
    discarded: 0,
    lastTakenAt: 0,
  };
  for (const n of s.nodes) armTimeout(s, n, ctx);
  take(s, s.nodes[0]!, { gen: 1, hop: 0 }, ctx);
  return s;
}

function onTimer(s: S, t: TokenringTimer, ctx: C): void {
  const n = s.nodes[t.node];
  if (!n || !n.up || n.incarnation !== t.inc || t.e !== s.epoch) return;
  if (t.kind === 'release') {
    if (n.holding) pass(s, n, n.holding, ctx);
  } else if (t.kind === 'ack') {
    const p = n.pending;
    if (!p || p.mid !== t.mid) return;
    n.pending = null;
    n.suspectedUntil[p.to] = ctx.now + ctx.params.timeoutMs;
    if (!n.reported[p.to])
      ctx.log(
        `${nodeName(p.to)} did not acknowledge the token: ${nodeName(n.id)} skips it for now and passes it on`,
        { kind: 'skip', nodes: [n.id, p.to] },
      );
    n.reported[p.to] = true;
    pass(s, n, { gen: p.token.gen, hop: p.token.hop - 1 }, ctx);
  } else if (ctx.now >= n.regenAt) {
    const why = `no token for ${(n.regenWaitMs / 1000).toFixed(1)} s`;
    regenerate(s, n, n.seen.gen + 1, ctx, why);
  }
}

function onMessage(s: S, msg: Delivery<TokenringMsg>, ctx: C): void {
  if (msg.payload.e !== s.epoch) return;
  const n = s.nodes[msg.to];
  const up = !!n && n.up;
  noteArrival(s.messages, HISTORY_SIZE, msg.payload.mid, ctx.now, !up);
  if (!n || !up) return;
  const m = msg.payload;
  n.reported[msg.from] = false;
  if (m.type === 'token') onToken(s, n, msg.from, m, m.mid, ctx);
  else if (m.type === 'ack') {
    if (n.pending?.to === msg.from && !newer(n.pending.token, m)) n.pending = null;
  } else if (m.type === 'new') onNew(s, n, msg.from, m, ctx);
  else onStale(s, n, msg.from, m, ctx);
}

/** The token `n` passed was older than `from`'s newest. */
function onStale(s: S, n: RingNode, from: number, m: TokenringMsg, ctx: C): void {
  const p = n.pending;
  if (p?.to !== from) return;
  n.pending = null;
  if (m.gen > n.seen.gen) n.seen = { gen: m.gen, hop: -1 };
  // A token this node just made, and `from` has none: the newer one is lost too. Make it again,
  // numbered above the newest; the lowest node that is up still goes first.
  if (p.token.hop === 1 && !m.has) {
    const gen = n.seen.gen + 1;
    regenerate(
      s,
      n,
      gen,
      ctx,
      `its new token was older than ${nodeName(from)}'s generation ${m.gen}`,
    );
    return;
  }
  armTimeout(s, n, ctx);
  ctx.log(`${nodeName(n.id)} learned from ${nodeName(from)} that generation ${m.gen} exists`, {
    kind: 'gen',
    nodes: [n.id, from],
  });
}

function regenerate(s: S, n: RingNode, gen: number, ctx: C, why: string): void {
  s.regenerated++;
  s.regenerations.push({ at: ctx.now, node: n.id, gen });
  if (s.regenerations.length > 32) s.regenerations.shift();
  ctx.log(`${nodeName(n.id)} makes a new token, generation ${gen}: ${why}`, {
    kind: 'regen',
    level: 'warn',
    nodes: [n.id],
  });
  for (const o of s.nodes) if (o.id !== n.id) send(s, ctx, n.id, o.id, 'new', { gen, hop: 0 });
  take(s, n, { gen, hop: 0 }, ctx);
}

/** Another node made a token: start the timeout over (so the lowest node stays first). */
function onNew(s: S, n: RingNode, from: number, m: Token, ctx: C): void {
  if (m.gen > n.seen.gen) {
    n.seen = { gen: m.gen, hop: -1 };
    if (n.holding) {
      // Its own token is now the stale one.
      n.holding = null;
      s.discarded++;
      ctx.log(`${nodeName(n.id)} dropped its token: ${nodeName(from)} made generation ${m.gen}`, {
        kind: 'stale',
        nodes: [n.id],
      });
    }
  }
  if (!n.holding) armTimeout(s, n, ctx);
}

function pick(s: S, input: Record<string, unknown>, fallback: number): RingNode | undefined {
  return s.nodes[typeof input.node === 'number' ? input.node : fallback];
}

export const tokenringModel: ModelDef<
  TokenringParams,
  S,
  TokenringTimer,
  TokenringMsg,
  TokenringView
> = {
  meta: tokenringMeta,
  init: (ctx) => fresh(ctx, 0),
  onTimer,
  onMessage,

  onInput(s, input, ctx) {
    const holder = s.nodes.find((n) => n.up && n.holding);
    if (input.action === 'crash') {
      const sender = s.nodes.find((x) => x.up && x.pending);
      if (typeof input.node !== 'number' && !holder && sender) {
        // The token is on its way: crash the node it is going to as soon as it takes it.
        s.crashOnTake = sender.pending!.mid;
        return;
      }
      const n = pick(s, input, holder?.id ?? -1);
      if (!n || !n.up) {
        ctx.log(n ? `${nodeName(n.id)} is already down` : 'No node has the token to crash', {
          level: 'warn',
        });
        return;
      }
      crash(s, n, ctx);
    } else if (input.action === 'restart') {
      const n = pick(s, input, s.lastCrashed);
      if (!n || n.up) {
        ctx.log(n ? `${nodeName(n.id)} is already up` : 'No node is down', { level: 'warn' });
        return;
      }
      n.up = true;
      n.lastSeenAt = ctx.now;
      n.suspectedUntil.fill(0);
      // The others may skip it for a while, and a node that stayed up should make any new
      // token first: it waits longer than any of them does.
      armTimeout(s, n, ctx, s.nodes.length * ctx.params.timeoutMs);
      ctx.log(`${nodeName(n.id)} restarted and waits for the token`, {
        kind: 'restart',
        nodes: [n.id],
      });
    } else if (input.action === 'loseToken') {
      if (!holder) {
        ctx.log('No node holds the token right now (it may be in flight)', { level: 'warn' });
        return;
      }
      holder.holding = null;
      ctx.log(`${nodeName(holder.id)} lost the token`, {
        kind: 'lost',
        level: 'warn',
        nodes: [holder.id],
      });
    }
  },

  onParams(s, previous, ctx) {
    if (ctx.params.nodes === previous.nodes) return;
    for (const n of s.nodes) ctx.cancel(n.regenTimer);
    Object.assign(s, fresh(ctx, s.epoch + 1));
    ctx.log(`The ring was rebuilt with ${ctx.params.nodes} nodes`, { kind: 'reset' });
  },

  view(s, ctx) {
    const holders = s.nodes.filter((n) => n.up && n.holding).map((n) => n.id);
    return {
      view: {
        now: ctx.now,
        nodes: s.nodes.map((n) => ({
          id: n.id,
          name: nodeName(n.id),
          up: n.up,
          holding: n.up && n.holding !== null,
          gen: n.seen.gen,
          regenAt: n.up ? n.regenAt : -1,
          regenWaitMs: n.regenWaitMs,
          skips: n.suspectedUntil.flatMap((u, j) => (u > ctx.now ? [nodeName(j)] : [])),
        })),
        holders,
        generation: Math.max(...s.nodes.map((n) => n.seen.gen)),
        partition: ctx.net.groups ? ctx.net.groups.map((g) => g.slice()) : null,
        messages: s.messages.filter((m) => m.sentAt >= ctx.now - 3000),
        regenerations: s.regenerations.slice(),
      },
    };
  },

  metrics: (s, ctx) => ({
    holders: s.nodes.filter((n) => n.up && n.holding).length,
    generation: Math.max(...s.nodes.map((n) => n.seen.gen)),
    regenerations: s.regenerated,
    passes: s.passes,
    discarded: s.discarded,
    sinceTokenMs: ctx.now - s.lastTakenAt,
  }),

  invariants: [
    {
      id: 'down-holds-nothing',
      label: 'A crashed node holds no token',
      description: 'A crash loses the token the node held.',
      check: (s) => {
        const n = s.nodes.find((x) => !x.up && x.holding);
        return n ? `${nodeName(n.id)} is down but holds a token` : null;
      },
    },
    {
      id: 'held-is-newest',
      label: 'A held token is the newest its holder has seen',
      description: 'A node never takes a token older than one it has already taken.',
      check: (s) => {
        const n = s.nodes.find((x) => x.holding && newer(x.seen, x.holding));
        return n
          ? `${nodeName(n.id)} holds generation ${n.holding!.gen} after seeing ${n.seen.gen}`
          : null;
      },
    },
  ],

  describeMessage,
};
