/** How the sandbox worker runs one model's experiment with the learner's function plugged in. */
import { parseWith } from '../../../sim/core/errors';
import { formatError } from '../../../sim/core/errors';
import type { z } from 'zod';
import { ContractError, type CallBudget } from '../runtime';
import type { Row } from '../protocol';

export interface RunnerInput {
  /** The learner's exported function. */
  fn: (...args: never[]) => unknown;
  params: Record<string, unknown>;
  budget: CallBudget;
  /** Line of the learner's export, for interface errors. */
  exportLine: number | null;
  onProgress(done: number, total: number): void;
}

export interface RunnerOutput {
  result: unknown;
  rows: Row[];
}

export type Runner = (input: RunnerInput) => RunnerOutput;

/** Thrown for bad experiment params (reported as such, not as the learner's bug). */
export class ParamsError extends Error {
  override name = 'ParamsError';
}

/** Validates params with the experiment's own zod schema (defaults filled in). */
export function parseParams<T>(schema: z.ZodType<T>, raw: Record<string, unknown>): T {
  const parsed = parseWith(schema, raw, 'params');
  if (!parsed.ok) throw new ParamsError(parsed.errors.map(formatError).join('; '));
  return parsed.value;
}

/** How a bad return value is quoted. */
export const showValue = (v: unknown): string =>
  typeof v === 'string' ? JSON.stringify(v) : typeof v === 'object' && v ? 'an object' : String(v);

export const contract = (message: string, line: number | null): ContractError =>
  new ContractError(message, line);
