/**
 * Fuzzing the embed's attributes (its own: controls, theme, height, loading, label, tour; and the
 * scenario ones), a lesson's directive attributes (`:action`, `::experiment`, `::step`) and the
 * scenario editor's text (what Apply and Open file check). Whatever they hold: no throw, each
 * problem names its field, good values are taken, and the work is one pass over the text.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { EXPERIMENT_METAS, MODEL_METAS } from '../sim/catalog';
import { experimentInfo, modelInfo } from '../sim/core/info';
import { MAX_SCENARIO_CHARS } from '../sim/core/limits';
import { checkText } from '../editor/scenario/checkText';
import { formatScenario } from '../editor/scenario/format';
import { DEFAULT_OPTIONS, HEIGHT_MAX, HEIGHT_MIN, parseEmbedOptions } from '../embed/options';
import { actionOf, argsOf, attrsOf, experimentParamsOf } from '../lessons/directives';
import { scenarioFromAttrs } from '../widget/attrs';
import { ALL_CONTROLS } from '../widget/controls';
import { checkStepsForModel } from '../widget/tour/steps';
import { stepsFromJson } from '../widget/tour/stepSchema';
import {
  DEEP_LIST,
  DEEP_OBJECT,
  FIELD_PATH,
  hostileShort,
  hostileString,
  manyInputs,
  MEGABYTE,
  NAMED_MESSAGE,
  PROTO_NAMES,
  runs,
  SPACES,
} from './hostile';

vi.mock('virtual:catalog', () => ({
  MODEL_IDS: MODEL_METAS.map((m) => m.id),
  MODELS: MODEL_METAS.map(modelInfo),
  EXPERIMENTS: EXPERIMENT_METAS.map(experimentInfo),
}));

const INFOS = MODEL_METAS.map(modelInfo);
const EMBED_KEYS = ['controls', 'theme', 'height', 'loading', 'label', 'autoplay'];

/** Attributes under hostile names and values (prototype names as keys too). */
const attrsFrom = (keys: fc.Arbitrary<string>) =>
  fc
    .uniqueArray(fc.tuple(keys, hostileString), { maxLength: 6, selector: ([k]) => k })
    .map((entries) => {
      const a: Record<string, string> = {};
      for (const [k, v] of entries)
        Object.defineProperty(a, k, { value: v, enumerable: true, writable: true });
      return a;
    });

