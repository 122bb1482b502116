/** The phases of the learning path, and a lesson's metadata as the page sees it. */
import type { Frontmatter } from './schema';

export const PHASES = [
  {
    id: 1,
    title: 'Foundations',
    blurb: 'What changes when one machine becomes many: failures, latency, CAP.',
  },
  {
    id: 2,
    title: 'Architecture patterns',
    blurb: 'Services, events, sagas and the shapes systems take.',
  },
  {
    id: 3,
    title: 'Scalability and performance',
    blurb: 'Caching, load balancing, sharding and consistent hashing.',
  },
  { id: 4, title: 'Data management', blurb: 'Replication, consensus, quorums and consistency.' },
  {
    id: 5,
    title: 'Reliability and resilience',
    blurb: 'Timeouts, retries, circuit breakers, chaos.',
  },
  { id: 6, title: 'Observability', blurb: 'Metrics, logs, traces and what to alert on.' },
  { id: 7, title: 'Security and identity', blurb: 'Authentication, authorization, zero trust.' },
  { id: 8, title: 'Deployment', blurb: 'Rolling, blue-green and canary releases.' },
  { id: 9, title: 'Real-world systems', blurb: 'Case studies: feeds, shorteners, messaging.' },
  { id: 10, title: 'Advanced topics', blurb: 'CRDTs, edge computing, serverless.' },
] as const;

export interface LessonMeta extends Frontmatter {
  id: string;
}
