/** Lesson frontmatter: validated at build time (a bad lesson fails the build with its path). */
import { z } from 'zod';

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

export const frontmatterSchema = z.strictObject({
  title: z.string().min(1).max(120),
  summary: z.string().min(1).max(300),
  model: z.string().min(1).max(64).optional(),
  phase: z.number().int().min(1).max(10),
  order: z.number().int().min(0).max(1000),
  prerequisites: z.array(z.string()).max(20).default([]),
  minutes: z.number().int().min(1).max(120),
  /** Reachable by URL but not listed (test fixtures). */
  hidden: z.boolean().default(false),
});

export type Frontmatter = z.output<typeof frontmatterSchema>;

export interface LessonMeta extends Frontmatter {
  id: string;
}
