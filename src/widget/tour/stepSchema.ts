/**
 * The schema of a guided tour's steps: a lesson's `::step[Caption]{until=... do=... highlight=...}`
 * lines are read by it, and its messages name the step and the field ("tour.steps.2.until: ...")
 * like every other bad input.
 */
import { z } from 'zod';
import { fieldErrors, type FieldError, type Parsed } from '../../sim/core/errors';
import { MAX_TIME_MS } from '../../sim/core/scenario';
import { COMPARISONS, type Comparison, type StopWhen } from '../../worker/stops';
import type { TourStep } from './steps';

export const MAX_STEPS = 30;
export const MAX_CAPTION_CHARS = 600;

/** A node a step points at: a server id from 0 (S1 is 0), or whoever is leader or candidate. */
const NODE_REF = /^(leader|candidates|\d{1,3})$/;

const untilSchema = z
  .string()
  .min(1)
  .max(80)
  .transform((s, ctx): StopWhen => {
    const u = parseUntil(s.trim());
    if (typeof u === 'string') {
      ctx.addIssue({ code: 'custom', message: `${JSON.stringify(s)} ${u}` });
      return z.NEVER;
    }
    return u;
  });

/** One step's attributes (strings, as directives give them). */
export const stepSchema = z.strictObject({
  caption: z.string().trim().min(1).max(MAX_CAPTION_CHARS),
  until: untilSchema,
  do: z
    .string()
    .regex(/^[A-Za-z][\w-]{0,31}$/, 'is not an action name')
    .optional(),
  highlight: z
    .string()
    .max(80)
    .transform((s) => s.split(/[\s,]+/).filter(Boolean))
    .refine((refs) => refs.every((r) => NODE_REF.test(r)), {
      message: 'names a node as a server number from 0 (S1 is 0), leader or candidates',
    })
    .optional(),
  /** `arg-<name>` attributes of the action, collected. */
  args: z.record(z.string(), z.string().max(64)).optional(),
});

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
    const args: Record<string, string> = {};
    const rest: Record<string, unknown> = { caption: raw.text };
    for (const [k, v] of Object.entries(raw.attrs)) {
      if (v === undefined || k === 'class' || k === 'id') continue;
      if (k.startsWith('arg-')) args[k.slice(4)] = v;
      else rest[k] = v;
    }
    if (Object.keys(args).length) rest.args = args;
    const r = stepSchema.safeParse(rest, { reportInput: true });
    if (!r.success) {
      errors.push(...fieldErrors(r.error, `tour.steps.${i + 1}`));
      return;
    }
    const v = r.data;
    steps.push({
      until: v.until,
      caption: raw.caption,
      text: v.caption,
      highlight: v.highlight ?? [],
      ...(v.do && { do: { action: v.do, args: v.args ?? {} } }),
    });
  });
  return errors.length ? { ok: false, errors } : { ok: true, value: steps };
}

/**
 * `event:leader` (`event:vote*2` for the second), `t:500` (virtual ms), `metric:term>=2`.
 * Returns what is wrong as a phrase when it is none of them.
 */
export function parseUntil(s: string): StopWhen | string {
  let m = /^event:([A-Za-z][\w-]*)(?:\*(\d+))?$/.exec(s);
  if (m) {
    const nth = m[2] ? Number(m[2]) : 1;
    if (nth < 1 || nth > 1000) return `counts ${nth} events; the count is 1 to 1000`;
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
