/**
 * Topics of the learning path not built yet, by phase: shown on the course map as "coming".
 */
export const COMING: Record<number, string[]> = {
  1: [
    'The eight fallacies of distributed computing',
    'Clocks: Lamport, vector and hybrid',
    'Consistency models, from linearizable to eventual',
  ],
  2: [
    'Sagas and compensating actions',
    'Event sourcing and CQRS',
    'Outbox and idempotent consumers',
  ],
  3: ['Leaky buckets and sliding-window rate limits', 'Bloom filters'],
  4: ['Leaderless replication, hinted handoff', 'CRDTs'],
  5: ['Bulkheads', 'Chaos experiments'],
  6: ['RED, USE and the golden signals'],
  7: ['Rate limiting as a defence', 'mTLS and zero trust'],
  8: ['Rolling, blue-green and canary deployments'],
  9: ['A URL shortener end to end', 'Fan-out for a social feed'],
  10: ['Gossip and failure detectors', 'Edge caches and serverless cold starts'],
};
