/**
 * The five safety properties of the paper's Figure 3, checked after every event. The handlers
 * keep history variables (`ghost`, see log.ts and election.ts) at the few places a log, a commit
 * or an election changes, so every check here is O(1), or O(servers) for Leader Append-Only.
 */
import type { Invariant } from '../../core/types';
import { hashAt, lastIndex } from './log';
import type { RaftParams } from './params';
import { name, type RaftState } from './state';

const recorded =
  (id: string) =>
  (s: RaftState): string | null =>
    s.ghost.violations[id] ?? null;

export const raftInvariants: Invariant<RaftState, RaftParams>[] = [
  {
    id: 'election-safety',
    label: 'Election Safety',
    description: 'At most one leader can be elected in a given term.',
    check: recorded('election-safety'),
  },
  {
    id: 'leader-append-only',
    label: 'Leader Append-Only',
    description:
      'A leader never overwrites or deletes entries in its log; it only appends new entries.',
    check(s) {
      const seen = s.ghost.violations['leader-append-only'];
      if (seen) return seen;
      for (const srv of s.servers) {
        if (srv.role !== 'leader' || srv.crashed || srv.markTerm !== srv.currentTerm) continue;
        if (lastIndex(srv) < srv.markLength || hashAt(srv, srv.markLength) !== srv.markHash)
          return `${name(srv.id)}, leader of term ${srv.currentTerm}, changed entries it already held`;
      }
      return null;
    },
  },
  {
    id: 'log-matching',
    label: 'Log Matching',
    description:
      'If two logs contain an entry with the same index and term, the logs are identical in all entries up through that index.',
    check: recorded('log-matching'),
  },
  {
    id: 'leader-completeness',
    label: 'Leader Completeness',
    description:
      'If an entry is committed in a given term, it is present in the logs of the leaders of all higher-numbered terms.',
    check: recorded('leader-completeness'),
  },
  {
    id: 'state-machine-safety',
    label: 'State Machine Safety',
    description:
      'If a server has applied an entry at a given index, no other server ever applies a different entry at that index.',
    check: recorded('state-machine-safety'),
  },
];
