/**
 * The scenario schema and its parser. A scenario is validated in two steps: its outer shape, then
 * the model's own params schema and each input's action schema. Errors name the field and the
 * limit; the parser never throws on bad input.
 */
import { z } from 'zod';
import { parseWith, type FieldError, type Parsed } from './errors';
import { protoKeyErrors } from './protoKeys';
import type { ActionMeta, ModelMeta, Params, Scenario, ScenarioInput } from './types';

import { MAX_INPUTS, MAX_SEED, MAX_TIME_MS } from './limits';

export { MAX_INPUTS, MAX_SEED, MAX_TIME_MS };

export const seedSchema = z.number().int().min(0).max(MAX_SEED);

const inputShape = z.looseObject({
  at: z.number().int().min(0).max(MAX_TIME_MS),
  action: z.string().min(1).max(64),
});

const scenarioShape = z.strictObject({
  model: z.string().min(1).max(64),
  params: z.record(z.string(), z.unknown()).default({}),
  seed: seedSchema.default(1),
  inputs: z.array(inputShape).max(MAX_INPUTS).default([]),
});

const nodeId = z.number().int().min(0).max(63);

/** The params schema with every field optional and no defaults: a partial update. */
export function paramsPatchSchema(meta: ModelMeta): z.ZodObject {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, field] of Object.entries(meta.params.shape)) {
    const inner =
      field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : (field as z.ZodType);
    shape[key] = inner.optional();
  }
  return z.strictObject(shape);
}

/** Inputs every model accepts. */
function builtinActions(meta: ModelMeta): Record<string, ActionMeta> {
  const actions: Record<string, ActionMeta> = {
    set: {
      label: 'Change parameters',
      description: 'Applies new parameter values from this moment on.',
      args: z.strictObject({ params: paramsPatchSchema(meta) }),
    },
  };
  if (meta.network) {
    actions.partition = {
      label: 'Partition the network',
      description: 'Splits the nodes into groups that cannot reach each other.',
      args: z.strictObject({ groups: z.array(z.array(nodeId).max(64)).min(1).max(64) }),
    };
    actions.heal = { label: 'Heal the network', args: z.strictObject({}) };
    actions.drop = {
      label: 'Drop a message',
      description: 'Loses one message that is in flight.',
      args: z.strictObject({ id: z.number().int().min(0) }),
    };
  }
  return actions;
}

const actionsCache = new WeakMap<ModelMeta, Readonly<Record<string, ActionMeta>>>();

/**
 * Every action a model accepts, built-ins included. Built once per model: building the `set`
 * input's schema for each input made checking 10,000 inputs take seconds.
 */
export function actionsOf(meta: ModelMeta): Readonly<Record<string, ActionMeta>> {
  let actions = actionsCache.get(meta);
  if (!actions) {
    actions = Object.freeze({ ...builtinActions(meta), ...meta.actions });
    actionsCache.set(meta, actions);
  }
  return actions;
}

/** Validates one input against its model's action schema. */
export function parseInput(meta: ModelMeta, raw: unknown, prefix = 'input'): Parsed<ScenarioInput> {
  const shape = parseWith(inputShape, raw, prefix);
  if (!shape.ok) return shape;
  const { at, action, ...args } = shape.value;
  const actions = actionsOf(meta);
  // Own keys only: `toString` or `constructor` must not find Object.prototype's.
  const def = Object.hasOwn(actions, action) ? actions[action] : undefined;
  if (!def) {
    const known = Object.keys(actions).join(', ');
    return {
      ok: false,
      errors: [
        {
          path: `${prefix}.action`,
          message: `"${action}" is not an action of ${meta.id} (${known})`,
        },
      ],
    };
  }
  const parsed = parseWith(def.args, args, prefix);
  if (!parsed.ok) return parsed;
  return { ok: true, value: { at, action, ...parsed.value } };
}

/** Validates params against the model's schema, filling defaults. */
export function parseParams(meta: ModelMeta, raw: unknown, prefix = 'params'): Parsed<Params> {
  // Params schemas are strict objects by convention (tested for every model).
  return parseWith(meta.params, raw ?? {}, prefix) as Parsed<Params>;
}

export type Catalog = (id: string) => ModelMeta | undefined;

/** Parses anything (JSON from a URL, a file, an attribute) into a valid scenario. Never throws. */
export function parseScenario(
  raw: unknown,
  catalog: Catalog,
  known: string[] = [],
): Parsed<Scenario> {
  const proto = protoKeyErrors(raw);
  if (proto.length) return { ok: false, errors: proto };
  const outer = parseWith(scenarioShape, raw);
  if (!outer.ok) return outer;
  const { model, params, seed, inputs } = outer.value;
  const meta = catalog(model);
  if (!meta) {
    const list = known.length ? ` (${known.join(', ')})` : '';
    return {
      ok: false,
      errors: [{ path: 'model', message: `"${model}" is not a known model${list}` }],
    };
  }
  const errors: FieldError[] = [];
  const p = parseParams(meta, params);
  if (!p.ok) errors.push(...p.errors);
  const parsedInputs: ScenarioInput[] = [];
  inputs.forEach((input, i) => {
    const r = parseInput(meta, input, `inputs.${i}`);
    if (r.ok) parsedInputs.push(r.value);
    else errors.push(...r.errors);
  });
  if (errors.length || !p.ok) return { ok: false, errors };
  // A stable sort keeps same-time inputs in the order the learner made them.
  parsedInputs.sort((a, b) => a.at - b.at);
  return { ok: true, value: { model, params: p.value, seed, inputs: parsedInputs } };
}
