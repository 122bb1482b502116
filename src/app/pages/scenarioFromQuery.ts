/**
 * A route's query string (`s=`, `preset=`, `param-*=`, `seed=`, `t=`) to a scenario and a start
 * time, by the same rules as the playground: a bad value is reported and the model's default
 * scenario runs instead.
 */
import { formatError } from '../../sim/core/errors';
import type { JsonObjectSchema } from '../../sim/core/info';
import { MAX_TIME_MS } from '../../sim/core/limits';
import type { Scenario } from '../../sim/core/types';
import { checkValues, coerce } from '../../ui/schemaFields';
import { scenarioFromAttrs } from '../../widget/attrs';

const T_SCHEMA: JsonObjectSchema = {
  type: 'object',
  properties: { t: { type: 'integer', minimum: 0, maximum: MAX_TIME_MS } },
};

export interface FromQuery {
  scenario: Scenario | null;
  atMs: number;
  errors: string[];
}

export function scenarioFromQuery(model: string, query: URLSearchParams): FromQuery {
  const attrs = Object.fromEntries(query.entries());
  delete attrs.t;
  const errors: string[] = [];
  const parsed = scenarioFromAttrs(attrs, model);
  let scenario: Scenario | null = parsed.ok ? parsed.value : null;
  if (!parsed.ok) {
    errors.push(...parsed.errors.map(formatError));
    const fallback = scenarioFromAttrs({}, model);
    scenario = fallback.ok ? fallback.value : null;
  }
  let atMs = 0;
  const rawT = query.get('t');
  if (rawT !== null && parsed.ok) {
    const t = coerce({ kind: 'integer' }, rawT);
    const tErrors = checkValues(T_SCHEMA, { t }, '');
    if (tErrors.length) errors.push(...tErrors.map(formatError));
    else atMs = t as number;
  }
  return { scenario, atMs, errors };
}
