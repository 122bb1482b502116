/** The token ring's state, timers, messages and the view the drawing reads. */
import type { z } from 'zod';
import type { Ctx } from '../../core/types';
import type { tokenringParams } from './meta';

import type { MessageRecord } from '../../core/messageHistory';

export type { MessageRecord };

export type TokenringParams = z.output<typeof tokenringParams>;

/** A token copy: its generation and the hops it has made since it was made. */
export interface Token {
  gen: number;
  hop: number;
}

export interface RingNode {
  id: number;
  up: boolean;
  /** Bumps at every crash: timers set before it are ignored. */
  incarnation: number;
  /** The token this node holds (its turn), or null. */
  holding: Token | null;
  /** The newest token it has taken; kept across a crash ("on disk"). */
  seen: Token;
  /** Virtual ms it last took a token (or came up). */
  lastSeenAt: number;
  /** Virtual ms its token timeout fires, and how long that wait was. */
  regenAt: number;
  regenWaitMs: number;
  regenTimer: number;
  releaseTimer: number;
  /** A token it passed and that is not yet acknowledged. */
  pending: { to: number; token: Token; mid: number } | null;
  /** Per node: until when (virtual ms) this node skips it as down. */
  suspectedUntil: number[];
  /** Per node: its silence was already narrated (until it answers again). */
  reported: boolean[];
}

export interface TokenringState {
  /** Bumps when a change of size rebuilds the ring: older timers and messages are ignored. */
  epoch: number;
  nodes: RingNode[];
  /** Node crashed last, for a restart without a node. */
  lastCrashed: number;
  /** "Crash the holder" came while the token was in flight: the message whose taker crashes. */
  crashOnTake: number;
  nextMid: number;
  /** The last HISTORY_SIZE messages, by id modulo the size. */
  messages: MessageRecord[];
  /** The latest tokens made by a timeout (at most 32), and how many in all. */
  regenerations: { at: number; node: number; gen: number }[];
  regenerated: number;
  passes: number;
  discarded: number;
  lastTakenAt: number;
}

export type TokenringTimer =
  | { kind: 'release' | 'regen'; e: number; node: number; inc: number }
  | { kind: 'ack'; e: number; node: number; inc: number; mid: number };

/**
 * `ack` acknowledges a token; `stale` answers a token older than the receiver's newest, carrying
 * that newest and whether the receiver has a token now (`has`); `new` tells every node that its
 * sender made a token of generation `gen`, so their timeouts start over together.
 */
export interface TokenringMsg {
  type: 'token' | 'ack' | 'stale' | 'new';
  e: number;
  mid: number;
  gen: number;
  hop: number;
  has: boolean;
}

export type TokenringCtx = Ctx<TokenringParams, TokenringTimer, TokenringMsg>;

export interface NodeView {
  id: number;
  name: string;
  up: boolean;
  holding: boolean;
  /** Newest generation it has seen. */
  gen: number;
  regenAt: number;
  regenWaitMs: number;
  /** Nodes it currently skips, by name. */
  skips: string[];
}

export interface TokenringView {
  now: number;
  nodes: NodeView[];
  holders: number[];
  generation: number;
  partition: number[][] | null;
  messages: MessageRecord[];
  regenerations: { at: number; node: number; gen: number }[];
}
