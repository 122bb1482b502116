/**
 * The page's check of a scenario, against the JSON Schema form of the model's zod schemas (no zod
 * on the page). The worker checks again with zod when it loads the scenario; the two agree (see
 * schemaAgreement.test.ts), so what the page reports is what the simulation would.
 */
import type { FieldError, Parsed } from '../sim/core/errors';
import { show } from '../sim/core/errors';
import { protoKeyErrors } from '../sim/core/protoKeys';
import type { JsonObjectSchema, ModelInfo } from '../sim/core/info';
import { MAX_INPUTS, MAX_SEED, MAX_TIME_MS } from '../sim/core/limits';
import type { Scenario, ScenarioInput } from '../sim/core/types';
import { checkValues } from '../ui/schemaFields';
import { modelIds, modelInfo } from './models';

const INPUT_SHAPE: JsonObjectSchema = {
  type: 'object',
  properties: {
    at: { type: 'integer', minimum: 0, maximum: MAX_TIME_MS },
    action: { type: 'string', minLength: 1, maxLength: 64 },
  },
  required: ['at', 'action'],
};

/** The outer shape of a scenario, as src/sim/core/scenario.ts's `scenarioShape` says it. */
const SCENARIO_SHAPE: JsonObjectSchema = {
  type: 'object',
  properties: {
    model: { type: 'string', minLength: 1, maxLength: 64 },
    seed: { type: 'integer', minimum: 0, maximum: MAX_SEED },
    // Checked below: `params` is any record and `inputs` a list of loose objects.
    params: {},
    inputs: {},
  },
  required: ['model'],
};

const isObject = (v: unknown): v is Record<string, unknown> =>
  !!v && typeof v === 'object' && !Array.isArray(v);

/** An input's own `at` and `action` (never Object.prototype's), for the shape check. */
const shapeOf = (raw: Record<string, unknown>) => ({
  at: Object.hasOwn(raw, 'at') ? raw.at : undefined,
  action: Object.hasOwn(raw, 'action') ? raw.action : undefined,
});

/** Checks one input (a learner action or a directive's) against the model's action schemas. */
export function checkInput(
  info: ModelInfo,
  raw: Record<string, unknown>,
  prefix: string,
): FieldError[] {
  const shape = checkValues(INPUT_SHAPE, shapeOf(raw), prefix);
  if (shape.length) return shape;
  const { at: _at, action, ...args } = raw;
  // Own keys only: an action named `toString` or `__proto__` is not one.
  const def = Object.hasOwn(info.actions, action as string)
    ? info.actions[action as string]
    : undefined;
  if (!def) {
    return [
      {
        path: `${prefix}.action`,
        message: `"${String(action)}" is not an action of ${info.id} (${Object.keys(info.actions).join(', ')})`,
      },
    ];
  }
  return checkValues(def.args, args, prefix);
}

/** The outer shape: every problem zod's `scenarioShape` reports, in its words. */
function checkShape(s: Record<string, unknown>): FieldError[] {
  const { params, inputs, ...rest } = s;
  const errors = checkValues(SCENARIO_SHAPE, { ...rest, params: undefined, inputs: undefined }, '');
  if (params !== undefined && !isObject(params))
    errors.push({ path: 'params', message: `expected a record, got ${show(params)}` });
  if (inputs === undefined) return errors;
  if (!Array.isArray(inputs))
    errors.push({ path: 'inputs', message: `expected an array, got ${show(inputs)}` });
  else if (inputs.length > MAX_INPUTS)
    errors.push({
      path: 'inputs',
      message: `${inputs.length} items is above the maximum ${MAX_INPUTS}`,
    });
  else
    inputs.forEach((input: unknown, i) => {
      if (!isObject(input))
        errors.push({ path: `inputs.${i}`, message: `expected an object, got ${show(input)}` });
      else errors.push(...checkValues(INPUT_SHAPE, shapeOf(input), `inputs.${i}`));
    });
  return errors;
}

/**
 * Checks a whole scenario in the worker's steps (outer shape, then the model, then its params
 * and each input's arguments) and words; returns it typed when it passes.
 */
export function checkScenario(raw: unknown): Parsed<Scenario> {
  if (!isObject(raw))
    return {
      ok: false,
      errors: [{ path: '(root)', message: `expected an object, got ${show(raw)}` }],
    };
  const proto = protoKeyErrors(raw);
  if (proto.length) return { ok: false, errors: proto };
  const shape = checkShape(raw);
  if (shape.length) return { ok: false, errors: shape };
  const s = raw as { model: string; params?: object; seed?: number; inputs?: object[] };
  const info = modelInfo(s.model);
  if (!info) {
    return {
      ok: false,
      errors: [
        {
          path: 'model',
          message: `"${s.model}" is not a known model (${modelIds().join(', ')})`,
        },
      ],
    };
  }
  const errors = checkValues(info.params, s.params ?? {}, 'params', true);
  const inputs = (s.inputs ?? []) as Record<string, unknown>[];
  inputs.forEach((input, i) => errors.push(...checkInput(info, input, `inputs.${i}`)));
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    value: {
      model: info.id,
      params: (s.params ?? {}) as Record<string, unknown>,
      seed: s.seed ?? 1,
      inputs: [...(inputs as unknown as ScenarioInput[])].sort((a, b) => a.at - b.at),
    },
  };
}
