/**
 * Messages between the code lab page and its sandbox (see ./sandbox.ts and ./frame.ts), and the
 * page's check of every message that comes back. The runner answers on a MessagePort the page
 * created for this run and handed to the runner's own code before the learner's module loaded; the
 * learner's code shares the runner's worker but never holds that port. Whatever arrives is still
 * checked here, with the same zod checks and field messages as every other input: a line the
 * learner's file does not have, a count that is not finite, a type the protocol does not know.
 */
import { z } from 'zod';
import { parseWith, type Parsed } from '../../sim/core/errors';

export type Row = Record<string, number | string | boolean>;

export interface SandboxRequest {
  model: string;
  /** The instrumented ES module (see ./guard.ts). */
  js: string;
  /** Its source map, to report lines of the learner's TypeScript. */
  map: string;
  exportName: string;
  exportLine: number | null;
  /** How many lines the learner's file has: a reported line outside 1..lines is not one. */
  lines: number;
  params: Record<string, unknown>;
  budgetMs: number;
}

/** Longest message text the page shows from the sandbox (characters). */
export const MESSAGE_CHARS_MAX = 2000;
/** Largest progress count the page accepts (the largest experiment runs about 10^7 steps). */
export const COUNT_MAX = 1e9;
/** Most result rows, and most fields a result row or a result object may have. */
const ROWS_MAX = 10_000;
const FIELDS_MAX = 200;

export const FAILURE_KINDS = ['timeout', 'error', 'contract', 'params'] as const;

const count = z.number().int().min(0).max(COUNT_MAX);
const text = z.string().max(MESSAGE_CHARS_MAX);
const cell = z.union([z.number(), z.string().max(MESSAGE_CHARS_MAX), z.boolean()]);
const row = z
  .record(z.string(), cell)
  .refine((r) => Object.keys(r).length <= FIELDS_MAX, `has more than ${FIELDS_MAX} fields`);
/** A result is a plain object of the experiment's summary (numbers, strings, nested objects). */
const result = z
  .record(z.string(), z.unknown())
  .refine((r) => Object.keys(r).length <= FIELDS_MAX, `has more than ${FIELDS_MAX} fields`);

/** The runner's messages, with lines checked against a file of `lines` lines. */
export function sandboxMessageSchema(lines: number) {
  const line = z.number().int().min(1).max(lines).nullable();
  return z.discriminatedUnion('type', [
    /** Alive: sent by the call wrapper and with progress; the watchdog listens for silence. */
    z.strictObject({ type: z.literal('beat') }),
    /** The experiment code is loaded; the learner's code runs from now on (the watchdog arms). */
    z.strictObject({ type: z.literal('armed') }),
    z
      .strictObject({ type: z.literal('progress'), done: count, total: count })
      .refine((m) => m.done <= m.total, { message: 'is above total', path: ['done'] }),
    z.strictObject({ type: z.literal('done'), result, rows: z.array(row).max(ROWS_MAX) }),
    z.strictObject({
      type: z.literal('failed'),
      kind: z.enum(FAILURE_KINDS),
      message: text,
      line,
    }),
  ]);
}

export type SandboxMessage = z.infer<ReturnType<typeof sandboxMessageSchema>>;

/** A check of the runner's messages for a learner's file of `lines` lines (one per run). */
export function sandboxMessageReader(lines: number): (data: unknown) => Parsed<SandboxMessage> {
  const schema = sandboxMessageSchema(lines);
  return (data) => parseWith(schema, data);
}

/** What the sandbox frame itself may say: the runner's worker stopped (an uncaught error). */
const frameMessage = z.strictObject({ type: z.literal('crashed'), message: text });

export type FrameMessage = z.infer<typeof frameMessage>;

export function readFrameMessage(data: unknown): Parsed<FrameMessage> {
  return parseWith(frameMessage, data);
}