describe('embed attributes under fuzzing', () => {
  const key = fc.oneof(
    fc.constantFrom(...EMBED_KEYS, 'model', 'preset', 'seed', 'scenario', 'param-nodes', 'tour'),
    fc.constantFrom(...PROTO_NAMES, ...PROTO_NAMES.map((p) => `param-${p}`)),
    hostileShort,
  );

  it('never throw; a bad option is named and falls back to its default', () => {
    fc.assert(
      fc.property(attrsFrom(key), (a) => {
        const { options, errors } = parseEmbedOptions(a);
        for (const e of errors) expect(EMBED_KEYS).toContain(e.path);
        for (const e of errors)
          expect(options[e.path as keyof typeof options]).toEqual(
            DEFAULT_OPTIONS[e.path as keyof typeof DEFAULT_OPTIONS],
          );
        expect(options.height).toBeGreaterThanOrEqual(HEIGHT_MIN);
        expect(options.height).toBeLessThanOrEqual(HEIGHT_MAX);
        const s = scenarioFromAttrs(a);
        if (!s.ok) for (const e of s.errors) expect(e.path).toMatch(FIELD_PATH);
        if (a.tour !== undefined) {
          const t = stepsFromJson(a.tour);
          if (!t.ok) for (const e of t.errors) expect(e.path).toMatch(/^tour(\.|$)/);
        }
      }),
      { numRuns: runs(500) },
    );
  });

  it('takes every good value of every option', () => {
    const good = fc.record({
      controls: fc
        .subarray([...ALL_CONTROLS], { minLength: 1 })
        .chain((cs) => fc.constantFrom(cs.join(' '), cs.join(','), cs.join(' , '))),
      theme: fc.constantFrom('light', 'dark', 'auto'),
      height: fc
        .integer({ min: HEIGHT_MIN, max: HEIGHT_MAX })
        .chain((h) => fc.constantFrom(`${h}`, `${h}px`, ` ${h} px `, `${h}.0`)),
      loading: fc.constantFrom('lazy', 'eager'),
    });
    fc.assert(
      fc.property(good, (a) => {
        const { options, errors } = parseEmbedOptions(a);
        expect(errors).toEqual([]);
        expect(options.theme).toBe(a.theme);
        expect(String(options.height)).toBe(a.height.replace(/px|\s|\.0$/g, ''));
      }),
      { numRuns: runs(300) },
    );
  });

  it('reads a height of "1" and 60,000 spaces, or 1 MB, without running a pattern over it', () => {
    const exec = vi.spyOn(RegExp.prototype, 'exec');
    try {
      for (const height of [SPACES, MEGABYTE, `${'9'.repeat(100_000)}px`]) {
        const { errors } = parseEmbedOptions({ height });
        expect(errors.map((e) => e.path)).toEqual(['height']);
      }
      // Every pattern the reader ran saw at most 64 characters.
      for (const [text] of exec.mock.calls) expect(String(text).length).toBeLessThanOrEqual(64);
    } finally {
      exec.mockRestore();
    }
  });

  it('names inputs.0.action for a prototype name in the scenario attribute', () => {
    for (const action of ['toString', 'constructor', '__proto__', 'hasOwnProperty']) {
      const scenario = Buffer.from(
        JSON.stringify({ model: 'hashring', inputs: [{ at: 0, action }] }),
      ).toString('base64url');
      const r = scenarioFromAttrs({ scenario });
      expect(r.ok ? [] : r.errors.map((e) => e.path)).toEqual(['inputs.0.action']);
    }
  });

  it('names a tour step that does an action the model only inherits, or sets __proto__', () => {
    const raft = INFOS.find((m) => m.id === 'raft')!;
    for (const action of ['toString', 'constructor', 'hasOwnProperty']) {
      const t = stepsFromJson(JSON.stringify([{ caption: 'Go', until: 't:5', do: action }]));
      expect(t.ok).toBe(true);
      if (t.ok)
        expect(checkStepsForModel(t.value, raft).map((e) => e.path)).toEqual(['tour.steps.1.do']);
    }
    const proto = stepsFromJson('[{"caption":"Go","until":"t:5","__proto__":"x"}]');
    expect(proto.ok ? [] : proto.errors.map((e) => e.path)).toEqual(['tour.steps.1.__proto__']);
  });

  it('refuses a tour nested 10,000 deep or 1 MB long before parsing it', () => {
    const parse = vi.spyOn(JSON, 'parse');
    try {
      expect(stepsFromJson(MEGABYTE)).toMatchObject({ ok: false, errors: [{ path: 'tour' }] });
      expect(parse).not.toHaveBeenCalled();
    } finally {
      parse.mockRestore();
    }
    for (const deep of [DEEP_LIST, DEEP_OBJECT]) {
      const t = stepsFromJson(deep);
      expect(t.ok ? [] : t.errors.map((e) => e.path)).toEqual([expect.stringMatching(/^tour/)]);
    }
  });
});

describe('lesson directive attributes under fuzzing', () => {
  const propKey = fc.oneof(
    fc.constantFrom('data-model', 'data-action', 'data-widget', 'data-preset', 'data-seed'),
    fc.constantFrom('data-arg-node', 'dataArgNode', 'data-param-nodes', 'data-id'),
    fc.constantFrom(...PROTO_NAMES.flatMap((p) => [`data-arg-${p}`, `data-param-${p}`, p])),
    hostileShort.map((k) => `data-${k}`),
  );
  const props = fc
    .uniqueArray(fc.tuple(propKey, fc.oneof(hostileString, fc.constantFrom(...PROTO_NAMES))), {
      maxLength: 6,
      selector: ([k]) => k,
    })
    .map((entries) => {
      const p: Record<string, unknown> = {};
      for (const [k, v] of entries)
        Object.defineProperty(p, k, { value: v, enumerable: true, writable: true });
      return p;
    });

  it('an :action directive is playback, an input the model takes, or named problems', () => {
    fc.assert(
      fc.property(props, fc.constantFrom(...INFOS, undefined), (p, info) => {
        const a = attrsOf(p);
        const what = actionOf(a, info);
        if (what.kind === 'bad')
          for (const e of what.problems) expect(e.path).toMatch(/^(model|action|arg-[^.]*)/);
        if (what.kind === 'input')
          expect(Object.hasOwn(info!.actions, what.input.action)).toBe(true);
        // Arguments and params are own fields, whatever their names.
        for (const o of [argsOf(a, info, a.action ?? ''), experimentParamsOf(a, undefined)])
          expect(Object.getPrototypeOf(o)).toBe(Object.prototype);
        const s = scenarioFromAttrs(a, info?.id);
        if (!s.ok) for (const e of s.errors) expect(e.path).toMatch(FIELD_PATH);
      }),
      { numRuns: runs(500) },
    );
  });

  it('an action named like a prototype property is no action, and arg-__proto__ is a field', () => {
    const hashring = INFOS.find((m) => m.id === 'hashring')!;
    for (const action of ['toString', 'constructor', 'hasOwnProperty'])
      expect(actionOf({ action }, hashring)).toMatchObject({
        kind: 'bad',
        problems: [{ path: 'action' }],
      });
    const args = argsOf({ 'arg-__proto__': '{"node":1}' }, hashring, 'addNode');
    expect(Object.getPrototypeOf(args)).toBe(Object.prototype);
    expect(Object.keys(args)).toEqual(['__proto__']);
    const exp = experimentParamsOf({ 'param-__proto__': '{"nodes":1}' }, undefined);
    expect(Object.keys(exp)).toEqual(['__proto__']);
  });

  it('takes every action of every model with its example arguments', () => {
    for (const info of INFOS)
      for (const action of Object.keys(info.actions)) {
        // play, pause and reset drive playback whatever the model calls its actions.
        if (['play', 'pause', 'reset'].includes(action)) continue;
        const what = actionOf({ action }, info);
        // An action without required arguments is an input; one with them names them.
        if (what.kind === 'bad') for (const e of what.problems) expect(e.path).toMatch(/^arg-\w+$/);
        else expect(what).toMatchObject({ kind: 'input', input: { action } });
      }
  });
});

