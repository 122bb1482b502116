/**
 * The code lab of each model that has one: the documented interface the learner implements (as a
 * .d.ts fed to Monaco), a starting point, and the built-in strategies the learner's is compared
 * with. No simulation code here: built-ins run in the experiment pool, the learner's code in the
 * sandbox worker.
 */

export interface BuiltinRun {
  label: string;
  /** Params on top of the lab's (e.g. `{ hash: 'murmur3' }`). */
  params(base: Record<string, unknown>): Record<string, unknown>;
}

export interface LabDef {
  model: string;
  /** The experiment every run uses. */
  experiment: string;
  title: string;
  /** What to write, in a sentence or two (shown above the editor). */
  intro: string;
  /** The function the learner exports. */
  exportName: string;
  /** Label of the learner's row. */
  yours: string;
  /** Ambient typings loaded into Monaco. */
  typings: string;
  starter: string;
  /** Lab defaults over the experiment's (smaller runs, quicker feedback). */
  defaults: Record<string, unknown>;
  /** Params the lab sets itself (not shown in the params panel). */
  fixed: string[];
  builtins: BuiltinRun[];
  /** The result field the bar chart compares (lower is better), and its label. */
  chart: { field: string; label: string };
}

const HASHRING_TYPINGS = `/**
 * Your hash function for the consistent-hashing ring.
 *
 * It is called for every key (bytes = the key id as 4 little-endian bytes) and for every virtual
 * node (bytes = node id then vnode index, 8 little-endian bytes). The result is taken modulo 2^32
 * (\`>>> 0\`), so a signed result from Math.imul is fine. Same bytes and seed must give the same
 * hash. Return a number: anything else stops the run.
 *
 * @param bytes the key's bytes (a fresh array each call)
 * @param seed a 32-bit seed (keys and vnodes use different seeds)
 * @returns a 32-bit unsigned hash
 */
type HashFunction = (bytes: Uint8Array, seed: number) => number;
`;

const HASHRING_STARTER = `// Write a 32-bit hash of the key's bytes. The lab places 100,000 keys on a ring of 10 nodes with
// your hash and compares how even the load is (CV: lower is better) with xxHash32, MurmurHash3
// and FNV-1a. Try something weak first (a sum of the bytes) and see what happens.

export function hash(bytes: Uint8Array, seed: number): number {
  // FNV-1a, seeded: a simple, decent hash.
  let h = 0x811c9dc5 ^ seed;
  for (let i = 0; i < bytes.length; i++) {
    h = Math.imul(h ^ bytes[i]!, 0x01000193);
  }
  // A final mix spreads nearby inputs further apart.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}
`;

const STAMPEDE_TYPINGS = `/** One read of a cached value that is still fresh (now < expiry). */
interface RecomputeContext {
  /** Virtual time of the read (ms). */
  readonly now: number;
  /** When the cached value expires (ms). */
  readonly expiry: number;
  /** How long the key's last recomputation took (ms): XFetch's delta. */
  readonly deltaMs: number;
  /** The experiment's beta parameter (XFetch's knob). */
  readonly beta: number;
  /** The cache's time to live (ms). */
  readonly ttlMs: number;
  /** The key; 0 is the most popular. */
  readonly key: number;
  /** A uniform random number in (0, 1], seeded: the same run draws the same numbers. */
  random(): number;
}

/**
 * Your early-recomputation policy, called on every read of a fresh value: return true to
 * recompute the key now, before it expires (this request then waits for the database). Reads of
 * an expired value always recompute. Return a boolean: anything else stops the run.
 */
type ShouldRecompute = (ctx: RecomputeContext) => boolean;
`;

const STAMPEDE_STARTER = `// Decide, on each read of a still-fresh value, whether to recompute it early. Recomputing just
// before expiry avoids the herd of misses at expiry; recomputing too often loads the database.
// The lab compares your policy with no protection, XFetch, request coalescing and
// stale-while-revalidate on the same workload.

export function shouldRecompute(ctx: RecomputeContext): boolean {
  const remainingMs = ctx.expiry - ctx.now;
  // Within one recompute time of expiry, refresh with a small probability per read.
  return remainingMs < ctx.deltaMs && ctx.random() < 0.01;
}
`;

