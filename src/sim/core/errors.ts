/**
 * Validation errors that name the field and the limit: "params.nodes: 40 is above the maximum 11".
 * Every way into the app (URL, lesson directive, embed attribute, scenario file, CLI flag) reports
 * bad input with these.
 */
import type { z } from 'zod';

export interface FieldError {
  /** Dotted path: `params.nodes`, `inputs.3.node`, `seed`. */
  path: string;
  message: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/** How a bad value is quoted in messages. */
export const show = (v: unknown): string => {
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return String(v);
  if (v === undefined) return 'nothing';
  if (Array.isArray(v)) return `a list of ${v.length}`;
  return 'an object';
};

/** "an integer", "a number". */
export const article = (t: string): string => {
  if (t === 'int') return 'an integer';
  if (/^[aeiou]/.test(t)) return `an ${t}`;
  return `a ${t}`;
};

function describe(issue: z.core.$ZodIssue): string {
  const input = 'input' in issue ? issue.input : undefined;
  switch (issue.code) {
    case 'too_big': {
      if (issue.origin === 'array')
        return `${(input as unknown[] | undefined)?.length ?? 'too many'} items is above the maximum ${String(issue.maximum)}`;
      if (issue.origin === 'string')
        return `is longer than the maximum ${String(issue.maximum)} characters`;
      return `${show(input)} is above the maximum ${String(issue.maximum)}`;
    }
    case 'too_small': {
      if (issue.origin === 'array') return `needs at least ${String(issue.minimum)} items`;
      if (issue.origin === 'string') return `needs at least ${String(issue.minimum)} characters`;
      return `${show(input)} is below the minimum ${String(issue.minimum)}`;
    }
    case 'invalid_type': {
      const received =
        'received' in issue && typeof issue.received === 'string' ? issue.received : show(input);
      if (input === undefined && !('received' in issue))
        return `is required (${article(issue.expected)})`;
      return `expected ${article(issue.expected)}, got ${received}`;
    }
    case 'invalid_value': {
      const values = issue.values.map((v) => String(v)).join(', ');
      return input === undefined
        ? `is required (one of ${values})`
        : `${show(input)} is not one of ${values}`;
    }
    case 'invalid_format':
      if (issue.format === 'regex' && 'pattern' in issue)
        return `${show(input)} does not match the pattern ${String(issue.pattern)}`;
      return issue.message;
    case 'invalid_union': {
      const expected = issue.errors
        .map((branch) => branch[0])
        .filter((i) => i?.code === 'invalid_type')
        .map((i) => article((i as { expected: string }).expected));
      return expected.length
        ? `expected ${expected.join(' or ')}, got ${show(input)}`
        : issue.message;
    }
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    default:
      return issue.message;
  }
}

/** Turns zod issues into field errors, with `prefix` before each path. */
export function fieldErrors(error: z.ZodError, prefix = ''): FieldError[] {
  // Once a value has the wrong type its limits are noise: zod also checks the length of a
  // string given where a list belongs ("needs at least 1 characters"). Say the type only.
  const mistyped = new Set(
    error.issues.filter((i) => i.code === 'invalid_type').map((i) => i.path.join('\u0000')),
  );
  const issues = error.issues.filter(
    (i) => i.code === 'invalid_type' || !mistyped.has(i.path.join('\u0000')),
  );
  return issues.map((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter((p) => p !== '').join('.');
    return { path: path || '(root)', message: describe(issue) };
  });
}

/** "params.nodes: 40 is above the maximum 11" */
export const formatError = (e: FieldError): string => `${e.path}: ${e.message}`;

/** Parses with a schema, reporting inputs so messages can quote the bad value. */
export function parseWith<T>(schema: z.ZodType<T>, raw: unknown, prefix = ''): Parsed<T> {
  const r = schema.safeParse(raw, { reportInput: true });
  return r.success
    ? { ok: true, value: r.data }
    : { ok: false, errors: fieldErrors(r.error, prefix) };
}
