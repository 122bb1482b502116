/**
 * Form fields and checks from a JSON Schema that was generated from a zod schema (see
 * src/sim/core/info.ts). The page validates with this (no zod in the main bundle) and reports
 * errors in exactly the words the zod path uses; the worker validates again with zod. A property
 * test keeps the two in agreement.
 */
import { article, show, type FieldError } from '../sim/core/errors';
import type { JsonField, JsonObjectSchema } from '../sim/core/info';

export interface Field {
  key: string;
  title: string;
  description?: string;
  kind: 'integer' | 'number' | 'boolean' | 'enum' | 'string' | 'other';
  min?: number;
  max?: number;
  step?: number;
  unit?: string;
  /** Slider on a logarithmic scale. */
  log?: boolean;
  options?: string[];
  default?: unknown;
  /** Shown under "More" to keep the panel short. */
  advanced?: boolean;
  required: boolean;
  /** The JSON Schema it came from, for checks beyond the form's needs. */
  json: JsonField;
}

/**
 * The unit to print beside a field's title, or undefined when it only repeats the title
 * ("Servers (servers)", "Nodes (nodes)" said nothing).
 */
export const shownUnit = (f: Pick<Field, 'title' | 'unit'>): string | undefined =>
  f.unit && f.unit.trim().toLowerCase() !== f.title.trim().toLowerCase() ? f.unit : undefined;

const kindOf = (p: JsonField): Field['kind'] =>
  p.enum
    ? 'enum'
    : p.type === 'integer' || p.type === 'number' || p.type === 'boolean' || p.type === 'string'
      ? p.type
      : 'other';

const cache = new WeakMap<JsonObjectSchema, Field[]>();

export function fieldsOf(schema: JsonObjectSchema): Field[] {
  const hit = cache.get(schema);
  if (hit) return hit;
  const required = new Set(schema.required ?? []);
  const fields = Object.entries(schema.properties).map(([key, p]): Field => {
    const f: Field = {
      key,
      title: p.title ?? key,
      kind: kindOf(p),
      required: required.has(key),
      json: p,
    };
    if (p.description) f.description = p.description;
    if (p.minimum !== undefined) f.min = p.minimum;
    if (p.maximum !== undefined) f.max = p.maximum;
    if (p.step !== undefined) f.step = p.step;
    if (p.unit) f.unit = p.unit;
    if (p.scale === 'log') f.log = true;
    if (p.advanced) f.advanced = true;
    if (p.enum) f.options = p.enum.map(String);
    if (p.default !== undefined) f.default = p.default;
    return f;
  });
  cache.set(schema, fields);
  return fields;
}

const typeOf = (p: JsonField): string => (p.enum ? 'string' : (p.type ?? 'value'));

/** A problem at a path below the value checked (`[]` for the value itself). */
interface Issue {
  at: string[];
  message: string;
}

const here = (message: string): Issue[] => [{ at: [], message }];
const below = (key: string, issues: Issue[]): Issue[] =>
  issues.map((i) => ({ at: [key, ...i.at], message: i.message }));

const unknownFields = (keys: string[]): string =>
  `unknown field${keys.length > 1 ? 's' : ''} ${keys.map((k) => `"${k}"`).join(', ')}`;

const requiredMessage = (f: Field): string =>
  f.options
    ? `is required (one of ${f.options.join(', ')})`
    : `is required (${article(f.kind === 'integer' ? 'number' : f.kind === 'other' ? (f.json.type ?? 'value') : f.kind)})`;

/** A scalar's problem, in the words errors.ts uses for zod's. */
function checkScalar(p: JsonField, v: unknown): string | null {
  if (p.enum)
    return p.enum.includes(v as string) && typeof v === 'string'
      ? null
      : `${show(v)} is not one of ${p.enum.join(', ')}`;
  switch (p.type) {
    case 'integer':
    case 'number': {
      if (typeof v !== 'number') return `expected a number, got ${show(v)}`;
      if (Number.isNaN(v)) return 'expected a number, got NaN';
      if (!Number.isFinite(v)) return `expected a number, got ${v > 0 ? 'Infinity' : '-Infinity'}`;
      if (p.type === 'integer' && !Number.isSafeInteger(v))
        return `expected an integer, got ${show(v)}`;
      if (p.minimum !== undefined && v < p.minimum)
        return `${show(v)} is below the minimum ${p.minimum}`;
      if (p.maximum !== undefined && v > p.maximum)
        return `${show(v)} is above the maximum ${p.maximum}`;
      return null;
    }
    case 'boolean':
      return typeof v === 'boolean' ? null : `expected a boolean, got ${show(v)}`;
    case 'string': {
      if (typeof v !== 'string') return `expected a string, got ${show(v)}`;
      if (p.minLength !== undefined && v.length < p.minLength)
        return `needs at least ${p.minLength} characters`;
      if (p.maxLength !== undefined && v.length > p.maxLength)
        return `is longer than the maximum ${p.maxLength} characters`;
      if (p.pattern !== undefined && !new RegExp(p.pattern).test(v))
        return `${show(v)} does not match the pattern /${p.pattern}/`;
      return null;
    }
    default:
      return null;
  }
}

