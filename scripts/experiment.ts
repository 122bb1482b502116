/**
 * The experiment CLI: the same experiment code the browser runs in its worker pool.
 *   npm run -s experiment -- <name> [--<param> <value>]... [--seed N] [--format json|csv]
 *   npm run -s experiment -- --list [--format json]
 *   npm run -s experiment -- --scenario <file.json | app link | -> [--until ms] [--log]
 * Prints one JSON document (or CSV) on stdout; progress and logs go to stderr. A bad flag or value
 * exits with status 2 and a message naming it.
 *
 * `--scenario` replays one scenario (a file, an app link, or `-` for stdin) through the same
 * schema and simulation as the app and prints its fingerprint, metrics and invariants: the
 * fingerprint equals the one the app's share box shows for the same run.
 */
import { checkHistoryCli } from './checkHistory';
import { ZOD_ATTRS_CATALOG } from '../src/sim/attrsCatalog';
import { EXPERIMENT_METAS } from '../src/sim/catalog';
import { formatError, parseWith } from '../src/sim/core/errors';
import { jsonTextProblem } from '../src/sim/core/jsonText';
import { MAX_TIME_MS } from '../src/sim/core/limits';
import { jsonSchemaOf } from '../src/sim/core/info';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadExperiment } from '../src/sim/registry';
import { replayScenario } from '../src/sim/replay';
import { scenarioFromAttrsWith, type Attrs, type AttrsCatalog } from '../src/widget/scenarioAttrs';
import { toCsv } from '../src/ui/download';
import { coerce, fieldsOf } from '../src/ui/schemaFields';

/** Bad input: main prints `experiment: <message>` and exits 2. */
export class UsageError extends Error {}

function fail(message: string): never {
  throw new UsageError(message);
}

/** Reads a scenario source (a path, or `-` for stdin); the fuzz tests pass their own. */
export type ReadSource = (source: string) => string;
const readSource: ReadSource = (source) => readFileSync(source === '-' ? 0 : source, 'utf8');

interface Parsed {
  name: string | null;
  flags: Map<string, string>;
}

export function parseArgs(argv: string[]): Parsed {
  let name: string | null = null;
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const key = eq > 0 ? a.slice(2, eq) : a.slice(2);
      let value: string;
      if (eq > 0) value = a.slice(eq + 1);
      else if (i + 1 < argv.length && !argv[i + 1]!.startsWith('--')) value = argv[++i]!;
      else value = 'true';
      if (!key) fail(`"${a}" is not a flag`);
      if (flags.has(key)) fail(`--${key} is given twice`);
      flags.set(key, value);
    } else if (name === null) name = a;
    else fail(`unexpected argument "${a}" (params are given as --name value)`);
  }
  return { name, flags };
}

function list(format: string): void {
  const items = EXPERIMENT_METAS.map((m) => ({
    name: m.id,
    model: m.model,
    title: m.title,
    description: m.description,
    params: fieldsOf(jsonSchemaOf(m.params)).map((f) => ({
      name: f.key,
      type: f.kind,
      ...(f.min !== undefined && { min: f.min }),
      ...(f.max !== undefined && { max: f.max }),
      ...(f.options && { options: f.options }),
      default: f.default,
      ...(f.description && { description: f.description }),
    })),
  }));
  if (format === 'json') {
    process.stdout.write(JSON.stringify(items, null, 2) + '\n');
    return;
  }
  for (const e of items) {
    process.stdout.write(`${e.name}  (${e.model})  ${e.title}\n  ${e.description}\n`);
    for (const p of e.params) {
      const range = p.options
        ? p.options.join('|')
        : p.min !== undefined
          ? `${p.min}..${p.max ?? ''}`
          : p.type;
      process.stdout.write(
        `    --${p.name.padEnd(16)} ${String(range).padEnd(22)} default ${JSON.stringify(p.default)}\n`,
      );
    }
    process.stdout.write('\n');
  }
}

const NODE_CATALOG: AttrsCatalog = ZOD_ATTRS_CATALOG;

