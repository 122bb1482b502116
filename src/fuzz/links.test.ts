/**
 * Fuzzing the app's links: hash routes (`#/play/%`, prototype names, 10,000 parts), share links
 * (`s=`) and query values (`param-*`, `seed`, `preset`, `inputs`, `t=`). Whatever a link holds,
 * reading it never throws, a bad value gets a message naming its field, a good link is taken as
 * it is, and the work is one linear pass (the 50 ms measurement is `npm run bench -- validate`).
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { catalog, EXPERIMENT_METAS, MODEL_METAS, modelIds } from '../sim/catalog';
import { experimentInfo, modelInfo } from '../sim/core/info';
import { MAX_TIME_MS } from '../sim/core/limits';
import { actionsOf, parseScenario } from '../sim/core/scenario';
import { pageOf, parseHash } from '../app/router';
import { scenarioFromQuery } from '../app/pages/scenarioFromQuery';
import { scenarioFromAttrs } from '../widget/attrs';
import { encodeScenario } from '../widget/share';
import {
  b64url,
  BAD_ESCAPES,
  DEEP_LIST,
  FIELD_PATH,
  hostileShort,
  hostileString,
  manyInputs,
  NAMED_MESSAGE,
  NUMBERISH,
  PROTO_NAMES,
  runs,
} from './hostile';

vi.mock('virtual:catalog', () => ({
  MODEL_IDS: MODEL_METAS.map((m) => m.id),
  MODELS: MODEL_METAS.map(modelInfo),
  EXPERIMENTS: EXPERIMENT_METAS.map(experimentInfo),
}));

const MODELS = modelIds();
const SECTIONS = ['lesson', 'play', 'experiments', 'editor', 'lab', 'embed', 'check'];
const segment = fc.oneof(
  fc.constantFrom(...SECTIONS, ...MODELS, ...PROTO_NAMES, ...BAD_ESCAPES),
  hostileShort.map(encodeURIComponent),
  fc.string({ maxLength: 8 }),
);
const hash = fc
  .tuple(
    fc.constantFrom('#/', '#', '', '#//'),
    fc.array(segment, { maxLength: 5 }),
    fc.option(fc.array(fc.tuple(hostileShort, hostileShort), { maxLength: 3 })),
  )
  .map(
    ([head, parts, query]) =>
      head + parts.join('/') + (query ? '?' + query.map(([k, v]) => `${k}=${v}`).join('&') : ''),
  );

describe('hash routes under fuzzing', () => {
  it('every hash is a page or not-found; a malformed escape is not-found, never a throw', () => {
    fc.assert(
      fc.property(hash, (h) => {
        const route = parseHash(h);
        const page = pageOf(route);
        expect(page.kind).toMatch(/^[a-z-]+$/);
        if (route.malformed !== undefined) expect(page.kind).toBe('not-found');
        // A prototype name is not a section.
        if ((PROTO_NAMES as readonly string[]).includes(route.parts[0] ?? ''))
          expect(page.kind).toBe('not-found');
      }),
      { numRuns: runs(1000) },
    );
  });

  it('names the routes the issue found: bad escapes, extra parts, prototype names', () => {
    for (const h of ['#/play/%', '#/lesson/%', '#/%', '#/play/%E0%A4%A'])
      expect(pageOf(parseHash(h))).toMatchObject({ kind: 'not-found' });
    expect(pageOf(parseHash('#/play/raft/extra/parts'))).toEqual({
      kind: 'not-found',
      path: 'play/raft/extra/parts',
    });
    expect(pageOf(parseHash('#/__proto__'))).toMatchObject({ kind: 'not-found' });
    expect(pageOf(parseHash('#/lesson'))).toMatchObject({ kind: 'not-found' });
    expect(pageOf(parseHash('#/play/raft?t=5'))).toEqual({ kind: 'play', model: 'raft' });
    // The lesson page looks its id up by value: `__proto__` is an id like any unknown one.
    expect(pageOf(parseHash('#/lesson/__proto__'))).toEqual({ kind: 'lesson', id: '__proto__' });
  });

  it('reads a 1 MB hash and one of 100,000 parts in one pass', () => {
    const parts = Array.from({ length: 100_000 }, () => 'a').join('/');
    expect(pageOf(parseHash(`#/${parts}`))).toMatchObject({ kind: 'not-found' });
    expect(pageOf(parseHash(`#/play/${'%'.repeat(1 << 20)}`))).toMatchObject({
      kind: 'not-found',
    });
  });
});

const queryKey = fc.oneof(
  fc.constantFrom('s', 'preset', 'seed', 'inputs', 't', 'model', 'scenario'),
  fc.constantFrom(...PROTO_NAMES, ...PROTO_NAMES.map((p) => `param-${p}`)),
  fc.constantFrom('param-nodes', 'param-servers', 'param-keys', 'param-zipfS', 'param-'),
  hostileShort,
);
const queryValue = fc.oneof(
  { arbitrary: hostileString, weight: 4 },
  {
    arbitrary: fc.constantFrom(
      b64url('{"model":"hashring","inputs":[{"at":0,"action":"toString"}]}'),
      b64url('{"model":"raft","params":{"constructor":3}}'),
      b64url('{"model":"raft","inputs":[{"at":0,"action":"set","params":{"__proto__":{}}}]}'),
      b64url('{"model":"raft","inputs":[{"at":0,"action":"partition","groups":[[0,99]]}]}'),
      b64url('{"model":"raft","inputs":[{"at":0,"action":"partition","groups":5}]}'),
      b64url(DEEP_LIST),
      b64url('{"model":"hashring","bogus":1}'),
      b64url('{"model":5}'),
    ),
    weight: 1,
  },
);
const query = fc
  .array(fc.tuple(queryKey, queryValue), { maxLength: 5 })
  .map((pairs) => new URLSearchParams(pairs));

describe('share links and query values under fuzzing', () => {
  it('never throw; each problem names its field; a bad link still opens a default scenario', () => {
    fc.assert(
      fc.property(fc.constantFrom(...MODELS), query, (model, q) => {
        const r = scenarioFromQuery(model, q);
        for (const e of r.errors) expect(e).toMatch(NAMED_MESSAGE);
        // The default scenario runs whatever the link said.
        expect(r.scenario?.model).toBe(model);
        expect(r.atMs).toBeGreaterThanOrEqual(0);
        expect(r.atMs).toBeLessThanOrEqual(MAX_TIME_MS);
        if (r.errors.length) expect(r.atMs).toBe(0);
      }),
      { numRuns: runs(400) },
    );
  });

  it('takes every preset of every model, shared at any time, as it was written', () => {
    const presets = MODEL_METAS.flatMap((m) => m.presets.map((p) => [m.id, p.id] as const));
    fc.assert(
      fc.property(
        fc.constantFrom(...presets),
        fc.integer({ min: 0, max: MAX_TIME_MS }),
        fc.integer({ min: 0, max: 4294967295 }),
        ([model, preset], t, seed) => {
          const s = scenarioFromAttrs({ preset, seed: String(seed) }, model);
          expect(s.ok).toBe(true);
          if (!s.ok) return;
          const q = new URLSearchParams({ s: encodeScenario(s.value), t: String(t) });
          const r = scenarioFromQuery(model, q);
          expect(r.errors).toEqual([]);
          expect(r.scenario).toEqual(s.value);
          expect(r.atMs).toBe(t);
        },
      ),
      { numRuns: runs(200) },
    );
  });

  it.each([
    ['param-constructor=3', 'param-*: unknown field "constructor"'],
    ['param-toString=3', 'param-*: unknown field "toString"'],
    ['param-=%7B%22__proto__%22%3A1%7D', 'param-: names no parameter'],
    ['param-__proto__=%7B%7D', 'param-__proto__: is not allowed as a field name'],
    ['t=', 't: expected a number, got ""'],
    ['t=0x10', 't: expected a number, got "0x10"'],
    ['seed=0x10', 'seed: expected a number, got "0x10"'],
    ['param-nodes=0x10', 'param-nodes: expected a number, got "0x10"'],
    ['t=-1', 't: -1 is below the minimum 0'],
    ['seed=1e309', 'seed: expected a number, got Infinity'],
    ['s=%E0%A4%A', 's: the shared scenario is not valid'],
  ])('%s is named', (q, message) => {
    const r = scenarioFromQuery('hashring', new URLSearchParams(q));
    expect(r.errors.join('\n')).toContain(message);
  });

  it('refuses a 3 MB link of 100,000 inputs by its length, before decoding it', () => {
    const atob = vi.spyOn(globalThis, 'atob');
    const parse = vi.spyOn(JSON, 'parse');
    try {
      const s = encodeScenario(manyInputs('hashring', 'addNode', 100_000) as never);
      const r = scenarioFromQuery('hashring', new URLSearchParams({ s }));
      expect(r.errors[0]).toMatch(/^s: is [\d,]+ characters long, above the maximum/);
      expect(atob).not.toHaveBeenCalled();
      expect(parse).not.toHaveBeenCalled();
    } finally {
      atob.mockRestore();
      parse.mockRestore();
    }
  });

  it('refuses a link nested 10,000 deep before parsing it', () => {
    const parse = vi.spyOn(JSON, 'parse');
    try {
      const r = scenarioFromQuery('hashring', new URLSearchParams({ s: b64url(DEEP_LIST) }));
      expect(r.errors[0]).toMatch(/^s: the shared scenario nests deeper than the maximum/);
      expect(parse).not.toHaveBeenCalled();
    } finally {
      parse.mockRestore();
    }
  });

  it('takes a link of 10,000 inputs (the most a scenario has)', () => {
    const s = encodeScenario(manyInputs('hashring', 'addNode', 10_000) as never);
    const r = scenarioFromQuery('hashring', new URLSearchParams({ s }));
    expect(r.errors).toEqual([]);
    expect(r.scenario?.inputs).toHaveLength(10_000);
  });

  it('refuses 100,000 param-* values with one message, before converting any', () => {
    const q = new URLSearchParams(
      Array.from({ length: 100_000 }, (_, i) => [`param-p${i}`, '1'] as [string, string]),
    );
    expect(scenarioFromQuery('raft', q).errors).toEqual([
      'param-*: 100,000 parameters is above the maximum 64',
    ]);
  });

  it("the worker's check builds each model's action schemas once, not once per input", () => {
    // The work proxy for a linear check: 10,000 inputs took seconds when each built the `set`
    // input's schema again.
    for (const meta of MODEL_METAS) expect(actionsOf(meta)).toBe(actionsOf(meta));
    const r = parseScenario(manyInputs('hashring', 'addNode', 10_000), catalog, MODELS);
    expect(r.ok).toBe(true);
  });

  it('names a numberish seed or time by its field', () => {
    for (const v of NUMBERISH) {
      const r = scenarioFromQuery('raft', new URLSearchParams({ seed: v, t: v }));
      for (const e of r.errors) expect(e).toMatch(/^(seed|t): /);
    }
  });

  it('never reports a path that is not a field path', () => {
    fc.assert(
      fc.property(query, (q) => {
        const r = scenarioFromAttrs(Object.fromEntries(q.entries()), 'raft');
        if (!r.ok) for (const e of r.errors) expect(e.path).toMatch(FIELD_PATH);
      }),
      { numRuns: runs(300) },
    );
  });
});
