import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkLoaded } from '../../../sim/models/cap/history/check';
import { parseHistory } from '../../../sim/models/cap/history/parse';
import { failingWindow } from './window';

const file = (name: string): string =>
  readFileSync(
    new URL(`../../../sim/models/cap/history/testdata/${name}`, import.meta.url),
    'utf8',
  );

describe('the drawn window of a violation', () => {
  it('a short history is drawn whole up to the failing op, its roles marked', () => {
    const h = parseHistory(file('model-bad.json'));
    const w = checkLoaded(h).witnesses[0]!;
    const win = failingWindow(h.ops, w.id, w.related);
    const role = (id: number) => win.ops.find((o) => o.op.id === id)?.role;
    expect(role(w.id)).toBe('violation');
    expect(w.related.map(role)).toEqual(w.related.map(() => 'named'));
    expect(win.ops.every((o) => o.op.call <= h.ops.find((x) => x.id === w.id)!.ret)).toBe(true);
    // Ranked positions: no gaps, every bar inside the drawing.
    expect(win.ops.every((o) => o.start < win.slots && (o.end ?? 0) < win.slots)).toBe(true);
  });

  it('a long history keeps only the ops overlapping the stretch the explanation needs', () => {
    const lines: string[] = [];
    for (let i = 0; i < 50; i++)
      lines.push(
        `{:type :invoke, :f :write, :value ${i}, :process 0}`,
        `{:type :ok, :f :write, :value ${i}, :process 0}`,
      );
    lines.push('{:type :invoke, :f :read, :value nil, :process 1}');
    lines.push('{:type :ok, :f :read, :value 47, :process 1}');
    const h = parseHistory(lines.join('\n'));
    const w = checkLoaded(h).witnesses[0]!;
    const win = failingWindow(h.ops, w.id, w.related);
    expect(win.ops.length).toBeLessThan(10);
    expect(win.hidden).toBe(h.ops.length - win.ops.length);
    expect(win.ops.some((o) => o.role === 'violation')).toBe(true);
  });
});

describe('history text limits', () => {
  it('a history above the scenario size limit names the limit', () => {
    expect(() => parseHistory(' '.repeat(1_000_001))).toThrow(
      'the history is 1,000,001 characters long, above the maximum 1,000,000',
    );
  });
  it('a history nested deeper than the limit is refused before it is read', () => {
    expect(() => parseHistory(`{:type :invoke, :value ${'['.repeat(40)}}`)).toThrow(
      'nests deeper than the maximum 32 levels',
    );
  });
});
