/**
 * The only code that changes a server's log, its snapshot or applies it, so the history variables
 * the safety invariants read stay in step with every change. Each check here is O(1) per entry
 * (prefix hashes), so they can run on every event even with 9 servers and long runs.
 *
 * A log holds the entries after the server's snapshot (paper §7): entry i is
 * `log[i - snapshot.index - 1]`; the helpers here hide that offset.
 */
import { xxhash32uu } from '../../core/hash';
import { name, type Entry, type RaftState, type Server, type Snapshot } from './state';

/** termAt's answer for an index inside the snapshot, where only the last term is kept. */
export const COMPACTED = -2;

export const lastIndex = (srv: Server): number => srv.snapshot.index + srv.log.length;
export const lastTerm = (srv: Server): number =>
  srv.log[srv.log.length - 1]?.term ?? srv.snapshot.term;
/** The entry at `index`, or undefined when it is past the log or inside the snapshot. */
export const entryAt = (srv: Server, index: number): Entry | undefined =>
  index > srv.snapshot.index ? srv.log[index - srv.snapshot.index - 1] : undefined;
/**
 * Term of the entry at `index` (0 for index 0, the snapshot's term at its last index), -1 when the
 * log is shorter, COMPACTED inside the snapshot.
 */
export function termAt(srv: Server, index: number): number {
  const snap = srv.snapshot.index;
  if (index === snap) return srv.snapshot.term;
  if (index < snap) return COMPACTED;
  return srv.log[index - snap - 1]?.term ?? -1;
}
/** Hash of the log prefix up to `index` (0 for the empty prefix); NaN inside the snapshot. */
export function hashAt(srv: Server, index: number): number {
  const snap = srv.snapshot.index;
  if (index === snap) return srv.snapshot.hash;
  if (index < snap) return NaN;
  return srv.hashes[index - snap - 1] ?? 0;
}

/** Raft's "at least as up-to-date" (paper §5.4.1): last term first, then length. */
export const upToDate = (lastLogTerm: number, lastLogIndex: number, voter: Server): boolean =>
  lastLogTerm > lastTerm(voter) ||
  (lastLogTerm === lastTerm(voter) && lastLogIndex >= lastIndex(voter));

/** Records the first way an invariant broke. */
export function violate(s: RaftState, invariant: string, detail: string): void {
  s.ghost.violations[invariant] ??= detail;
}

/**
 * Log Matching: an (index, term) pair always comes with the same log up to it. Checks a prefix
 * hash against every log ever seen holding an entry of `term` at `index`, and remembers it.
 */
function checkPrefix(s: RaftState, srv: Server, index: number, term: number, hash: number): void {
  const g = s.ghost;
  // Indexes at or below the window are inside every server's snapshot: nothing lands there again.
  if (index <= g.base) return;
  const seen = g.prefixAt[index - g.base - 1] ?? [];
  for (let i = 0; i < seen.length; i += 2) {
    if (seen[i] !== term) continue;
    if (seen[i + 1] !== hash)
      violate(
        s,
        'log-matching',
        `${name(srv.id)} holds entry ${index} of term ${term}, but its log up to there differs from another log holding an entry ${index} of term ${term}`,
      );
    return;
  }
  // A new array, not a push: checkpoints share these lists (copyState).
  g.prefixAt[index - g.base - 1] = [...seen, term, hash];
}

/** Appends `entry` at index lastIndex + 1 and checks Log Matching against every log ever seen. */
export function appendEntry(s: RaftState, srv: Server, entry: Entry): void {
  const index = lastIndex(srv) + 1;
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
  checkPrefix(s, srv, index, entry.term, hash);
}

/** Deletes the entries after `length` (a follower's conflict truncation). */
export function truncateLog(s: RaftState, srv: Server, length: number): void {
  if (srv.role === 'leader' && length < srv.markLength)
    violate(
      s,
      'leader-append-only',
      `${name(srv.id)}, leader of term ${srv.currentTerm}, deleted entries ${length + 1} to ${lastIndex(srv)} of its own log`,
    );
  const keep = Math.max(0, length - srv.snapshot.index);
  srv.log.length = keep;
  srv.hashes.length = keep;
}

