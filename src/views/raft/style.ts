/**
 * How roles and message types look: an Okabe-Ito colour always paired with a shape and a word,
 * so colour is never the only cue.
 */
import { OKABE_ITO, type Shape } from '../../ui/palette';
import type { RecordStyle } from '../network/live';
import type { FlightStyle } from '../network/Messages';
import type { ServerView } from './types';

export type RoleKey = ServerView['role'];

export interface RoleStyle {
  label: string;
  color: string;
  shape: Shape;
  /** Text colour on top of `color`. */
  ink: string;
}

export const ROLE_STYLE: Record<RoleKey, RoleStyle> = {
  follower: { label: 'follower', color: OKABE_ITO[0], shape: 'circle', ink: '#ffffff' },
  candidate: { label: 'candidate', color: OKABE_ITO[1], shape: 'diamond', ink: '#000000' },
  leader: { label: 'leader', color: OKABE_ITO[2], shape: 'star', ink: '#000000' },
  crashed: { label: 'crashed', color: OKABE_ITO[7], shape: 'circle', ink: '#000000' },
};

/** Role as said aloud: a pre-candidate is a follower asking for pre-votes. */
export const roleWord = (s: Pick<ServerView, 'role' | 'preCandidate'>): string =>
  s.preCandidate ? 'follower (pre-vote)' : ROLE_STYLE[s.role].label;

export type MessageFamily = 'vote' | 'prevote' | 'append' | 'heartbeat';

export interface MessageStyle {
  family: MessageFamily;
  color: string;
  /** A reply travels back: drawn hollow and dashed. */
  reply: boolean;
  name: string;
}

const FAMILY_COLOR: Record<MessageFamily, string> = {
  vote: OKABE_ITO[1],
  prevote: OKABE_ITO[3],
  append: OKABE_ITO[0],
  heartbeat: OKABE_ITO[4],
};

/** The style of a message from its type and label (an empty AppendEntries is a heartbeat). */
export function messageStyle(type: string, label: string): MessageStyle {
  switch (type) {
    case 'RequestVote':
      return { family: 'vote', color: FAMILY_COLOR.vote, reply: false, name: 'RequestVote' };
    case 'RequestVoteReply':
      return { family: 'vote', color: FAMILY_COLOR.vote, reply: true, name: 'vote reply' };
    case 'PreVote':
      return { family: 'prevote', color: FAMILY_COLOR.prevote, reply: false, name: 'PreVote' };
    case 'PreVoteReply':
      return {
        family: 'prevote',
        color: FAMILY_COLOR.prevote,
        reply: true,
        name: 'pre-vote reply',
      };
    case 'AppendEntriesReply':
      return {
        family: 'append',
        color: FAMILY_COLOR.append,
        reply: true,
        name: 'AppendEntries reply',
      };
    case 'InstallSnapshot':
      return {
        family: 'append',
        color: FAMILY_COLOR.append,
        reply: false,
        name: 'InstallSnapshot',
      };
    case 'InstallSnapshotReply':
      return {
        family: 'append',
        color: FAMILY_COLOR.append,
        reply: true,
        name: 'InstallSnapshot reply',
      };
    default: {
      const beat = label.endsWith('♥');
      return {
        family: beat ? 'heartbeat' : 'append',
        color: beat ? FAMILY_COLOR.heartbeat : FAMILY_COLOR.append,
        reply: false,
        name: beat ? 'heartbeat (empty AppendEntries)' : 'AppendEntries',
      };
    }
  }
}

/** Server name from an id: S1 is 0. */
export const serverName = (id: number): string => `S${id + 1}`;

/** A message in flight on the stage: its family's colour and a circle, hollow for a reply. */
export function flightStyle(m: { type: string; label: string }): FlightStyle {
  const st = messageStyle(m.type, m.label);
  return {
    color: st.color,
    shape: 'circle',
    hollow: st.reply,
    name: st.name,
    className: `family-${st.family}`,
  };
}

/** A message in the space-time diagram: heartbeats faint, replies dashed. */
export function recordStyle(m: { type: string; label: string }): RecordStyle {
  const st = messageStyle(m.type, m.label);
  return { color: st.color, reply: st.reply, faint: st.family === 'heartbeat' };
}
