import { describe, expect, it } from 'vitest';
import { xxhash32, utf8 } from '../../core/hash';
import { gradePractice } from '../../practice/types';
import { hashringQuestion } from './practice';

const SEEDS = Number(process.env.DSP_LONG ? 1000 : 200);

/** The preference list read from the question's own vnode lines: a plain clockwise scan. */
function walk(facts: readonly string[], h: number, count: number): string[] {
  const ring = facts
    .map((f) => /^0x([0-9a-f]{8}) .*: (N\d+)$/.exec(f)!)
    .map((m) => ({ at: parseInt(m[1]!, 16), node: m[2]! }))
    .sort((a, b) => a.at - b.at);
  const start = ring.findIndex((v) => v.at >= h);
  const out: string[] = [];
  for (let i = 0; i < ring.length && out.length < count; i++) {
    const v = ring[((start < 0 ? 0 : start) + i) % ring.length]!;
    if (!out.includes(v.node)) out.push(v.node);
  }
  return out;
}

describe('hash ring practice: the owner and replicas of a key', () => {
  it('agrees with a clockwise scan of the vnode positions it shows', () => {
    for (let seed = 1; seed <= SEEDS; seed++) {
      const q = hashringQuestion(seed);
      const count = Number(/on (\d) distinct/.exec(q.prompt)![1]);
      const h = parseInt(/hashes to 0x([0-9a-f]{8})/.exec(q.prompt)![1]!, 16);
      const expected = walk(q.facts, h, count).join('-').replace(/N/g, '');
      expect(q.key.ids, `seed ${seed}`).toEqual([expected]);
      expect(
        q.choices.map((c) => c.id),
        `seed ${seed}`,
      ).toContain(expected);
      expect(q.choices.length, `seed ${seed}`).toBeGreaterThanOrEqual(3);
      expect(gradePractice(q, [expected]).correct).toBe(true);
      const wrong = q.choices.find((c) => c.id !== expected)!;
      expect(gradePractice(q, [wrong.id]).correct).toBe(false);
    }
  });

  it('places keys by the model’s hash: key i sits at a seeded hash of its number', () => {
    // Not the answer itself: only that the question's key hash is not a constant.
    const hashes = new Set(
      Array.from(
        { length: 20 },
        (_, i) => /hashes to (0x[0-9a-f]{8})/.exec(hashringQuestion(i + 1).prompt)![1],
      ),
    );
    expect(hashes.size).toBeGreaterThan(15);
    expect(xxhash32(utf8('x'), 1)).toBe(xxhash32(utf8('x'), 1));
  });
});
