/**
 * The page's check of a scenario, against the JSON Schema form of the model's zod schemas (no zod
 * on the page). The worker checks again with zod when it loads the scenario; the two agree (see
 * schemaAgreement.test.ts), so what the page reports is what the simulation would.
 */
import type { FieldError, Parsed } from '../sim/core/errors';
import { show } from '../sim/core/errors';
import type { JsonObjectSchema, ModelInfo } from '../sim/core/info';
import { MAX_INPUTS, MAX_SEED, MAX_TIME_MS } from '../sim/core/limits';
import type { Scenario, ScenarioInput } from '../sim/core/types';
import { checkValues } from '../ui/schemaFields';
import { modelIds, modelInfo } from './models';

const INPUT_SHAPE: JsonObjectSchema = {
  type: 'object',
  properties: {
    at: { type: 'integer', minimum: 0, maximum: MAX_TIME_MS },
    action: { type: 'string' },
  },
  required: ['at', 'action'],
};

const SEED: JsonObjectSchema = {
  type: 'object',
  properties: { seed: { type: 'integer', minimum: 0, maximum: MAX_SEED } },
};

/** Checks one input (a learner action or a directive's) against the model's action schemas. */
export function checkInput(
  info: ModelInfo,
  raw: Record<string, unknown>,
  prefix: string,
): FieldError[] {
  const { at, action, ...args } = raw;
  const shape = checkValues(INPUT_SHAPE, { at, action }, prefix);
  if (shape.length) return shape;
  const def = info.actions[action as string];
  if (!def) {
    return [
      {
        path: `${prefix}.action`,
        message: `"${String(action)}" is not an action of ${info.id} (${Object.keys(info.actions).join(', ')})`,
      },
    ];
  }
  // `set` carries a nested params patch.
  if (action === 'set') {
    if (!args.params || typeof args.params !== 'object')
      return [
        { path: `${prefix}.params`, message: `expected an object, got ${show(args.params)}` },
      ];
    const extra = Object.keys(args).filter((k) => k !== 'params');
    const errs: FieldError[] = extra.length
      ? [
          {
            path: prefix,
            message: `unknown field${extra.length > 1 ? 's' : ''} ${extra.map((k) => `"${k}"`).join(', ')}`,
          },
        ]
      : [];
    return [...errs, ...checkValues(info.params, args.params, `${prefix}.params`, true)];
  }
  if (action === 'partition') return []; // nested groups: the worker checks them
  return checkValues(def.args, args, prefix);
}

/** Checks a whole scenario; returns it typed when it passes. */
export function checkScenario(raw: unknown): Parsed<Scenario> {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    return {
      ok: false,
      errors: [{ path: '(root)', message: `expected an object, got ${show(raw)}` }],
    };
  const s = raw as Record<string, unknown>;
  const errors: FieldError[] = [];
  const extra = Object.keys(s).filter((k) => !['model', 'params', 'seed', 'inputs'].includes(k));
  if (extra.length)
    errors.push({
      path: '(root)',
      message: `unknown field${extra.length > 1 ? 's' : ''} ${extra.map((k) => `"${k}"`).join(', ')}`,
    });
  const info = typeof s.model === 'string' ? modelInfo(s.model) : undefined;
  if (!info) {
    return {
      ok: false,
      errors: [
        {
          path: 'model',
          message:
            typeof s.model === 'string'
              ? `"${s.model}" is not a known model (${modelIds().join(', ')})`
              : `expected a string, got ${show(s.model)}`,
        },
      ],
    };
  }
  errors.push(...checkValues(info.params, s.params ?? {}, 'params', true));
  if (s.seed !== undefined) errors.push(...checkValues(SEED, { seed: s.seed }, ''));
  const inputs = s.inputs ?? [];
  if (!Array.isArray(inputs))
    errors.push({ path: 'inputs', message: `expected an array, got ${show(inputs)}` });
  else if (inputs.length > MAX_INPUTS)
    errors.push({
      path: 'inputs',
      message: `${inputs.length} items is above the maximum ${MAX_INPUTS}`,
    });
  else
    inputs.forEach((input, i) => {
      if (!input || typeof input !== 'object')
        errors.push({ path: `inputs.${i}`, message: `expected an object, got ${show(input)}` });
      else errors.push(...checkInput(info, input as Record<string, unknown>, `inputs.${i}`));
    });
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    value: {
      model: info.id,
      params: (s.params ?? {}) as Record<string, unknown>,
      seed: (s.seed as number | undefined) ?? 1,
      inputs: [...(inputs as ScenarioInput[])].sort((a, b) => a.at - b.at),
    },
  };
}
