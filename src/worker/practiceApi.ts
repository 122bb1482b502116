/**
 * Practice questions as the `#/practice/<model>` page gets them, in a worker of its own: the
 * generator runs the model (seconds of virtual time, a few milliseconds of work) off the page's
 * thread, and the page never loads simulation code. Pure, so the main-thread fallback and the
 * tests run the same code.
 */
import { loadPractice } from '../sim/practice/registry';
import type { PracticeQuestion } from '../sim/practice/types';

export type PracticeResult =
  { ok: true; question: PracticeQuestion } | { ok: false; error: string };

/** Seeds are 32-bit unsigned integers, like scenario seeds. */
const SEED_MAX = 4294967295;

export async function generatePractice(model: string, seed: number): Promise<PracticeResult> {
  if (!Number.isInteger(seed) || seed < 0 || seed > SEED_MAX)
    return { ok: false, error: `seed: ${seed} is not a whole number from 0 to ${SEED_MAX}` };
  const g = await loadPractice(model);
  if (!g) return { ok: false, error: `model: "${model}" has no practice questions` };
  return { ok: true, question: g.generate(seed) };
}

export interface PracticeWorkerApi {
  generate(model: string, seed: number): Promise<PracticeResult>;
}
