import { describe, expect, it } from 'vitest';
import { PRACTICE } from './list';
import { loadPractice } from './registry';

describe('practice registry', () => {
  it('loads a generator for every listed model, with the listed title', async () => {
    for (const p of PRACTICE) {
      const g = await loadPractice(p.model);
      expect(g?.model, p.model).toBe(p.model);
      expect(g?.title).toBe(p.title);
      const q = g!.generate(1);
      expect(q.model).toBe(p.model);
      expect(q.scenario.model).toBe(p.model);
      // Structured-clone data only: it crosses from the worker.
      expect(structuredClone(q)).toEqual(q);
    }
    expect(await loadPractice('tokenring')).toBeUndefined();
    expect(await loadPractice('__proto__')).toBeUndefined();
  });
});
