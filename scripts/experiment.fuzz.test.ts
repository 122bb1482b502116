/**
 * Fuzzing the experiment CLI's flags in process (experiment.test.ts runs the command itself):
 * whatever argv holds (prototype names as experiments and flags, malformed `%` escapes in app
 * links, numberish times, megabyte values, 100,000 flags), reading it either gives a plan or a
 * UsageError naming the flag, never another exception; good flags are taken.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXPERIMENT_METAS } from '../src/sim/catalog';
import { jsonSchemaOf } from '../src/sim/core/info';
import { fieldsOf } from '../src/ui/schemaFields';
import {
  b64url,
  BAD_ESCAPES,
  DEEP_LIST,
  hostileShort,
  hostileString,
  manyInputs,
  NUMBERISH,
  PROTO_NAMES,
  runs,
} from '../src/fuzz/hostile';
import { planFrom, UsageError, type Plan } from './experiment';

const NAMES = EXPERIMENT_METAS.map((e) => e.id);
const PARAM_NAMES = [
  ...new Set(EXPERIMENT_METAS.flatMap((e) => fieldsOf(jsonSchemaOf(e.params)).map((f) => f.key))),
];

/** No file is read: a source is "missing" unless it is one of these. */
const FILES: Record<string, string> = {
  'good.json': JSON.stringify(manyInputs('hashring', 'addNode', 3)),
  'deep.json': DEEP_LIST,
  'proto.json': '{"model":"raft","inputs":[{"at":0,"action":"constructor"}]}',
  'huge.json': JSON.stringify(manyInputs('hashring', 'addNode', 100_000)),
  '-': '#/play/raft?param-__proto__=1',
};
const read = (source: string): string => {
  if (Object.hasOwn(FILES, source)) return FILES[source]!;
  throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
};

/** Either a plan, or a UsageError; anything else thrown is a bug. */
async function attempt(argv: string[]): Promise<Plan | UsageError> {
  try {
    return await planFrom(argv, read);
  } catch (e) {
    if (e instanceof UsageError) return e;
    throw e;
  }
}

const link = fc
  .tuple(
    fc.constantFrom('https://x.test/#/play/', '#/play/', '#/editor/', 'http://x/#/lab/'),
    fc.oneof(fc.constantFrom('raft', 'hashring', ...PROTO_NAMES, ...BAD_ESCAPES), hostileShort),
    fc.array(
      fc.tuple(
        fc.constantFrom(
          't',
          's',
          'seed',
          'preset',
          'param-nodes',
          ...PROTO_NAMES.map((p) => `param-${p}`),
        ),
        fc.oneof(hostileShort, fc.constantFrom(b64url(DEEP_LIST), b64url('{"model":5}'))),
      ),
      { maxLength: 3 },
    ),
  )
  .map(([head, model, q]) => `${head}${model}?${q.map(([k, v]) => `${k}=${v}`).join('&')}`);

const flagName = fc.oneof(
  fc.constantFrom('format', 'list', 'scenario', 'until', 'log', 'seed', ...PARAM_NAMES),
  fc.constantFrom(...PROTO_NAMES),
  hostileShort,
);
const flagValue = fc.oneof(
  hostileString,
  link,
  fc.constantFrom(...Object.keys(FILES), ...NUMBERISH, 'json', 'csv'),
);
const argv = fc
  .tuple(
    fc.option(fc.oneof(fc.constantFrom(...NAMES, ...PROTO_NAMES), hostileShort)),
    fc.array(
      fc
        .tuple(flagName, flagValue, fc.boolean())
        .map(([k, v, eq]) => (eq ? [`--${k}=${v}`] : [`--${k}`, v])),
      { maxLength: 4 },
    ),
  )
  .map(([name, flags]) => [...(name === null ? [] : [name]), ...flags.flat()]);

describe('experiment CLI flags under fuzzing', () => {
  it('gives a plan or a message naming the flag, never another error', async () => {
    await fc.assert(
      fc.asyncProperty(argv, async (args) => {
        const r = await attempt(args);
        if (r instanceof UsageError) {
          expect(r.message.length).toBeGreaterThan(0);
          expect(r.message).not.toMatch(/\n\s+at /);
          // It names what is wrong: a flag, the link, a file, the experiment or the arguments.
          expect(r.message).toMatch(/--|the link|"|stdin|\.json|name an experiment|give/);
        }
      }),
      { numRuns: runs(300, 5000) },
    );
  });

  it.each([
    [['constructor'], '"constructor" is not an experiment'],
    [['__proto__'], '"__proto__" is not an experiment'],
    [['toString'], '"toString" is not an experiment'],
    [['hashring-balance', '--constructor', '1'], '--constructor: unknown parameter'],
    [['hashring-balance', '--__proto__', '1'], '--__proto__: unknown parameter'],
    [['hashring-balance', '--nodes', '0x10'], '--nodes: expected a number, got "0x10"'],
    [['--scenario', '#/play/%E0%A4%A'], 'the link: the model "%E0%A4%A" has a % escape'],
    [['--scenario', '#/play/raft?param-constructor=1'], 'the link: param-*: unknown field'],
    [['--scenario', '#/play/raft?t='], 'the link: t: "" is not a whole number'],
    [['--scenario', 'good.json', '--until', '0x10'], '--until: "0x10" is not a whole number'],
    [['--scenario', 'deep.json'], 'deep.json: the scenario nests deeper'],
    [['--scenario', 'huge.json'], 'huge.json: the scenario is'],
    [['--scenario', 'missing.json'], '--scenario: cannot read "missing.json" (ENOENT)'],
    [['--scenario', '-'], 'the link: param-__proto__: is not allowed as a field name'],
  ])('%j is named', async (args, message) => {
    const r = await attempt(args);
    expect(r).toBeInstanceOf(UsageError);
    expect((r as UsageError).message).toContain(message);
  });

  it('takes every experiment with its default flags, and a file, link or stdin to replay', async () => {
    for (const name of NAMES) expect(await attempt([name])).toMatchObject({ kind: 'run', name });
    expect(await attempt(['--scenario', 'good.json', '--until', '5000'])).toMatchObject({
      kind: 'replay',
      until: 5000,
    });
    expect(await attempt(['--scenario', '#/play/raft?seed=3&t=7000'])).toMatchObject({
      kind: 'replay',
      until: 7000,
      raw: { model: 'raft', seed: 3 },
    });
  });

  it('reads 100,000 flags, or a 1 MB one, to one message', async () => {
    const many = Array.from({ length: 100_000 }, (_, i) => `--f${i}=1`);
    const r = await attempt(['hashring-balance', ...many]);
    expect((r as UsageError).message).toMatch(/^--f0: unknown parameter/);
    const big = await attempt(['hashring-balance', `--nodes=${'9'.repeat(1 << 20)}`]);
    expect((big as UsageError).message).toMatch(/^--nodes: /);
  });
});
