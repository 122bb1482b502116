/**
 * The scenario editor's text handling: the locating JSON parser agrees with JSON.parse, errors
 * land on the span their path names, formatted scenarios read back unchanged, and the JSON Schema
 * fed to Monaco covers every model, param and action (its input snippets are valid inputs).
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { EXPERIMENT_METAS, MODEL_METAS } from '../../sim/catalog';
import { experimentInfo, modelInfo } from '../../sim/core/info';
import { presetScenario } from '../../sim/core/testing';
import type { ModelDef } from '../../sim/core/types';
import { checkInput } from '../../widget/checkScenario';
import { checkText, lineColumn } from './checkText';
import { formatScenario } from './format';
import { errorSpans, locateJson, locatePath } from './jsonLocate';
import { scenarioSchema, type Schema } from './schema';

// The page reads the catalog from a Vite virtual module; here it is built the same way.
vi.mock('virtual:catalog', () => ({
  MODELS: MODEL_METAS.map(modelInfo),
  EXPERIMENTS: EXPERIMENT_METAS.map(experimentInfo),
}));

const MODELS = MODEL_METAS.map(modelInfo);

describe('locateJson', () => {
  it('accepts exactly what JSON.parse accepts, with the same value', () => {
    const texts = fc.oneof(
      fc
        .jsonValue()
        .chain((v) =>
          fc.constantFrom(JSON.stringify(v), JSON.stringify(v, null, 2), ` ${JSON.stringify(v)}\n`),
        ),
      fc.string({ maxLength: 12 }),
      fc.jsonValue().chain((v) =>
        fc
          .tuple(fc.nat(), fc.constantFrom('', ',', '}', ']', '"', ':', 'x', '01', '\u0001'))
          .map(([at, ins]) => {
            const s = JSON.stringify(v);
            const i = at % (s.length + 1);
            return s.slice(0, i) + ins + s.slice(i);
          }),
      ),
    );
    fc.assert(
      fc.property(texts, (text) => {
        let expected: { ok: true; value: unknown } | { ok: false };
        try {
          expected = { ok: true, value: JSON.parse(text) as unknown };
        } catch {
          expected = { ok: false };
        }
        const got = locateJson(text);
        expect(got.ok, text).toBe(expected.ok);
        if (got.ok && expected.ok) expect(got.value).toEqual(expected.value);
      }),
      { numRuns: process.env.DSP_LONG ? 50_000 : 1000 },
    );
  });

  it('finds the span of a path, and the nearest parent of a missing one', () => {
    const text = '{"params": {"nodes": 40, "x": [1, {"y": true}]}, "inputs": [{"at": 5}]}';
    const r = locateJson(text);
    if (!r.ok) throw new Error(r.message);
    const at = (path: string) => {
      const { span, exact } = locatePath(r.root, path);
      return [text.slice(span.start, span.end), exact];
    };
    expect(at('params.nodes')).toEqual(['40', true]);
    expect(at('params.x.1.y')).toEqual(['true', true]);
    expect(at('inputs.0.at')).toEqual(['5', true]);
    expect(at('inputs.0.action')).toEqual(['{', false]);
    expect(at('(root)')).toEqual([text, true]);
  });

  it('puts "unknown field" errors on the keys they name', () => {
    const text = '{"a": 1, "bogus": 2, "other": 3}';
    const r = locateJson(text);
    if (!r.ok) throw new Error(r.message);
    const spans = errorSpans(r.root, '(root)', 'unknown fields "bogus", "other"');
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['"bogus"', '"other"']);
  });

  it('reports where the syntax breaks', () => {
    const text = '{\n  "model": "hashring",\n  "seed": 1,,\n}';
    const r = locateJson(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(lineColumn(text, r.offset)).toEqual({ line: 3, column: 13 });
  });
});

describe('checkText', () => {
  it('refuses a 10,000-deep or 3 MB text with a message, quickly and without recursing', () => {
    const deep = '['.repeat(10_000) + ']'.repeat(10_000);
    const many = JSON.stringify({
      model: 'hashring',
      inputs: Array.from({ length: 100_000 }, (_, i) => ({ at: i, action: 'addNode' })),
    });
    for (const [text, words] of [
      [deep, 'nests deeper than the maximum 32 levels'],
      [many, 'characters long, above the maximum 1,000,000'],
    ] as const) {
      const r = checkText(text);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.problems[0]!.message).toContain(words);
    }
  });

  it('marks an input action named like a prototype property instead of throwing', () => {
    for (const action of ['toString', 'constructor', '__proto__']) {
      const r = checkText(`{"model":"hashring","inputs":[{"at":0,"action":"${action}"}]}`);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.problems[0]!.message).toMatch(/^inputs\.0\.action: /);
    }
  });

  it('marks each scenario error at its place in the text', () => {
    const text = formatScenario({
      model: 'hashring',
      params: { nodes: 400, vnodes: 10 },
      seed: 1,
      inputs: [{ at: 5, action: 'setVnodes', vnodes: -5 }],
    });
    const r = checkText(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const found = Object.fromEntries(
      r.problems.map((p) => [p.message, p.spans.map((s) => text.slice(s.start, s.end))]),
    );
    expect(found).toEqual({
      'params.nodes: 400 is above the maximum 64': ['400'],
      'inputs.0.vnodes: -5 is below the minimum 1': ['-5'],
    });
  });

  it('turns a syntax error into one problem with its line and column', () => {
    const r = checkText('{"model": "hashring",, }');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]!.message).toMatch(/^JSON: .*\(line 1, column 22\)$/);
  });

  it('reads every preset back unchanged from its formatted text', () => {
    for (const meta of MODEL_METAS) {
      for (const p of meta.presets) {
        const s = presetScenario({ meta } as ModelDef<never, never, never, never, never>, p.id);
        const r = checkText(formatScenario(s));
        expect(r.ok ? r.scenario : r.problems, `${meta.id}/${p.id}`).toEqual(s);
      }
    }
  });
});

describe('the scenario JSON Schema', () => {
  const schema = scenarioSchema(MODELS);
  const branches = schema.allOf as { if: Schema; then: { properties: Record<string, Schema> } }[];

  it('has a branch per model with its params (strict) and a branch per action', () => {
    expect(branches).toHaveLength(MODELS.length);
    for (const [i, m] of MODELS.entries()) {
      const then = branches[i]!.then.properties;
      const params = then.params!;
      expect(params.additionalProperties).toBe(false);
      expect(Object.keys(params.properties as object).sort()).toEqual(
        Object.keys(m.params.properties).sort(),
      );
      const items = (then.inputs!.items as Schema).allOf as Schema[];
      expect(items).toHaveLength(Object.keys(m.actions).length);
    }
  });

  it('offers input snippets that are valid inputs', () => {
    for (const [i, m] of MODELS.entries()) {
      const items = branches[i]!.then.properties.inputs!.items as Schema;
      for (const s of items.defaultSnippets as { label: string; body: Record<string, unknown> }[])
        expect(checkInput(m, s.body, s.label), `${m.id}: ${s.label}`).toEqual([]);
    }
  });
});
