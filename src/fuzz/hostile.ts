/**
 * Hostile inputs for the fuzz tests of every way in (share links, query strings, routes, embed
 * attributes, scenario files, lesson directives, CLI flags) and for the `validate` benchmark:
 * prototype names, malformed `%` escapes, numbers that are not quite numbers, deep nesting and
 * huge texts. Test and benchmark code only; nothing in the app imports it.
 */
import fc from 'fast-check';

/** Names every plain object answers to without owning them. */
export const PROTO_NAMES = [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'isPrototypeOf',
  '__defineGetter__',
] as const;

/** `%` escapes decodeURIComponent refuses (a lone `%`, a cut UTF-8 sequence, an overlong one). */
export const BAD_ESCAPES = ['%', '%E0%A4%A', '%zz', '%%', '%C0%AF', '%ED%A0%80', 'a%2'] as const;

/** Texts that look like numbers to some readers and not to others. */
export const NUMBERISH = ['', ' ', '0x10', '1e3', '1e309', '-0', '-1', 'NaN', 'Infinity', '1.5'];

/** 10,000 levels of nesting, as a list and as an object. */
export const DEEP_LIST = '['.repeat(10_000) + ']'.repeat(10_000);
export const DEEP_OBJECT = '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000);
/** "1" and 60,000 spaces (a backtracking pattern took seconds over it), and a 1 MB string. */
export const SPACES = '1' + ' '.repeat(60_000);
export const MEGABYTE = 'x'.repeat(1 << 20);

/** A scenario of `n` inputs of `action` (10,000 fit in a share link; 100,000 do not). */
export const manyInputs = (model: string, action: string, n: number) => ({
  model,
  params: {},
  seed: 1,
  inputs: Array.from({ length: n }, (_, i) => ({ at: i, action })),
});

/** base64url of a UTF-8 text, as a share link's `s=` holds it. */
export const b64url = (text: string): string =>
  Buffer.from(text, 'utf8').toString('base64').replace(/\+/g, '-').replace(/\//g, '_');

/** One hostile short string: fuzz text, a prototype name, a bad escape, a near-number, JSON bits. */
export const hostileShort: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ maxLength: 6, unit: 'binary' }),
  fc.constantFrom(...PROTO_NAMES),
  fc.constantFrom(...BAD_ESCAPES),
  fc.constantFrom(...NUMBERISH),
  fc.constantFrom('[[0,99]]', '{"__proto__":1}', '[1,', '{}', '[]', 'true', 'null', 'none', 'all'),
);

/** The huge ones, drawn rarely: each costs a linear pass, not a stack or a quadratic loop. */
export const hostileHuge: fc.Arbitrary<string> = fc.constantFrom(
  DEEP_LIST,
  DEEP_OBJECT,
  SPACES,
  MEGABYTE,
);

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: hostileShort, weight: 20 },
  { arbitrary: hostileHuge, weight: 1 },
);

/** How many runs a property gets: a few hundred in `npm test`, many more in `npm run test:long`. */
export const runs = (short = 300, long = 20_000): number => (process.env.DSP_LONG ? long : short);

/** A field path as errors write it: `params.nodes`, `inputs.0.action`, `param-nodes`, `(root)`. */
export const FIELD_PATH = /^(\(root\)|[\w$*-]+(\.[\w$*-]+)*)$/;
/** A formatted error: the path, a colon, the message. */
export const NAMED_MESSAGE = /^(\(root\)|[\w$*-]+(\.[\w$*-]+)*): \S/;
