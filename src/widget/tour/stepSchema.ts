/**
 * The schema of a guided tour's steps: a lesson's `::step[Caption]{until=... do=... highlight=...}`
 * lines are read by it, and its messages name the step, the field and the limit
 * ("tour.steps.2.until: ...") like every other bad input. Written out by hand, like the page's
 * scenario check (checkScenario.ts), so a lesson page does not download zod for it.
 */
import type { FieldError, Parsed } from '../../sim/core/errors';
import { MAX_TIME_MS } from '../../sim/core/limits';
import { COMPARISONS, type Comparison, type StopWhen } from '../../worker/stops';
import type { TourStep } from './steps';

export const MAX_STEPS = 30;
export const MAX_CAPTION_CHARS = 600;
const MAX_UNTIL_CHARS = 80;
const MAX_HIGHLIGHT_CHARS = 80;
const MAX_ARG_CHARS = 64;
const MAX_EVENT_COUNT = 1000;

/** The attributes a step may have (besides `arg-<name>`). */
const FIELDS = ['until', 'do', 'highlight'];
/** A node a step points at: a server id from 0 (S1 is 0), or whoever is leader or candidate. */
const NODE_REF = /^(leader|candidates|\d{1,3})$/;
const ACTION_NAME = /^[A-Za-z][\w-]{0,31}$/;

/**
 * `event:leader` (`event:vote*2` for the second), `t:500` (virtual ms), `metric:term>=2`.
 * Returns what is wrong as a phrase when it is none of them.
 */
export function parseUntil(s: string): StopWhen | string {
  let m = /^event:([A-Za-z][\w-]*)(?:\*(\d+))?$/.exec(s);
  if (m) {
    const nth = m[2] ? Number(m[2]) : 1;
    if (nth < 1 || nth > MAX_EVENT_COUNT)
      return `counts ${nth} events; the count is 1 to ${MAX_EVENT_COUNT}`;
    return { kind: 'event', event: m[1]!, nth };
  }
  m = /^t:(\d+)$/.exec(s);
  if (m) {
    const atMs = Number(m[1]);
    if (atMs > MAX_TIME_MS) return `is above the maximum time ${MAX_TIME_MS} ms`;
    return { kind: 'time', atMs };
  }
  m = /^metric:([A-Za-z]\w*)\s*(>=|<=|==|!=|>|<)\s*(-?\d+(?:\.\d+)?)$/.exec(s);
  if (m && COMPARISONS.includes(m[2] as Comparison))
    return { kind: 'metric', metric: m[1]!, op: m[2] as Comparison, value: Number(m[3]) };
  return 'is not a stop: write event:<kind> (event:vote*2 for the second), t:<ms> or metric:<name>>=<number>';
}

/** Sets an own field: a step's `__proto__` is then an attribute the check names, not a prototype. */
const define = (o: Record<string, string | undefined>, key: string, value: string): void => {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
};

const longer = (max: number) => `is longer than the maximum ${max} characters`;

