/**
 * The JSON Schema of a scenario, for Monaco's JSON language (validation, completion, hover), built
 * from the same catalog the page validates with (each model's params and each action's arguments,
 * generated from the zod schemas at build time). `model` picks the params schema and the actions
 * through if/then; each timed input is told apart by its `action`.
 */
import type { ActionInfo, JsonField, JsonObjectSchema, ModelInfo } from '../../sim/core/info';
import { MAX_INPUTS, MAX_SEED, MAX_TIME_MS } from '../../sim/core/limits';

export type Schema = Record<string, unknown>;

/** Hover text of a field under its title: description, unit and default. */
function describe(f: JsonField): string | undefined {
  const parts = [
    f.description,
    f.unit ? `Unit: ${f.unit}.` : undefined,
    f.default !== undefined ? `Default: ${JSON.stringify(f.default)}.` : undefined,
  ].filter(Boolean);
  return parts.length ? parts.join(' ') : undefined;
}

/** A field as plain JSON Schema (our display keywords dropped), optionally without its default. */
function field(f: JsonField, withDefault = true): Schema {
  const {
    unit: _unit,
    step: _step,
    scale: _scale,
    advanced: _advanced,
    description: _description,
    default: dflt,
    ...rest
  } = f;
  const description = describe(withDefault ? f : { ...f, default: undefined });
  return {
    ...rest,
    ...(description ? { description } : {}),
    ...(withDefault && dflt !== undefined ? { default: dflt } : {}),
  };
}

function object(
  o: JsonObjectSchema,
  options: { partial?: boolean; withDefaults?: boolean } = {},
): Schema {
  const properties = Object.fromEntries(
    Object.entries(o.properties).map(([k, f]) => [k, field(f, options.withDefaults ?? true)]),
  );
  return {
    type: 'object',
    properties,
    ...(!options.partial && o.required?.length ? { required: o.required } : {}),
    additionalProperties: false,
  };
}

const AT: Schema = {
  type: 'integer',
  minimum: 0,
  maximum: MAX_TIME_MS,
  description: 'Virtual time of the input (ms from the start).',
};

/** Arguments of an action; `set` gets the model's params with their descriptions. */
function argsOf(m: ModelInfo, name: string, a: ActionInfo): Schema {
  if (name === 'set')
    return {
      type: 'object',
      properties: {
        params: {
          ...object(m.params, { partial: true, withDefaults: false }),
          description: 'The params to change, from this time on.',
        },
      },
      required: ['params'],
      additionalProperties: false,
    };
  return object(a.args);
}

/** A starting value for a required argument, for the input snippets. */
function sample(f: Schema | undefined): unknown {
  if (!f) return 0;
  if (f.default !== undefined) return f.default;
  if (Array.isArray(f.enum)) return f.enum[0];
  if (f.type === 'string') return '';
  if (f.type === 'boolean') return false;
  // A list needing items gets them: a partition's groups start as two groups.
  if (f.type === 'array')
    return typeof f.minItems === 'number' && f.minItems > 0
      ? Array.from({ length: Math.max(2, f.minItems) }, (_, i) =>
          (f.items as Schema | undefined)?.type === 'array' ? [i] : sample(f.items as Schema),
        )
      : [];
  if (f.type === 'object') return {};
  return typeof f.minimum === 'number' ? f.minimum : 0;
}

function inputItem(m: ModelInfo): Schema {
  const names = Object.keys(m.actions);
  const branches = names.map((name) => {
    const args = argsOf(m, name, m.actions[name]!);
    const props = (args.properties ?? {}) as Record<string, Schema>;
    return {
      if: { properties: { action: { const: name } }, required: ['action'] },
      then: {
        ...args,
        properties: { at: AT, action: { const: name }, ...props },
        required: ['at', 'action', ...((args.required as string[] | undefined) ?? [])],
      },
    };
  });
  return {
    type: 'object',
    required: ['at', 'action'],
    properties: {
      at: AT,
      action: {
        enum: names,
        markdownEnumDescriptions: names.map((n) => {
          const a = m.actions[n]!;
          return a.description ? `${a.label}: ${a.description}` : a.label;
        }),
        description: 'What happens at `at`.',
      },
    },
    allOf: branches,
    defaultSnippets: names.map((name) => {
      const args = argsOf(m, name, m.actions[name]!);
      const props = (args.properties ?? {}) as Record<string, Schema>;
      const required = (args.required as string[] | undefined) ?? [];
      return {
        label: `${name} at 1000 ms`,
        description: m.actions[name]!.label,
        body: {
          at: 1000,
          action: name,
          ...Object.fromEntries(required.map((k) => [k, sample(props[k])])),
        },
      };
    }),
  };
}

/** The scenario schema for these models. */
export function scenarioSchema(models: readonly ModelInfo[]): Schema {
  return {
    title: 'DS Playground scenario',
    type: 'object',
    required: ['model'],
    additionalProperties: false,
    properties: {
      model: {
        enum: models.map((m) => m.id),
        markdownEnumDescriptions: models.map((m) => `${m.title}: ${m.summary}`),
        description: 'The model to run.',
      },
      params: { type: 'object', description: 'Model parameters; missing ones take defaults.' },
      seed: {
        type: 'integer',
        minimum: 0,
        maximum: MAX_SEED,
        default: 1,
        description: 'Seeds every random choice: same scenario, same run.',
      },
      inputs: {
        type: 'array',
        maxItems: MAX_INPUTS,
        description: 'Timed inputs: the actions taken during the run, in time order.',
        items: { type: 'object', required: ['at', 'action'], properties: { at: AT } },
      },
    },
    allOf: models.map((m) => ({
      if: { properties: { model: { const: m.id } }, required: ['model'] },
      then: {
        properties: {
          params: { ...object(m.params, { partial: true }), description: `${m.title} params.` },
          inputs: { items: inputItem(m) },
        },
      },
    })),
  };
}
