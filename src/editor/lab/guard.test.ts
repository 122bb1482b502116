/**
 * The code lab's compile step and time budget, end to end in Node: compile with the loop guard
 * (the typescript devDependency stands in for Monaco's copy), import the module, call it under a
 * CallBudget, and map errors back to the learner's lines.
 */
import ts from 'typescript';
import { afterEach, describe, expect, it } from 'vitest';
import { checkSource, emitGuarded, exportLine, GUARD } from './guard';
import { BudgetExceeded, CallBudget } from './runtime';
import { parseMappings, stackLine } from './sourceMap';

const g = globalThis as Record<string, unknown>;
afterEach(() => {
  delete g[GUARD];
});

/** Compiles `source`, installs a fresh budget and imports the module. */
async function load(source: string, budgetMs = 100) {
  const out = emitGuarded(ts, source);
  expect(out.problems).toEqual([]);
  const budget = new CallBudget(
    budgetMs,
    () => performance.now(),
    () => {},
  );
  g[GUARD] = budget.guard;
  const url = `data:text/javascript;charset=utf-8,${encodeURIComponent(out.js)}`;
  budget.begin();
  let mod: Record<string, unknown>;
  try {
    mod = (await import(/* @vite-ignore */ url)) as Record<string, unknown>;
  } finally {
    budget.end();
  }
  return { out, budget, mod, url };
}

const callsOf = (js: string) =>
  [...js.matchAll(new RegExp(`${GUARD}\\((\\d+)\\)`, 'g'))].map((m) => Number(m[1]));

describe('the loop guard transform', () => {
  it('guards every kind of loop and function with its source line', () => {
    const src = [
      'export function f(xs: number[]): number {', // 1
      '  let s = 0;',
      '  for (let i = 0; i < xs.length; i++) s += xs[i]!;', // 3
      '  for (const x of xs) s += x;', // 4
      '  for (const k in xs) s += Number(k);', // 5
      '  while (s > 100) s -= 100;', // 6
      '  do { s++; } while (s < 3);', // 7
      '  const g = (y: number) => y * 2;', // 8
      '  const h = function (y: number) { return y; };', // 9
      '  class A { m() { return 1; } get v() { return 2; } set v(_x: number) {} }', // 10
      '  return g(s) + h(1) + new A().m();',
      '}',
    ].join('\n');
    const { js } = emitGuarded(ts, src);
    expect(callsOf(js).sort((a, b) => a - b)).toEqual([1, 3, 4, 5, 6, 7, 8, 9, 10, 10, 10]);
  });

  it('keeps what the code computes', async () => {
    const { mod, budget } = await load(
      'export function sum(xs: number[]): number { let s = 0; for (const x of xs) s += x; return s; }\n' +
        'export const twice = (y: number) => y * 2;',
    );
    expect(budget.call(() => (mod.sum as (xs: number[]) => number)([1, 2, 3]))).toBe(6);
    expect(budget.call(() => (mod.twice as (y: number) => number)(21))).toBe(42);
  });

  it('rejects imports and the guard name, and finds the export', () => {
    const sf = ts.createSourceFile(
      'lab.ts',
      'import x from "y";\nconst m = import("z");\nexport * from "w";\nconst __dsp_guard__ = 1;\nexport function hash() { return 1; }',
      ts.ScriptTarget.ES2022,
      true,
    );
    expect(checkSource(ts, sf).map((p) => p.line)).toEqual([1, 2, 3, 4]);
    expect(exportLine(ts, sf, 'hash')).toBe(5);
    expect(exportLine(ts, sf, 'other')).toBeNull();
    const typeOnly = ts.createSourceFile('lab.ts', 'import type { X } from "y";', 99, true);
    expect(checkSource(ts, typeOnly)).toEqual([]);
  });

  it('reports syntax errors with their line', () => {
    const out = emitGuarded(ts, 'export function f() {\n  return (1;\n}');
    expect(out.problems.length).toBeGreaterThan(0);
    expect(out.problems[0]!.line).toBe(2);
  });
});

describe('the time budget', () => {
  it('stops an endless loop within the budget and names its line', async () => {
    const { mod, budget } = await load(
      'export function spin(): number {\n  let i = 0;\n  while (true) {\n    i++;\n  }\n}',
      50,
    );
    const t0 = performance.now();
    let err: unknown;
    try {
      budget.call(() => (mod.spin as () => number)());
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(BudgetExceeded);
    expect((err as BudgetExceeded).line).toBe(3);
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  it('cannot be swallowed by try/catch', async () => {
    const { mod, budget } = await load(
      'export function sly(): number {\n  for (;;) {\n    try { while (true) {} } catch (e) {}\n  }\n}\n' +
        'export function quiet(): number {\n  try { while (true) {} } catch (e) {}\n  return 1;\n}',
      30,
    );
    expect(() => budget.call(() => (mod.sly as () => number)())).toThrow(BudgetExceeded);
    const fresh = new CallBudget(
      30,
      () => performance.now(),
      () => {},
    );
    g[GUARD] = fresh.guard;
    // It returned normally after catching the error: the call still counts as overrun.
    expect(() => fresh.call(() => (mod.quiet as () => number)())).toThrow(BudgetExceeded);
  });

  it('also covers the module’s top-level code', async () => {
    await expect(load('let i = 0;\nwhile (true) i++;\nexport const x = 1;', 30)).rejects.toThrow(
      BudgetExceeded,
    );
  });

  it('beats while calls keep coming, and each call gets its own budget', () => {
    let now = 0;
    let beats = 0;
    const budget = new CallBudget(
      10,
      () => now,
      () => beats++,
      100,
    );
    for (let i = 0; i < 50; i++) {
      budget.call(() => {
        for (let k = 0; k < 300; k++) budget.guard(1);
      });
      now += 9; // each call takes 9 ms, under its 10 ms budget; 450 ms in all
    }
    expect(beats).toBe(5);
    now = 0;
    expect(() =>
      budget.call(() => {
        for (;;) {
          budget.guard(7);
          now += 1;
        }
      }),
    ).toThrow(/line 7/);
  });
});

describe('error lines', () => {
  it('map a thrown error back to the learner’s line through the source map', async () => {
    const src = [
      '// a comment',
      'export function hash(bytes: Uint8Array, seed: number): number {',
      '  const o: { x: number } | null = bytes.length > 100 ? { x: 1 } : null;',
      '',
      '  return o!.x + seed;', // 5
      '}',
    ].join('\n');
    const { mod, budget, out, url } = await load(src);
    let stack = '';
    try {
      budget.call(() => (mod.hash as (b: Uint8Array, s: number) => number)(new Uint8Array(4), 1));
    } catch (e) {
      stack = (e as Error).stack ?? '';
    }
    expect(stackLine(stack, url, parseMappings(out.map))).toBe(5);
  });

  it('read V8 and Firefox stack frames', () => {
    const { map } = emitGuarded(ts, 'export function f() {\n  return 1;\n}\n');
    const table = parseMappings(map);
    const url = 'blob:http://127.0.0.1:4573/3f2a';
    expect(stackLine(`Error\n    at f (${url}:3:5)\n    at run (x.js:1:1)`, url, table)).toBe(2);
    expect(stackLine(`f@${url}:3:5\nrun@x.js:1:1`, url, table)).toBe(2);
    expect(stackLine('Error\n    at g (other.js:3:5)', url, table)).toBeNull();
  });
});
