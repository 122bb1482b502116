/**
 * A ```ds-playground fence to a `<ds-playground>` tag, checked at docs-build time (Node) by the
 * project's one scenario schema: the same attribute reader as URL queries, lesson directives and
 * the element (`widget/scenarioAttrs.ts`), with the zod metas (`sim/attrsCatalog.ts`), and the
 * element's own option parser (`embed/options.ts`). Two forms:
 *
 *   ```ds-playground            ```ds-playground height=300 controls="playback log"
 *   model=raft                  { "model": "raft", "seed": 5, "params": { "nodes": 5 } }
 *   preset=election             ```
 *   param-nodes=5
 *   ```
 *
 * `key=value` lines (blank lines and `#` comments skipped, a bare key is a flag such as
 * `autoplay`), or a scenario JSON body. Options may also follow `ds-playground` on the fence line.
 * A bad fence is a `FenceError` naming the line and the field.
 */
import { formatError, type FieldError } from '../../sim/core/errors';
import { ZOD_ATTRS_CATALOG } from '../../sim/attrsCatalog';
import { scenarioFromAttrsWith, type Attrs } from '../../widget/scenarioAttrs';
import { encodeScenario } from '../../widget/share';
import { parseEmbedOptions } from '../options';

export const FENCE_NAME = 'ds-playground';

const OPTION_KEYS = ['controls', 'autoplay', 'theme', 'height', 'loading', 'label'];
const SCENARIO_KEYS = ['model', 'preset', 'seed', 'inputs', 'scenario'];
const isKnownKey = (k: string): boolean =>
  OPTION_KEYS.includes(k) || SCENARIO_KEYS.includes(k) || /^param-[\w-]+$/.test(k);

export class FenceError extends Error {
  /** `line`: 1-based line in the markdown file; `field`: the attribute (or scenario path). */
  constructor(
    readonly file: string,
    readonly line: number,
    readonly field: string,
    detail: string,
  ) {
    super(`${file}:${line}: ds-playground fence: ${detail}`);
    this.name = 'FenceError';
  }
}

export interface FenceInput {
  /** The fence's info string after the language (`height=300 controls="playback log"`). */
  info: string;
  body: string;
  /** For messages: the markdown file, and the 1-based line of the fence's opening ```. */
  file: string;
  line: number;
}

/** `key=value` or `key="a b"` pairs, and bare keys (flags), from the fence line. */
function infoAttrs(info: string): [string, string][] {
  const out: [string, string][] = [];
  for (const m of info.matchAll(/([\w-]+)(?:=(?:"([^"]*)"|(\S+)))?/g))
    out.push([m[1]!, m[2] ?? m[3] ?? '']);
  return out;
}

const escapeAttr = (v: string): string =>
  v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The `<ds-playground>` tag for a fence; throws a FenceError for the first bad field. */
export function fenceToTag(f: FenceInput): string {
  const written = fenceAttrs(f).map(([k, v]) => (v === '' ? ` ${k}` : ` ${k}="${escapeAttr(v)}"`));
  return `<ds-playground${written.join('')}></ds-playground>`;
}

/** A fence's attributes, checked, in the order written; throws a FenceError for a bad one. */
export function fenceAttrs(f: FenceInput): [string, string][] {
  const lineOf = new Map<string, number>();
  const pairs: [string, string][] = [];
  const add = (k: string, v: string, line: number) => {
    if (!isKnownKey(k))
      throw new FenceError(
        f.file,
        line,
        k,
        `"${k}" is not an attribute (${[...SCENARIO_KEYS, 'param-<name>', ...OPTION_KEYS].join(', ')})`,
      );
    if (lineOf.has(k)) throw new FenceError(f.file, line, k, `${k} is given twice`);
    lineOf.set(k, line);
    pairs.push([k, v]);
  };
  for (const [k, v] of infoAttrs(f.info)) add(k, v, f.line);

  const body = f.body.replace(/\s+$/, '');
  if (body.trimStart().startsWith('{')) {
    let raw: unknown;
    try {
      raw = JSON.parse(body);
    } catch (e) {
      throw new FenceError(
        f.file,
        f.line + 1,
        'scenario',
        `the JSON body: ${(e as Error).message}`,
      );
    }
    const checked = ZOD_ATTRS_CATALOG.checkScenario(raw);
    if (!checked.ok) throw jsonError(f, body, checked.errors[0]!);
    add('scenario', encodeScenario(checked.value), f.line + 1);
  } else {
    body.split('\n').forEach((text, i) => {
      const line = f.line + 1 + i;
      const t = text.trim();
      if (!t || t.startsWith('#')) return;
      const eq = t.indexOf('=');
      const key = (eq < 0 ? t : t.slice(0, eq)).trim();
      if (!/^[\w-]+$/.test(key))
        throw new FenceError(f.file, line, key, `"${t}" is not a key=value line`);
      add(key, eq < 0 ? '' : t.slice(eq + 1).trim(), line);
    });
  }

  const attrs: Attrs = Object.fromEntries(pairs);
  // `param-*: unknown field "x"` is about the line `param-x`.
  const fieldLine = (e: FieldError) => {
    const unknown = /^unknown field "([\w-]+)"/.exec(e.message)?.[1];
    const key = e.path === 'param-*' && unknown ? `param-${unknown}` : e.path.split('.')[0]!;
    return lineOf.get(key) ?? f.line;
  };
  const { errors } = parseEmbedOptions(attrs);
  if (errors[0])
    throw new FenceError(f.file, fieldLine(errors[0]), errors[0].path, formatError(errors[0]));
  if (!lineOf.has('model') && !lineOf.has('scenario'))
    throw new FenceError(f.file, f.line, 'model', 'model: is required (or a scenario JSON body)');
  const scenario = scenarioFromAttrsWith(ZOD_ATTRS_CATALOG, attrs);
  if (!scenario.ok) {
    const e = scenario.errors[0]!;
    throw new FenceError(f.file, fieldLine(e), e.path, formatError(e));
  }
  return pairs;
}

/** A JSON body's error, on the line of the field's last key when it can be found. */
function jsonError(f: FenceInput, body: string, e: FieldError): FenceError {
  const key = e.path
    .split('.')
    .filter((p) => !/^\d+$/.test(p))
    .pop();
  const at = key ? body.split('\n').findIndex((l) => l.includes(`"${key}"`)) : -1;
  return new FenceError(f.file, f.line + 1 + Math.max(at, 0), e.path, formatError(e));
}