/** One step's attributes and caption text; errors are pushed with paths under `at`. */
function parseStep<C>(
  attrs: Record<string, string | undefined>,
  caption: C,
  text: string,
  at: string,
  errors: FieldError[],
): TourStep<C> | null {
  const before = errors.length;
  const bad = (field: string, message: string) => errors.push({ path: `${at}.${field}`, message });
  const trimmed = text.trim();
  if (!trimmed) bad('caption', 'needs at least 1 characters (the text in ::step[...])');
  else if (trimmed.length > MAX_CAPTION_CHARS) bad('caption', longer(MAX_CAPTION_CHARS));
  const args: Record<string, string> = {};
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || k === 'class' || k === 'id') continue;
    if (k.startsWith('arg-')) {
      if (v.length > MAX_ARG_CHARS) bad(k, longer(MAX_ARG_CHARS));
      else define(args, k.slice(4), v);
    } else if (!FIELDS.includes(k))
      bad(k, `is not a step attribute (${FIELDS.join(', ')}, arg-<name>)`);
  }
  let until: StopWhen | null = null;
  const rawUntil = attrs.until;
  if (rawUntil === undefined || !rawUntil.trim())
    bad('until', 'is required (event:<kind>, t:<ms> or metric:<name><op><number>)');
  else if (rawUntil.length > MAX_UNTIL_CHARS) bad('until', longer(MAX_UNTIL_CHARS));
  else {
    const u = parseUntil(rawUntil.trim());
    if (typeof u === 'string') bad('until', `${JSON.stringify(rawUntil)} ${u}`);
    else until = u;
  }
  const action = attrs.do;
  if (action !== undefined && !ACTION_NAME.test(action))
    bad('do', `${JSON.stringify(action)} is not an action name`);
  const rawHighlight = attrs.highlight ?? '';
  const highlight = rawHighlight.split(/[\s,]+/).filter(Boolean);
  if (rawHighlight.length > MAX_HIGHLIGHT_CHARS) bad('highlight', longer(MAX_HIGHLIGHT_CHARS));
  else {
    const wrong = highlight.filter((r) => !NODE_REF.test(r));
    if (wrong.length)
      bad(
        'highlight',
        `${wrong.map((w) => JSON.stringify(w)).join(', ')}: names a node as a server number from 0 (S1 is 0), leader or candidates`,
      );
  }
  if (errors.length > before || !until) return null;
  return {
    until,
    caption,
    text: trimmed,
    highlight,
    ...(action !== undefined && { do: { action, args } }),
  };
}

/** Steps from each step's raw attributes; errors say `tour.steps.N.field: ...`. */
export function parseSteps<C>(
  raws: readonly { attrs: Record<string, string | undefined>; caption: C; text: string }[],
): Parsed<TourStep<C>[]> {
  if (raws.length === 0)
    return { ok: false, errors: [{ path: 'tour.steps', message: 'needs at least 1 ::step line' }] };
  if (raws.length > MAX_STEPS)
    return {
      ok: false,
      errors: [
        { path: 'tour.steps', message: `${raws.length} items is above the maximum ${MAX_STEPS}` },
      ],
    };
  const steps: TourStep<C>[] = [];
  const errors: FieldError[] = [];
  raws.forEach((raw, i) => {
    const s = parseStep(raw.attrs, raw.caption, raw.text, `tour.steps.${i + 1}`, errors);
    if (s) steps.push(s);
  });
  return errors.length ? { ok: false, errors } : { ok: true, value: steps };
}

/**
 * The embed's `tour` attribute: a JSON list of `{ "caption", "until", "do"?, "args"?,
 * "highlight"? }`, read by the same rules as a lesson's `::step` lines.
 */
export function stepsFromJson(raw: string): Parsed<TourStep<string>[]> {
  const bad = (message: string): Parsed<TourStep<string>[]> => ({
    ok: false,
    errors: [{ path: 'tour', message }],
  });
  if (raw.length > MAX_STEPS * (MAX_CAPTION_CHARS + 400)) return bad('is too long to be a tour');
  let list: unknown;
  try {
    list = JSON.parse(raw);
  } catch {
    return bad('is not JSON (a list of steps like [{"caption": "...", "until": "event:leader"}])');
  }
  if (!Array.isArray(list)) return bad('is not a list of steps');
  const raws: { attrs: Record<string, string | undefined>; caption: string; text: string }[] = [];
  const errors: FieldError[] = [];
  list.forEach((item: unknown, i) => {
    const at = `tour.steps.${i + 1}`;
    if (!item || typeof item !== 'object' || Array.isArray(item)) {
      errors.push({ path: at, message: 'is not a step (an object)' });
      return;
    }
    const attrs: Record<string, string | undefined> = {};
    let caption = '';
    for (const [k, v] of Object.entries(item as Record<string, unknown>)) {
      if (k === 'caption' && typeof v === 'string') caption = v;
      else if (k === 'args' && v && typeof v === 'object' && !Array.isArray(v))
        for (const [name, a] of Object.entries(v)) attrs[`arg-${name}`] = String(a);
      else if (typeof v === 'string' || typeof v === 'number') define(attrs, k, String(v));
      else errors.push({ path: `${at}.${k}`, message: 'expected a string' });
    }
    raws.push({ attrs, caption, text: caption });
  });
  if (errors.length) return { ok: false, errors };
  return parseSteps(raws);
}
