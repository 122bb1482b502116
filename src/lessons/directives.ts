/**
 * Lesson directive attributes: read from the compiled tree, then turned into a scenario by the
 * same code as URL queries and embed attributes (`widget/attrs.ts`).
 */
import type { ModelInfo } from '../sim/core/info';
import { coerce, fieldsOf } from '../ui/schemaFields';
import type { Attrs } from '../widget/attrs';

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

export { asAttributeError, scenarioFromAttrs } from '../widget/attrs';

/**
 * An action's `arg-<name>` attributes, converted by the type each argument has in the action's
 * schema (so `arg-on=false` is the boolean false, `arg-node=2` the number 2).
 */
export function argsOf(
  a: Attrs,
  info: ModelInfo | undefined,
  action: string,
): Record<string, unknown> {
  const fields = info?.actions[action] ? fieldsOf(info.actions[action].args) : [];
  const args: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(a)) {
    if (!k.startsWith('arg-') || v === undefined) continue;
    const name = k.slice(4);
    args[name] = coerce(
      fields.find((f) => f.key === name),
      v,
    );
  }
  return args;
}
