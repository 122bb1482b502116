/** Lesson frontmatter schema: used at build time only (a bad lesson fails the build with its path). */
import { z } from 'zod';

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
