/**
 * Reading a model's catalog description (its params' and actions' JSON Schemas) the way views
 * need it: limits, titles, the description of each option. Views take these from here instead of
 * repeating a constant the model's schema already has.
 */
import type { ActionInfo, JsonField, ModelInfo } from '../sim/core/info';

/** The JSON Schema of param `key`; throws when the model has no such param (a view bug). */
export function paramField(info: ModelInfo, key: string): JsonField {
  const f = info.params.properties[key];
  if (!f) throw new Error(`${info.id} has no param "${key}"`);
  return f;
}

/** The action `name`; throws when the model has no such action (a view bug). */
export function actionInfo(info: ModelInfo, name: string): ActionInfo {
  const a = info.actions[name];
  if (!a) throw new Error(`${info.id} has no action "${name}"`);
  return a;
}

/** The JSON Schema of argument `arg` of action `name`. */
export function argField(info: ModelInfo, name: string, arg: string): JsonField {
  const f = actionInfo(info, name).args.properties[arg];
  if (!f) throw new Error(`${info.id}.${name} has no argument "${arg}"`);
  return f;
}

export interface Limits {
  min: number;
  max: number;
}

/** A numeric field's range (±Infinity where the schema sets none). */
export const limitsOf = (f: JsonField): Limits => ({
  min: f.minimum ?? -Infinity,
  max: f.maximum ?? Infinity,
});

/** `v` brought into the field's range. */
export const clampTo = (f: JsonField, v: number): number => {
  const { min, max } = limitsOf(f);
  return Math.min(max, Math.max(min, v));
};

/**
 * What each option of an enum field means, read from its description when that lists them as
 * "a: what a does. b: what b does." (the form the schemas use); an option it does not list maps
 * to "".
 */
export function optionDescriptions(f: JsonField): Record<string, string> {
  const options = (f.enum ?? []).map(String);
  const text = f.description ?? '';
  const starts = options
    .map((o) => ({ o, at: text.search(new RegExp(`(^|[\\s.])${o}: `)) }))
    .filter((x) => x.at >= 0)
    .map((x) => ({ ...x, at: text.indexOf(`${x.o}: `, x.at) }))
    .sort((a, b) => a.at - b.at);
  const out: Record<string, string> = Object.fromEntries(options.map((o) => [o, '']));
  starts.forEach(({ o, at }, i) => {
    const end = starts[i + 1]?.at ?? text.length;
    out[o] = text
      .slice(at + o.length + 2, end)
      .trim()
      .replace(/\.$/, '');
  });
  return out;
}