const RAFT_TYPINGS = `/** A server about to (re)start its election timer. */
interface TimeoutContext {
  /** The server: 0 is S1. */
  readonly server: number;
  /** How many servers the cluster has. */
  readonly servers: number;
  /** The server's current term. */
  readonly term: number;
  /** 'follower', 'precandidate' or 'candidate'. */
  readonly role: string;
  /** Virtual time (ms). */
  readonly now: number;
  /** The experiment's timeout range (ms). */
  readonly timeoutMsMin: number;
  readonly timeoutMsMax: number;
  /** How often the leader sends heartbeats (ms). */
  readonly heartbeatMs: number;
  /** The timeout this server drew last time (0 before its first). */
  readonly previousTimeoutMs: number;
  /** Entries in the server's log. */
  readonly logLength: number;
  /** A uniform random number in [0, 1), seeded: the same run draws the same numbers. */
  random(): number;
}

/**
 * Your election-timeout policy: how long the server waits without hearing from a leader before it
 * starts an election. Return milliseconds from 1 to 60000 (rounded to whole ms); anything else
 * stops the run.
 */
type ElectionTimeoutPolicy = (ctx: TimeoutContext) => number;
`;

const RAFT_STARTER = `// Choose each election timeout. The lab crashes the leader of a 5-server cluster 1,000 times and
// measures how long the cluster goes without a leader, against Raft's uniform random timeouts
// and against no randomness at all (everyone times out together and splits the vote).

export function electionTimeoutMs(ctx: TimeoutContext): number {
  // Uniform in [min, max], like the paper. Can you do better, for example by letting servers
  // with longer logs (the ones that can win) time out first?
  return ctx.timeoutMsMin + ctx.random() * (ctx.timeoutMsMax - ctx.timeoutMsMin);
}
`;

const HASH_LABELS: Record<string, string> = {
  xxhash32: 'xxHash32',
  murmur3: 'MurmurHash3',
  fnv1a: 'FNV-1a',
};

export const LABS: readonly LabDef[] = [
  {
    model: 'hashring',
    experiment: 'hashring-balance',
    title: 'Your hash function on the ring',
    intro:
      'Write hash(bytes, seed). The lab places the keys on the ring with it and shows how evenly the nodes are loaded, beside the built-in hash functions.',
    exportName: 'hash',
    yours: 'your hash',
    typings: HASHRING_TYPINGS,
    starter: HASHRING_STARTER,
    defaults: { nodes: 10, vnodes: 100, keys: 100_000, strategy: 'ring' },
    fixed: ['hash'],
    builtins: Object.entries(HASH_LABELS).map(([hash, label]) => ({
      label,
      params: (base) => ({ ...base, hash }),
    })),
    chart: { field: 'cv', label: 'CV of keys per node (lower is more even)' },
  },
  {
    model: 'stampede',
    experiment: 'stampede',
    title: 'Your early-recompute policy',
    intro:
      'Write shouldRecompute(ctx). It runs under the xfetch strategy in place of XFetch’s rule, on the same workload as the built-in strategies.',
    exportName: 'shouldRecompute',
    yours: 'your policy',
    typings: STAMPEDE_TYPINGS,
    starter: STAMPEDE_STARTER,
    defaults: { durationMs: 30_000 },
    fixed: ['strategy'],
    builtins: ['none', 'xfetch', 'singleflight', 'swr'].map((strategy) => ({
      label: strategy,
      params: (base) => ({ ...base, strategy }),
    })),
    chart: { field: 'recomputesPerExpiry', label: 'Recomputes per expiry (herd size)' },
  },
  {
    model: 'raft',
    experiment: 'raft-election',
    title: 'Your election-timeout policy',
    intro:
      'Write electionTimeoutMs(ctx). Every server draws its election timeouts from it; the lab measures the downtime after a leader crash, beside Raft’s uniform timeouts.',
    exportName: 'electionTimeoutMs',
    yours: 'your policy',
    typings: RAFT_TYPINGS,
    starter: RAFT_STARTER,
    defaults: { trials: 1000 },
    fixed: [],
    builtins: [
      {
        label: 'uniform min–max',
        params: (base) => base,
      },
      {
        label: 'fixed (min only)',
        params: (base) => ({ ...base, timeoutMsMax: base.timeoutMsMin }),
      },
    ],
    chart: { field: 'downtimeMs.mean', label: 'Mean downtime (ms)' },
  },
];

export const labOf = (model: string): LabDef | undefined => LABS.find((l) => l.model === model);