describe('scenario editor text under fuzzing', () => {
  const presetText = fc
    .constantFrom(...MODEL_METAS.flatMap((m) => m.presets.map((p) => [m.id, p.id] as const)))
    .map(([model, preset]) => {
      const s = scenarioFromAttrs({ preset }, model);
      if (!s.ok) throw new Error(`preset ${model}/${preset} is not valid`);
      return formatScenario(s.value);
    });

  it('takes every preset, formatted, as it was', () => {
    fc.assert(
      fc.property(presetText, (text) => {
        expect(checkText(text)).toMatchObject({ ok: true });
      }),
      { numRuns: runs(100) },
    );
  });

  it('never throws on a preset with hostile text spliced in; each problem is named and placed', () => {
    const spliced = fc
      .tuple(presetText, fc.nat(), fc.nat({ max: 20 }), hostileString)
      .map(([text, at, cut, insert]) => {
        const i = at % (text.length + 1);
        return text.slice(0, i) + insert + text.slice(i + cut);
      });
    fc.assert(
      fc.property(spliced, (text) => {
        const r = checkText(text);
        if (r.ok) return;
        for (const p of r.problems) {
          expect(p.message).toMatch(/^(JSON: |(\(root\)|[\w$*-]+(\.[\w$*-]+)*): )/);
          for (const s of p.spans) {
            expect(s.start).toBeGreaterThanOrEqual(0);
            expect(s.end).toBeLessThanOrEqual(Math.max(1, text.length));
          }
        }
      }),
      { numRuns: runs(300, 5000) },
    );
  });

  it('refuses a 10,000-deep text and a 3 MB one of 100,000 inputs by a scan, not a parse', () => {
    const parse = vi.spyOn(JSON, 'parse');
    try {
      const huge = JSON.stringify(manyInputs('hashring', 'addNode', 100_000));
      expect(huge.length).toBeGreaterThan(MAX_SCENARIO_CHARS);
      for (const text of [DEEP_LIST, DEEP_OBJECT, huge]) {
        const r = checkText(text);
        expect(r.ok ? [] : r.problems.map((p) => p.message)).toEqual([
          expect.stringMatching(/^\(root\): the scenario (is [\d,]+ characters long|nests deeper)/),
        ]);
      }
      expect(parse).not.toHaveBeenCalled();
    } finally {
      parse.mockRestore();
    }
  });

  it('names every prototype name as an action, a param, a set field and a top-level field', () => {
    const cases: [string, string][] = [
      ['{"model":"raft","inputs":[{"at":0,"action":"toString"}]}', 'inputs.0.action'],
      ['{"model":"raft","params":{"constructor":1}}', 'params'],
      [
        '{"model":"raft","inputs":[{"at":0,"action":"set","params":{"__proto__":{}}}]}',
        'inputs.0.params.__proto__',
      ],
      ['{"model":"raft","__proto__":{}}', '__proto__'],
      ['{"model":"raft","toString":1}', '(root)'],
    ];
    for (const [text, path] of cases) {
      const r = checkText(text);
      expect(r.ok ? [] : r.problems.map((p) => p.message.split(':')[0])).toContain(path);
    }
  });

  it('never reports a message without a field for a short hostile text', () => {
    fc.assert(
      fc.property(hostileShort, (text) => {
        const r = checkText(text);
        if (!r.ok) for (const p of r.problems) expect(p.message).toMatch(/^(JSON: |\S+: )/);
        void NAMED_MESSAGE;
      }),
      { numRuns: runs(300) },
    );
  });
});