/**
 * Checks one value against one JSON Schema node. It descends only where the schema does, so the
 * work is bounded by the schema's depth times the value's size, however deep the value nests.
 */
function checkJson(p: JsonField, v: unknown): Issue[] {
  if (p.anyOf) {
    // Like zod's unions: if exactly one alternative has the value's type, report its problem.
    const results = p.anyOf.map((alt) => checkJson(alt, v));
    if (results.some((r) => r.length === 0)) return [];
    const typed = p.anyOf.filter(
      (_, i) => !results[i]!.every((r) => r.message.startsWith('expected ')),
    );
    if (typed.length === 1) return checkJson(typed[0]!, v);
    return here(
      `expected ${p.anyOf.map((alt) => article(typeOf(alt))).join(' or ')}, got ${show(v)}`,
    );
  }
  if (!p.enum && p.type === 'array') return checkArray(p, v);
  if (!p.enum && p.type === 'object' && p.properties)
    return checkObject(
      { type: 'object', properties: p.properties, ...(p.required ? { required: p.required } : {}) },
      v,
      false,
    );
  const msg = checkScalar(p, v);
  return msg ? here(msg) : [];
}

function checkArray(p: JsonField, v: unknown): Issue[] {
  if (!Array.isArray(v)) return here(`expected an array, got ${show(v)}`);
  // zod reports a list that is too long on its own, without looking at the items.
  if (p.maxItems !== undefined && v.length > p.maxItems)
    return here(`${v.length} items is above the maximum ${p.maxItems}`);
  const issues: Issue[] = [];
  if (p.items) {
    const items = p.items;
    v.forEach((item, i) => issues.push(...below(String(i), checkJson(items, item))));
  }
  if (p.minItems !== undefined && v.length < p.minItems)
    issues.push(...here(`needs at least ${p.minItems} items`));
  return issues;
}

function checkObject(schema: JsonObjectSchema, v: unknown, partial: boolean): Issue[] {
  if (!v || typeof v !== 'object' || Array.isArray(v))
    return here(`expected an object, got ${show(v)}`);
  const obj = v as Record<string, unknown>;
  const issues: Issue[] = [];
  // Own keys only: `constructor`, `toString` and `__proto__` are not fields of any schema.
  const unknown = Object.keys(obj).filter((k) => !Object.hasOwn(schema.properties, k));
  if (unknown.length) issues.push(...here(unknownFields(unknown)));
  for (const f of fieldsOf(schema)) {
    const value = Object.hasOwn(obj, f.key) ? obj[f.key] : undefined;
    if (value === undefined) {
      if (!partial && f.required && f.default === undefined)
        issues.push(...below(f.key, here(requiredMessage(f))));
      continue;
    }
    issues.push(...below(f.key, checkJson(f.json, value)));
  }
  return issues;
}

/**
 * Checks an object against the schema: unknown keys, missing required keys (unless `partial`),
 * and each value's type and limits (nested lists and objects included). Paths are `prefix.key`.
 */
export function checkValues(
  schema: JsonObjectSchema,
  values: unknown,
  prefix: string,
  partial = false,
): FieldError[] {
  return checkObject(schema, values, partial).map((i) => ({
    path: [prefix, ...i.at].filter(Boolean).join('.') || '(root)',
    message: i.message,
  }));
}

/**
 * A number written in decimal: `12`, `-0.5`, `1e3`. `Number()` also reads `0x10`, `0b1`, `` and
 * spaces as numbers; a link or a flag holding those gets a message instead. One pass, no
 * backtracking (each part is a run of digits between fixed characters).
 */
const DECIMAL = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

/** Coerces a string (from a URL, an attribute or a CLI flag) to the field's type, or leaves it. */
export function coerce(field: Pick<Field, 'kind'> | undefined, raw: string): unknown {
  if (!field || field.kind === 'other') {
    const n = DECIMAL.test(raw) ? Number(raw) : NaN;
    if (Number.isFinite(n)) return n;
    // Arrays and objects (a partition's groups, a `set` input's params) are written as JSON.
    if (/^\s*[[{]/.test(raw)) {
      try {
        return JSON.parse(raw) as unknown;
      } catch {
        return raw;
      }
    }
    return raw;
  }
  if (field.kind === 'integer' || field.kind === 'number') {
    return DECIMAL.test(raw) ? Number(raw) : raw;
  }
  if (field.kind === 'boolean') {
    if (raw === 'true' || raw === '1' || raw === '') return true;
    if (raw === 'false' || raw === '0') return false;
    return raw;
  }
  return raw;
}
