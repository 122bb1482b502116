/**
 * The only code that changes a server's log or applies it, so the history variables the safety
 * invariants read stay in step with every change. Each check here is O(1) per entry (prefix
 * hashes), so they can run on every event even with 9 servers and long logs.
 */
import { xxhash32uu } from '../../core/hash';
import { name, type Entry, type RaftState, type Server } from './state';

export const lastIndex = (srv: Server): number => srv.log.length;
export const lastTerm = (srv: Server): number => srv.log[srv.log.length - 1]?.term ?? 0;
/** Term of the entry at `index` (0 for index 0), or -1 when the log is shorter. */
export const termAt = (srv: Server, index: number): number =>
  index === 0 ? 0 : (srv.log[index - 1]?.term ?? -1);
/** Hash of the log prefix up to `index` (0 for the empty prefix). */
export const hashAt = (srv: Server, index: number): number =>
  index === 0 ? 0 : (srv.hashes[index - 1] ?? 0);

/** Raft's "at least as up-to-date" (paper §5.4.1): last term first, then length. */
export const upToDate = (lastLogTerm: number, lastLogIndex: number, voter: Server): boolean =>
  lastLogTerm > lastTerm(voter) ||
  (lastLogTerm === lastTerm(voter) && lastLogIndex >= lastIndex(voter));

/** Records the first way an invariant broke. */
export function violate(s: RaftState, invariant: string, detail: string): void {
  s.ghost.violations[invariant] ??= detail;
}

/** Appends `entry` at index log.length + 1 and checks Log Matching against every log ever seen. */
export function appendEntry(s: RaftState, srv: Server, entry: Entry): void {
  const index = srv.log.length + 1;
  if (entry.index !== index) throw new Error(`entry ${entry.index} appended at ${index}`);
  const before = hashAt(srv, index - 1);
  const hash = xxhash32uu(entry.term, entry.id, before);
  // A leader's log only grows from the prefix it has held since its election.
  const extendsMark =
    srv.role === 'leader' && srv.markLength === index - 1 && srv.markHash === before;
  srv.log.push(entry);
  srv.hashes.push(hash);
  if (extendsMark) {
    srv.markLength = index;
    srv.markHash = hash;
  }
  // Log Matching: an (index, term) pair always comes with the same log up to it.
  const seen = s.ghost.prefixAt[index - 1] ?? [];
  for (let i = 0; i < seen.length; i += 2) {
    if (seen[i] !== entry.term) continue;
    if (seen[i + 1] !== hash)
      violate(
        s,
        'log-matching',
        `${name(srv.id)} holds entry ${index} of term ${entry.term}, but its log up to there differs from another log holding an entry ${index} of term ${entry.term}`,
      );
    return;
  }
  // A new array, not a push: checkpoints share these lists (copyState).
  s.ghost.prefixAt[index - 1] = [...seen, entry.term, hash];
}

/** Deletes the entries after `length` (a follower's conflict truncation). */
export function truncateLog(s: RaftState, srv: Server, length: number): void {
  if (srv.role === 'leader' && length < srv.markLength)
    violate(
      s,
      'leader-append-only',
      `${name(srv.id)}, leader of term ${srv.currentTerm}, deleted entries ${length + 1} to ${srv.log.length} of its own log`,
    );
  srv.log.length = length;
  srv.hashes.length = length;
}

/** A leader's commitIndex moves to `index`: remember what was committed, and in which term. */
export function recordCommit(s: RaftState, leader: Server, index: number): void {
  const g = s.ghost;
  for (let i = leader.commitIndex + 1; i <= index; i++) {
    const id = leader.log[i - 1]!.id;
    const prior = g.committedIds[i - 1];
    if (prior === undefined) {
      g.committedIds[i - 1] = id;
      g.committedTerms[i - 1] = leader.currentTerm;
    } else if (prior !== id) {
      violate(
        s,
        'state-machine-safety',
        `${name(leader.id)} committed a different entry at index ${i} than was committed there in term ${g.committedTerms[i - 1]}`,
      );
    }
  }
  if (index >= g.committedIds.length) g.committedHash = hashAt(leader, index);
  // Leader Completeness for leaders of later terms that are already in office.
  for (const other of s.servers) {
    if (other.role !== 'leader' || other.crashed || other.currentTerm <= leader.currentTerm)
      continue;
    for (let i = leader.commitIndex + 1; i <= index; i++)
      if (other.log[i - 1]?.id !== g.committedIds[i - 1])
        violate(
          s,
          'leader-completeness',
          `entry ${i} was committed in term ${leader.currentTerm} but is missing from the log of ${name(other.id)}, leader of term ${other.currentTerm}`,
        );
  }
}

/** Leader Completeness at an election: the new leader holds every entry committed before its term. */
export function checkNewLeader(s: RaftState, srv: Server): void {
  const g = s.ghost;
  const k = g.committedIds.length;
  if (k === 0 || (srv.log.length >= k && srv.hashes[k - 1] === g.committedHash)) return;
  for (let i = 1; i <= k; i++) {
    if (g.committedTerms[i - 1]! >= srv.currentTerm) continue;
    if (srv.log[i - 1]?.id !== g.committedIds[i - 1]) {
      violate(
        s,
        'leader-completeness',
        `${name(srv.id)} became leader of term ${srv.currentTerm} without entry ${i}, committed in term ${g.committedTerms[i - 1]}`,
      );
      return;
    }
  }
}

/** Applies committed entries in order to the key-value store; checks State Machine Safety. */
export function applyCommitted(s: RaftState, srv: Server): void {
  const applied = s.ghost.appliedIds;
  while (srv.lastApplied < srv.commitIndex) {
    const e = srv.log[srv.lastApplied]!;
    srv.lastApplied++;
    const prior = applied[e.index - 1];
    if (prior === undefined) applied[e.index - 1] = e.id;
    else if (prior !== e.id)
      violate(
        s,
        'state-machine-safety',
        `${name(srv.id)} applied "${e.command}" (term ${e.term}) at index ${e.index}, where another server applied a different entry`,
      );
    const eq = e.command.indexOf('=');
    if (eq > 4) srv.kv[e.command.slice(4, eq)] = e.command.slice(eq + 1);
  }
}
