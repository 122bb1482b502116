/**
 * The page checks values against JSON Schema generated from the zod schemas; the worker checks
 * with zod. They must agree, message for message, or a learner would see one error on the page
 * and another from the simulation.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { EXPERIMENT_METAS, MODEL_METAS } from '../sim/catalog';
import { formatError, parseWith } from '../sim/core/errors';
import { jsonSchemaOf } from '../sim/core/info';
import { actionsOf, paramsPatchSchema } from '../sim/core/scenario';
import { checkValues, fieldsOf } from '../ui/schemaFields';

const value = fc.oneof(
  fc.integer({ min: -2000, max: 200000 }),
  fc.double({ min: -10, max: 20000, noNaN: true }),
  fc.constantFrom(
    NaN,
    0.5,
    1,
    3,
    1000,
    1001,
    65,
    64,
    -1,
    'ring',
    'x',
    true,
    false,
    null,
    '5',
    [],
    {},
  ),
  fc.string({ maxLength: 4 }),
);

function agree(schema: z.ZodObject, name: string, partial: boolean) {
  const json = jsonSchemaOf(schema);
  const keys = fieldsOf(json).map((f) => f.key);
  const record = fc.dictionary(fc.constantFrom(...keys, 'bogus'), value, { maxKeys: 3 });
  fc.assert(
    fc.property(record, (values) => {
      const viaZod = parseWith(schema.strict(), values, 'p');
      const zodErrors = viaZod.ok ? [] : viaZod.errors.map(formatError).sort();
      const jsonErrors = checkValues(json, values, 'p', partial).map(formatError).sort();
      expect(jsonErrors, `${name} ${JSON.stringify(values)}`).toEqual(zodErrors);
    }),
    { numRuns: process.env.DSP_LONG ? 20_000 : 600 },
  );
}

describe('JSON Schema checks agree with zod', () => {
  for (const meta of MODEL_METAS) {
    it(`${meta.id} params`, () => agree(paramsPatchSchema(meta), `${meta.id} params`, true));
    for (const [name, action] of Object.entries(actionsOf(meta))) {
      if (name === 'set' || name === 'partition') continue; // nested objects: checked by the worker only
      it(`${meta.id} action ${name}`, () => agree(action.args, `${meta.id}.${name}`, false));
    }
  }
  for (const exp of EXPERIMENT_METAS) {
    it(`experiment ${exp.id} params`, () => agree(exp.params, exp.id, false));
  }
});