/**
 * An app link's scenario and time, read by the same rules as the app (`s=`, or a preset with
 * `param-*=` and `seed=` overrides; `t=` is the time), or null if `text` is not a link.
 */
function fromLink(text: string): { raw: unknown; t: number | null } | null {
  if (!/^https?:\/\//.test(text) && !text.includes('#/')) return null;
  const hash = text.slice(Math.max(0, text.indexOf('#')));
  const route = /^#\/(?:play|editor|lab)\/([^/?]+)/.exec(hash)?.[1];
  const q = hash.indexOf('?');
  const attrs: Attrs = Object.fromEntries(new URLSearchParams(q < 0 ? '' : hash.slice(q + 1)));
  const t = attrs.t;
  delete attrs.t;
  let model: string | undefined;
  try {
    model = route === undefined ? undefined : decodeURIComponent(route);
  } catch {
    fail(`the link: the model "${route}" has a % escape that is not valid`);
  }
  const r = scenarioFromAttrsWith(NODE_CATALOG, attrs, model);
  if (!r.ok) fail(r.errors.map((e) => `the link: ${formatError(e)}`).join('\n'));
  return { raw: r.value, t: t === undefined ? null : wholeMs('the link: t', t) };
}

/** A time in whole ms written in decimal digits ("", "0x10", "1e3" and "-1" are not). */
function wholeMs(name: string, raw: string): number {
  const n = /^\d{1,9}$/.test(raw) ? Number(raw) : NaN;
  if (!(n >= 0 && n <= MAX_TIME_MS))
    fail(
      `${name}: ${JSON.stringify(raw)} is not a whole number of ms from 0 to the maximum ${MAX_TIME_MS}`,
    );
  return n;
}

function readScenario(
  source: string,
  read: ReadSource,
): { raw: unknown; t: number | null; label: string } {
  const link = fromLink(source);
  if (link) return { ...link, label: 'the link' };
  let text: string;
  try {
    text = read(source);
  } catch (e) {
    fail(
      `--scenario: cannot read ${source === '-' ? 'stdin' : `"${source}"`} (${(e as NodeJS.ErrnoException).code ?? String(e)})`,
    );
  }
  const label = source === '-' ? 'stdin' : source;
  const tooBig = jsonTextProblem(text);
  if (tooBig) fail(`${label}: the scenario ${tooBig}`);
  const asLink = fromLink(text.trim());
  if (asLink) return { ...asLink, label };
  try {
    return { raw: JSON.parse(text) as unknown, t: null, label };
  } catch (e) {
    fail(`${label}: not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
}

/** What the command line asks for, every flag and value checked; nothing run yet. */
export type Plan =
  | { kind: 'list'; format: string }
  | { kind: 'replay'; raw: unknown; until: number | undefined; log: boolean; label: string }
  | { kind: 'run'; name: string; exp: Experiment; params: unknown; format: string };

type Experiment = NonNullable<Awaited<ReturnType<typeof loadExperiment>>>;

function replayPlan(flags: Map<string, string>, format: string, read: ReadSource): Plan {
  for (const key of flags.keys())
    if (!['scenario', 'until', 'log'].includes(key))
      fail(`--${key}: not a flag of --scenario (it takes --until and --log)`);
  if (format !== 'json') fail(`--format: a replay prints json, not ${format}`);
  const { raw, t, label } = readScenario(flags.get('scenario')!, read);
  const untilFlag = flags.get('until');
  let until: number | undefined = t ?? undefined;
  if (untilFlag !== undefined) until = wholeMs('--until', untilFlag);
  return { kind: 'replay', raw, until, log: flags.get('log') === 'true', label };
}

/** Reads the arguments (after `experiment`) into a plan, or throws UsageError naming the flag. */
export async function planFrom(argv: string[], read: ReadSource = readSource): Promise<Plan> {
  const { name, flags } = parseArgs(argv);
  const format = flags.get('format') ?? 'json';
  flags.delete('format');
  if (!['json', 'csv', 'text'].includes(format))
    fail(`--format: "${format}" is not one of json, csv`);
  if (flags.has('list')) return { kind: 'list', format };
  if (flags.has('scenario')) {
    if (name) fail(`give an experiment name or --scenario, not both ("${name}")`);
    return replayPlan(flags, format, read);
  }
  if (!name)
    fail(`name an experiment (${EXPERIMENT_METAS.map((e) => e.id).join(', ')}), or use --list`);
  // Looked up by value among the experiments: `constructor` or `__proto__` is none.
  const exp = EXPERIMENT_METAS.some((e) => e.id === name) ? await loadExperiment(name) : undefined;
  if (!exp)
    fail(`"${name}" is not an experiment (${EXPERIMENT_METAS.map((e) => e.id).join(', ')})`);
  const fields = fieldsOf(jsonSchemaOf(exp.meta.params));
  const raw: Record<string, unknown> = {};
  for (const [key, value] of flags) {
    const field = fields.find((f) => f.key === key);
    if (!field)
      fail(`--${key}: unknown parameter of ${name} (${fields.map((f) => f.key).join(', ')})`);
    raw[key] = coerce(field, value);
  }
  const params = parseWith(exp.meta.params, raw, '');
  if (!params.ok)
    fail(params.errors.map((e) => formatError({ ...e, path: `--${e.path}` })).join('\n'));
  return { kind: 'run', name, exp, params: params.value, format };
}

async function replay(plan: Extract<Plan, { kind: 'replay' }>): Promise<void> {
  const { raw, until, log, label } = plan;
  const started = performance.now();
  const r = await replayScenario(raw, until, { log });
  if (!r.ok) fail(r.errors.map((e) => `${label}: ${formatError(e)}`).join('\n'));
  process.stderr.write(
    `replayed ${r.value.scenario.model} to ${r.value.untilMs} ms: ${r.value.eventsProcessed} events in ${((performance.now() - started) / 1000).toFixed(2)} s\n`,
  );
  process.stdout.write(JSON.stringify(r.value, null, 2) + '\n');
}

function run(plan: Extract<Plan, { kind: 'run' }>): void {
  const { name, exp, params, format } = plan;
  const started = performance.now();
  let lastReport = 0;
  let result: Record<string, unknown>;
  try {
    result = exp.run(params as never, (done, total) => {
      const now = performance.now();
      if (now - lastReport < 250 && done < total) return;
      lastReport = now;
      if (process.stderr.isTTY)
        process.stderr.write(`\r${name}: ${Math.round((done / Math.max(1, total)) * 100)}%`);
    }) as Record<string, unknown>;
  } catch (e) {
    fail(e instanceof Error ? e.message : String(e));
  }
  if (process.stderr.isTTY) process.stderr.write('\r');
  process.stderr.write(`${name}: done in ${((performance.now() - started) / 1000).toFixed(2)} s\n`);
  if (format === 'csv') process.stdout.write(toCsv(exp.meta.toRows(result)));
  else
    process.stdout.write(JSON.stringify({ experiment: name, params, ...result }, null, 2) + '\n');
}

async function main(): Promise<void> {
  // A separate subcommand with its own arguments (see scripts/checkHistory.ts).
  if (process.argv[2] === 'check-history') process.exit(checkHistoryCli(process.argv.slice(3)));
  const plan = await planFrom(process.argv.slice(2));
  if (plan.kind === 'list') list(plan.format);
  else if (plan.kind === 'replay') await replay(plan);
  else run(plan);
}

// A bug must still end in one line, not a stack trace: bad input exits 2 with its message.
if (process.argv[1] === fileURLToPath(import.meta.url))
  await main().catch((e: unknown) => {
    if (e instanceof UsageError) {
      process.stderr.write(`experiment: ${e.message}\n`);
      process.exit(2);
    }
    process.stderr.write(
      `experiment: internal error: ${e instanceof Error ? e.message : String(e)}\n`,
    );
    process.exit(1);
  });
