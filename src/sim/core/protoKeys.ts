/**
 * `__proto__` as a field name. JSON.parse makes it an own key like any other, but zod's strict
 * objects skip it silently while the page would call it unknown, and code that copies such an
 * object by assignment changes its prototype instead. Both checks refuse it first, by name.
 */
import type { FieldError } from './errors';

/** Every own `__proto__` key in plain objects and lists under `raw`, walked without recursion. */
export function protoKeyErrors(raw: unknown): FieldError[] {
  const errors: FieldError[] = [];
  const stack: [unknown, string][] = [[raw, '']];
  while (stack.length) {
    const [value, path] = stack.pop()!;
    if (!value || typeof value !== 'object') continue;
    const at = (k: string | number) => (path ? `${path}.${k}` : String(k));
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push([value[i], at(i)]);
      continue;
    }
    if (Object.hasOwn(value, '__proto__'))
      errors.push({ path: at('__proto__'), message: 'is not allowed as a field name' });
    const keys = Object.keys(value);
    for (let i = keys.length - 1; i >= 0; i--)
      if (keys[i] !== '__proto__')
        stack.push([(value as Record<string, unknown>)[keys[i]!], at(keys[i]!)]);
  }
  return errors;
}
