/**
 * Fuzzing the one way in for share links, query strings, lesson directives and embed attributes:
 * whatever the attributes hold (prototype names, garbage, `%`-free binary, megabyte values), the
 * reader never throws, every error names a field, and nothing takes long. Here with the worker's
 * zod check (the CLI's catalog) and the page's JSON check (schemaAgreement.test.ts keeps them equal).
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { catalog, EXPERIMENT_METAS, MODEL_METAS, modelIds } from '../sim/catalog';
import { experimentInfo, modelInfo } from '../sim/core/info';
import { parseScenario } from '../sim/core/scenario';
import { checkScenario } from './checkScenario';
import { scenarioFromAttrsWith, type AttrsCatalog } from './scenarioAttrs';
import { encodeScenario } from './share';

vi.mock('virtual:catalog', () => ({
  MODEL_IDS: MODEL_METAS.map((m) => m.id),
  MODELS: MODEL_METAS.map(modelInfo),
  EXPERIMENTS: EXPERIMENT_METAS.map(experimentInfo),
}));

const info = (id: string) => {
  const m = catalog(id);
  return m && modelInfo(m);
};
const ZOD: AttrsCatalog = {
  modelIds,
  modelInfo: info,
  checkScenario: (raw) => parseScenario(raw, catalog, modelIds()),
};
const PAGE: AttrsCatalog = { modelIds, modelInfo: info, checkScenario };

const PROTO = ['toString', 'constructor', '__proto__', 'valueOf'];
const b64 = (text: string) =>
  Buffer.from(text, 'utf8').toString('base64').replace(/\+/g, '-').replace(/\//g, '_');

const value = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.constantFrom(...PROTO, '', 'none', '5', '-1', '1e309', '[[0,99]]', '{"__proto__":1}'),
  fc.constantFrom(
    b64('{"model":"hashring","inputs":[{"at":0,"action":"toString"}]}'),
    b64('{"model":5}'),
    b64('{"model":"raft","bogus":1}'),
    b64('{"model":"raft","params":{"__proto__":{"servers":3}}}'),
    b64('['.repeat(10_000) + ']'.repeat(10_000)),
    'garbage',
    '%E0%A4%A',
  ),
);
const key = fc.constantFrom(
  'model',
  'preset',
  'seed',
  'inputs',
  's',
  'scenario',
  'param-nodes',
  'param-servers',
  ...PROTO.map((p) => `param-${p}`),
  ...PROTO,
);
const attrs = fc
  .uniqueArray(fc.tuple(key, value), { maxLength: 5, selector: ([k]) => k })
  .map((entries) => Object.fromEntries(entries));

describe('scenarioFromAttrs under fuzzing', () => {
  for (const [name, cat] of [
    ['zod', ZOD],
    ['page', PAGE],
  ] as const) {
    it(`never throws and names a field (${name} check)`, () => {
      fc.assert(
        fc.property(attrs, fc.constantFrom(undefined, 'hashring', 'raft', 'toString'), (a, m) => {
          const r = scenarioFromAttrsWith(cat, a, m);
          if (!r.ok) for (const e of r.errors) expect(e.path).toMatch(/^[\w.*()-]+$/);
        }),
        { numRuns: process.env.DSP_LONG ? 20_000 : 500 },
      );
    });
  }

  it('names inputs.0.action for a prototype name, in both checks', () => {
    for (const action of ['toString', 'constructor', '__proto__'])
      for (const cat of [ZOD, PAGE]) {
        const s = b64(`{"model":"hashring","inputs":[{"at":0,"action":"${action}"}]}`);
        const r = scenarioFromAttrsWith(cat, { scenario: s });
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.errors.map((e) => e.path)).toEqual(['inputs.0.action']);
      }
  });

  it('refuses unknown top-level fields and a model that is not a string, with one prefix', () => {
    const check = (text: string) => scenarioFromAttrsWith(PAGE, { s: b64(text) }, 'hashring');
    expect(check('{"model":"hashring","bogus":1}')).toMatchObject({
      ok: false,
      errors: [{ path: '(root)', message: 'unknown field "bogus"' }],
    });
    expect(check('{"model":5}')).toMatchObject({
      ok: false,
      errors: [{ path: 's.model', message: 'expected a string, got 5' }],
    });
    const bad = scenarioFromAttrsWith(PAGE, { s: 'garbage!!' });
    expect(bad.ok ? '' : bad.errors[0]!.message).not.toMatch(/^s: /);
  });

  it('names param-__proto__ instead of changing the prototype', () => {
    const r = scenarioFromAttrsWith(PAGE, { 'param-__proto__': '{"nodes":3}' }, 'hashring');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.path).toBe('param-__proto__');
  });

  it('checks a 1 MB link in linear time: 10,000 inputs, and 100,000 refused by size', () => {
    const scenario = (n: number) => ({
      model: 'hashring',
      params: {},
      seed: 1,
      inputs: Array.from({ length: n }, (_, i) => ({ at: i, action: 'addNode' })),
    });
    const near = encodeScenario(scenario(10_000) as never);
    const huge = encodeScenario(scenario(100_000) as never);
    // Structural: one pass over the text and one over the inputs; the time is measured by
    // `npm run bench -- validate`, not here (src/fuzz/links.test.ts checks the work done).
    for (const [s, ok] of [
      [near, true],
      [huge, false],
    ] as const) {
      const r = scenarioFromAttrsWith(PAGE, { s });
      expect(r.ok).toBe(ok);
      if (!r.ok) expect(r.errors[0]!.message).toMatch(/characters long, above the maximum/);
    }
  });
});
