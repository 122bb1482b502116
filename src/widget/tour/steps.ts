/**
 * Guided-tour steps as data: "play until this happens", then pause with a caption. The schema
 * that reads them is in stepSchema.ts (lessons load it; the widget needs only these helpers).
 */
import type { FieldError } from '../../sim/core/errors';
import type { ModelInfo } from '../../sim/core/info';
import type { StopWhen } from '../../worker/stops';

export interface TourStep<Caption = string> {
  until: StopWhen;
  /** What the widget shows (may hold emphasis); `text` is what the event log announces. */
  caption: Caption;
  text: string;
  do?: { action: string; args: Record<string, string> };
  highlight: string[];
}

/** What only the widget's model can say: its actions and metrics. */
export function checkStepsForModel(
  steps: readonly TourStep<unknown>[],
  info: ModelInfo,
): FieldError[] {
  const errors: FieldError[] = [];
  steps.forEach((s, i) => {
    const at = `tour.steps.${i + 1}`;
    // Own actions only: `toString` or `constructor` is not one.
    if (s.do && !Object.hasOwn(info.actions, s.do.action))
      errors.push({
        path: `${at}.do`,
        message: `"${s.do.action}" is not an action of ${info.title} (${Object.keys(info.actions).join(', ')})`,
      });
    const u = s.until;
    if (u.kind === 'metric' && !info.metrics.some((m) => m.id === u.metric))
      errors.push({
        path: `${at}.until`,
        message: `"${u.metric}" is not a metric of ${info.title} (${info.metrics.map((m) => m.id).join(', ')})`,
      });
  });
  return errors;
}

/** Node ids a step's references name, read from a frame's view (any model with `servers`). */
export function resolveNodes(refs: readonly string[], view: unknown): number[] {
  const servers = (view as { servers?: { id: number; role?: string }[] } | null)?.servers ?? [];
  const out = new Set<number>();
  for (const r of refs) {
    if (r === 'leader') for (const s of servers) if (s.role === 'leader') out.add(s.id);
    if (r === 'candidates') for (const s of servers) if (s.role === 'candidate') out.add(s.id);
    if (/^\d+$/.test(r)) out.add(Number(r));
  }
  return [...out].sort((a, b) => a - b);
}

/** An action's arguments with `leader` / a number resolved against the frame shown now. */
export function resolveArgs(args: Record<string, string>, view: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(args)) {
    if (v === 'leader' || v === 'candidates') {
      const id = resolveNodes([v], view)[0];
      if (id !== undefined) out[k] = id;
    } else if (/^-?\d+(\.\d+)?$/.test(v)) out[k] = Number(v);
    else if (v === 'true' || v === 'false') out[k] = v === 'true';
    else out[k] = v;
  }
  return out;
}
