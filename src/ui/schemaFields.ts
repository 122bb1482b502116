/**
 * Form fields derived from a zod object schema through its JSON Schema, so the params panel,
 * the embed attributes and the scenario editor all describe params the same way.
 */
import { z } from 'zod';

export interface Field {
  key: string;
  title: string;
  description?: string;
  kind: 'integer' | 'number' | 'boolean' | 'enum' | 'string';
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
}

interface JsonProp {
  type?: string;
  title?: string;
  description?: string;
  minimum?: number;
  maximum?: number;
  enum?: unknown[];
  default?: unknown;
  unit?: string;
  step?: number;
  scale?: string;
  advanced?: boolean;
}

const cache = new WeakMap<z.ZodObject, Field[]>();

export function fieldsOf(schema: z.ZodObject): Field[] {
  const hit = cache.get(schema);
  if (hit) return hit;
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, JsonProp>;
  };
  const fields = Object.entries(json.properties ?? {}).map(([key, p]): Field => {
    const kind: Field['kind'] = p.enum
      ? 'enum'
      : p.type === 'integer'
        ? 'integer'
        : p.type === 'number'
          ? 'number'
          : p.type === 'boolean'
            ? 'boolean'
            : 'string';
    const f: Field = { key, title: p.title ?? key, kind };
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

/** Coerces a string (from a URL, an attribute or a CLI flag) to the field's type, or leaves it. */
export function coerce(field: Field | undefined, raw: string): unknown {
  if (!field) {
    const n = Number(raw);
    return raw.trim() !== '' && Number.isFinite(n) ? n : raw;
  }
  if (field.kind === 'integer' || field.kind === 'number') {
    const n = Number(raw);
    return raw.trim() !== '' && !Number.isNaN(n) ? n : raw;
  }
  if (field.kind === 'boolean') {
    if (raw === 'true' || raw === '1' || raw === '') return true;
    if (raw === 'false' || raw === '0') return false;
    return raw;
  }
  return raw;
}
