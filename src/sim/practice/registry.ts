/**
 * Each model's practice generator, loaded on demand (the worker downloads only the model a
 * practice page asks for). A model with practice exports `<id>Practice` from `practice.ts`.
 */
import { PRACTICE } from './list';
import type { PracticeGenerator } from './types';

export function loadPractice(model: string): Promise<PracticeGenerator | undefined> {
  if (!PRACTICE.some((p) => p.model === model)) return Promise.resolve(undefined);
  return (
    import(`../models/${model}/practice.ts`) as Promise<
      Record<string, PracticeGenerator | undefined>
    >
  ).then((m) => m[`${model}Practice`]);
}
