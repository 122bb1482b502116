/**
 * One way from flat string attributes to a scenario, shared by URL query strings, lesson
 * directives, embed attributes and the CLI's share links:
 *   model, preset, seed, param-<name>, inputs=none, and `scenario` (or `s`) holding an encoded
 *   share link.
 * Errors name the attribute as it was written (`param-nodes`, not `params.nodes`). The catalog is
 * a parameter: the page passes its JSON descriptions (src/widget/attrs.ts), Node the zod metas.
 */
import { show, type FieldError, type Parsed } from '../sim/core/errors';
import type { ModelInfo } from '../sim/core/info';
import { MAX_PARAM_ATTRS } from '../sim/core/limits';
import type { Scenario } from '../sim/core/types';
import { coerce, fieldsOf } from '../ui/schemaFields';
import { decodeScenario } from './share';

export type Attrs = Record<string, string | undefined>;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  !!v && typeof v === 'object' && !Array.isArray(v);

/** What reading attributes needs to know of the models, and how to check a scenario. */
export interface AttrsCatalog {
  modelIds(): string[];
  modelInfo(id: string): ModelInfo | undefined;
  checkScenario(raw: unknown): Parsed<Scenario>;
}

/** `params.nodes` is written `param-nodes` in attributes. */
export const asAttributeError = (e: FieldError): FieldError => ({
  ...e,
  path: e.path.replace(/^params\.([^.]+)/, 'param-$1').replace(/^params$/, 'param-*'),
});

export function scenarioFromAttrsWith(
  catalog: AttrsCatalog,
  a: Attrs,
  defaultModel?: string,
): Parsed<Scenario> {
  const { modelIds, modelInfo, checkScenario } = catalog;
  const encoded = a.scenario ?? a.s;
  let base: { model?: unknown; params?: unknown; seed?: unknown; inputs?: unknown } = {};
  if (encoded !== undefined) {
    const d = decodeScenario(encoded);
    const path = a.scenario !== undefined ? 'scenario' : 's';
    if (!d.ok) return { ok: false, errors: [{ path, message: d.error }] };
    if (!d.value || typeof d.value !== 'object' || Array.isArray(d.value))
      return { ok: false, errors: [{ path, message: 'is not a scenario object' }] };
    base = d.value as typeof base;
    if (Object.hasOwn(base, 'model') && typeof base.model !== 'string')
      return {
        ok: false,
        errors: [{ path: `${path}.model`, message: `expected a string, got ${show(base.model)}` }],
      };
  }
  const model =
    a.model ?? (typeof base.model === 'string' ? base.model : undefined) ?? defaultModel;
  const info = model ? modelInfo(model) : undefined;
  if (!info) {
    return {
      ok: false,
      errors: [
        {
          path: 'model',
          message: model
            ? `"${model}" is not a known model (${modelIds().join(', ')})`
            : 'is required',
        },
      ],
    };
  }
  let params: unknown;
  let seed: unknown;
  let inputs: unknown;
  if (encoded !== undefined) {
    // Anything but an object goes to the check as it is, which names it.
    params = isRecord(base.params) ? { ...base.params } : (base.params ?? {});
    seed = base.seed;
    inputs = base.inputs;
  } else {
    const presetId = a.preset ?? info.presets[0]?.id;
    const preset = info.presets.find((p) => p.id === presetId);
    if (!preset) {
      return {
        ok: false,
        errors: [
          {
            path: 'preset',
            message: `"${presetId}" is not a preset of ${info.id} (${info.presets.map((p) => p.id).join(', ')})`,
          },
        ],
      };
    }
    params = { ...(preset.params ?? {}) };
    seed = preset.seed ?? 1;
    inputs = preset.inputs ?? [];
  }
  // `inputs=none` keeps a preset's params but drops its scripted inputs (lessons drive instead).
  if (a.inputs !== undefined) {
    if (a.inputs !== 'none')
      return {
        ok: false,
        errors: [{ path: 'inputs', message: `"${a.inputs}" is not allowed (only "none")` }],
      };
    inputs = [];
  }
  const fields = fieldsOf(info.params);
  // Counted before anything is converted: a link of 100,000 params gets one message, quickly.
  let paramAttrs = 0;
  for (const k in a) if (k.startsWith('param-')) paramAttrs++;
  if (paramAttrs > MAX_PARAM_ATTRS)
    return {
      ok: false,
      errors: [
        {
          path: 'param-*',
          message: `${paramAttrs.toLocaleString('en-US')} parameters is above the maximum ${MAX_PARAM_ATTRS}`,
        },
      ],
    };
  for (const [k, v] of Object.entries(a)) {
    if (!k.startsWith('param-') || v === undefined) continue;
    const name = k.slice(6);
    if (!name)
      return {
        ok: false,
        errors: [{ path: 'param-', message: 'names no parameter (param-<name>)' }],
      };
    if (!isRecord(params)) break;
    // Defined, not assigned: `param-__proto__` must become a field the check names.
    Object.defineProperty(params, name, {
      value: coerce(
        fields.find((f) => f.key === name),
        v,
      ),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  if (a.seed !== undefined) seed = coerce({ kind: 'integer' }, a.seed);
  // The encoded scenario's other fields go to the check too, which refuses unknown ones.
  const { model: _m, params: _p, seed: _s, inputs: _i, ...extra } = base;
  const checked = checkScenario({
    ...extra,
    model: info.id,
    params,
    ...(seed !== undefined ? { seed } : {}),
    inputs: inputs ?? [],
  });
  return checked.ok ? checked : { ok: false, errors: checked.errors.map(asAttributeError) };
}
