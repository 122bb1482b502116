/**
 * Lesson directive attributes: read from the compiled tree, then turned into a scenario by the
 * same code as URL queries and embed attributes (`widget/attrs.ts`).
 */
import type { ExperimentInfo, JsonObjectSchema, ModelInfo } from '../sim/core/info';
import { coerce, fieldsOf } from '../ui/schemaFields';
import type { Attrs } from '../widget/attrs';
import { checkInput } from '../widget/checkScenario';
import type { FieldError } from '../sim/core/errors';

export type { Attrs };

/** Reads `data-*` props produced by the markdown compiler into plain attribute names. */
export function attrsOf(props: Record<string, unknown>): Attrs {
  const out: Attrs = {};
  for (const [k, v] of Object.entries(props)) {
    if (!k.startsWith('data')) continue;
    // hast-util-to-jsx-runtime gives `data-foo` or `dataFoo` depending on the property.
    const name = k.startsWith('data-')
      ? k.slice(5)
      : k.slice(4).replace(/[A-Z]/g, (c, i: number) => (i ? '-' : '') + c.toLowerCase());
    out[name] = v === undefined || v === null ? undefined : String(v);
  }
  return out;
}

import { asAttributeError } from '../widget/attrs';
export { asAttributeError, scenarioFromAttrs } from '../widget/attrs';

/** Sets `key` as an own field, so `__proto__` becomes a field the check names, not a prototype. */
const define = (o: Record<string, unknown>, key: string, value: unknown): void => {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
};

/** The `<prefix><name>` attributes, each converted by the type its field has in `schema`. */
function prefixed(
  a: Attrs,
  prefix: string,
  schema: JsonObjectSchema | undefined,
): Record<string, unknown> {
  const fields = schema ? fieldsOf(schema) : [];
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(a)) {
    if (!k.startsWith(prefix) || v === undefined) continue;
    const name = k.slice(prefix.length);
    define(
      out,
      name,
      coerce(
        fields.find((f) => f.key === name),
        v,
      ),
    );
  }
  return out;
}

/**
 * An action's `arg-<name>` attributes, converted by the type each argument has in the action's
 * schema (so `arg-on=false` is the boolean false, `arg-node=2` the number 2). The action is looked
 * up among the model's own actions: `toString` is none.
 */
export function argsOf(
  a: Attrs,
  info: ModelInfo | undefined,
  action: string,
): Record<string, unknown> {
  const def = info && Object.hasOwn(info.actions, action) ? info.actions[action] : undefined;
  return prefixed(a, 'arg-', def?.args);
}

/** An `::experiment` directive's `param-<name>` attributes, by the experiment's field types. */
export const experimentParamsOf = (
  a: Attrs,
  info: ExperimentInfo | undefined,
): Record<string, unknown> => prefixed(a, 'param-', info?.params);

const PLAYBACK = ['play', 'pause', 'reset'] as const;
export type PlaybackAction = (typeof PLAYBACK)[number];

/**
 * What an `:action` directive does: drive playback, apply an input (its arguments checked by the
 * model's schema), or nothing, with the attributes that are wrong named (`arg-node`, `action`).
 */
export function actionOf(
  a: Attrs,
  info: ModelInfo | undefined,
):
  | { kind: 'playback'; action: PlaybackAction }
  | { kind: 'input'; input: { action: string } & Record<string, unknown> }
  | { kind: 'bad'; problems: FieldError[] } {
  const action = a.action ?? '';
  if ((PLAYBACK as readonly string[]).includes(action))
    return { kind: 'playback', action: action as PlaybackAction };
  if (!info) return { kind: 'bad', problems: [{ path: 'model', message: 'is required' }] };
  const args = argsOf(a, info, action);
  const problems = checkInput(info, { at: 0, action, ...args }, 'action').map((e) =>
    asAttributeError({
      ...e,
      path: e.path.replace(/^action\./, 'arg-').replace(/^arg-action$/, 'action'),
    }),
  );
  return problems.length
    ? { kind: 'bad', problems }
    : { kind: 'input', input: { action, ...args } };
}