/** A leader's commitIndex moves to `index`: remember what was committed, and in which term. */
export function recordCommit(s: RaftState, leader: Server, index: number): void {
  const g = s.ghost;
  for (let i = Math.max(leader.commitIndex, g.base) + 1; i <= index; i++) {
    const id = entryAt(leader, i)!.id;
    const prior = g.committedIds[i - g.base - 1];
    if (prior === undefined) {
      g.committedIds[i - g.base - 1] = id;
      g.committedTerms[i - g.base - 1] = leader.currentTerm;
    } else if (prior !== id) {
      violate(
        s,
        'state-machine-safety',
        `${name(leader.id)} committed a different entry at index ${i} than was committed there in term ${g.committedTerms[i - g.base - 1]}`,
      );
    }
  }
  if (index >= g.committed) {
    g.committed = index;
    g.committedHash = hashAt(leader, index);
  }
  // Leader Completeness for leaders of later terms that are already in office. An entry inside
  // such a leader's snapshot was applied there, which State Machine Safety checks.
  for (const other of s.servers) {
    if (other.role !== 'leader' || other.crashed || other.currentTerm <= leader.currentTerm)
      continue;
    const from = Math.max(leader.commitIndex, g.base, other.snapshot.index) + 1;
    for (let i = from; i <= index; i++)
      if (entryAt(other, i)?.id !== g.committedIds[i - g.base - 1])
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
  const k = g.committed;
  if (k === 0 || (lastIndex(srv) >= k && hashAt(srv, k) === g.committedHash)) return;
  for (let i = Math.max(g.base, srv.snapshot.index) + 1; i <= k; i++) {
    if (g.committedTerms[i - g.base - 1]! >= srv.currentTerm) continue;
    if (entryAt(srv, i)?.id !== g.committedIds[i - g.base - 1]) {
      violate(
        s,
        'leader-completeness',
        `${name(srv.id)} became leader of term ${srv.currentTerm} without entry ${i}, committed in term ${g.committedTerms[i - g.base - 1]}`,
      );
      return;
    }
  }
}

/** State Machine Safety: the log applied up to `index` is the one every server applied there. */
function checkApplied(s: RaftState, srv: Server, index: number, hash: number, what: string) {
  const g = s.ghost;
  if (index <= g.base) return;
  const prior = g.appliedHashes[index - g.base - 1];
  if (prior === undefined) g.appliedHashes[index - g.base - 1] = hash;
  else if (prior !== hash)
    violate(
      s,
      'state-machine-safety',
      `${name(srv.id)} applied ${what} at index ${index}, where another server applied a different entry`,
    );
}

/** Applies committed entries in order to the key-value store; checks State Machine Safety. */
export function applyCommitted(s: RaftState, srv: Server): void {
  while (srv.lastApplied < srv.commitIndex) {
    const e = entryAt(srv, srv.lastApplied + 1)!;
    srv.lastApplied++;
    checkApplied(s, srv, e.index, hashAt(srv, e.index), `"${e.command}" (term ${e.term})`);
    const eq = e.command.indexOf('=');
    if (eq > 4) srv.kv[e.command.slice(4, eq)] = e.command.slice(eq + 1);
  }
}

/**
 * Log compaction (paper §7): once `threshold` applied entries sit in the log, the server
 * snapshots its state machine at lastApplied and discards the log up to there. Returns how many
 * entries it discarded (0: not yet).
 */
export function compactLog(s: RaftState, srv: Server, threshold: number): number {
  const upTo = srv.lastApplied;
  const drop = upTo - srv.snapshot.index;
  if (drop < threshold) return 0;
  const snapshot: Snapshot = {
    index: upTo,
    term: termAt(srv, upTo),
    kv: { ...srv.kv },
    hash: hashAt(srv, upTo),
  };
  // A leader's marked prefix (Leader Append-Only) moves into the snapshot: check it, then mark
  // the snapshot, which extends it.
  if (srv.markLength <= upTo) {
    if (srv.role === 'leader' && hashAt(srv, srv.markLength) !== srv.markHash)
      violate(
        s,
        'leader-append-only',
        `${name(srv.id)}, leader of term ${srv.currentTerm}, changed entries it already held`,
      );
    srv.markLength = upTo;
    srv.markHash = snapshot.hash;
  }
  srv.snapshot = snapshot;
  srv.log = srv.log.slice(drop);
  srv.hashes = srv.hashes.slice(drop);
  pruneGhost(s);
  return drop;
}

/**
 * A follower installs a leader's snapshot (InstallSnapshot receiver, Figure 13): it keeps the
 * entries after the snapshot if its log holds the snapshot's last entry, else discards the whole
 * log, and resets its state machine from the snapshot. Checks Log Matching and State Machine
 * Safety for the snapshot's prefix.
 */
export function installSnapshot(s: RaftState, srv: Server, snapshot: Snapshot): void {
  const at = snapshot.index;
  checkPrefix(s, srv, at, snapshot.term, snapshot.hash);
  if (termAt(srv, at) === snapshot.term && at <= lastIndex(srv)) {
    const drop = at - srv.snapshot.index;
    srv.log = srv.log.slice(drop);
    srv.hashes = srv.hashes.slice(drop);
  } else {
    srv.log = [];
    srv.hashes = [];
  }
  srv.snapshot = snapshot;
  if (srv.markLength <= at) {
    srv.markLength = at;
    srv.markHash = snapshot.hash;
  }
  if (srv.lastApplied < at) {
    checkApplied(s, srv, at, snapshot.hash, `a snapshot of term ${snapshot.term}`);
    srv.kv = { ...snapshot.kv };
    srv.lastApplied = at;
  }
  if (srv.commitIndex < at) srv.commitIndex = at;
  pruneGhost(s);
}

/** How many indexes the ghost lists cover at most, even with a server down forever. */
export const GHOST_WINDOW = 4096;
/** The ghost lists are cut in steps of this many indexes (each cut copies them). */
const PRUNE_STEP = 64;

/**
 * Drops the ghost lists at and below every server's snapshot: no server can append, commit or
 * apply an entry there again. A server down for good would hold that floor forever, so the lists
 * also keep no more than GHOST_WINDOW indexes below the highest commit (the checks skip indexes
 * below the window).
 */
export function pruneGhost(s: RaftState): void {
  const g = s.ghost;
  let floor = Infinity;
  for (const srv of s.servers) floor = Math.min(floor, srv.snapshot.index);
  floor = Math.max(floor, g.committed - GHOST_WINDOW);
  const cut = floor - g.base;
  if (cut < PRUNE_STEP) return;
  g.prefixAt = g.prefixAt.slice(cut);
  g.committedIds = g.committedIds.slice(cut);
  g.committedTerms = g.committedTerms.slice(cut);
  g.appliedHashes = g.appliedHashes.slice(cut);
  g.base = floor;
}
