/**
 * Checks one lesson's claims: every `:claim{#id}` in the text has a check in the sidecar, every
 * check is used in the text, and each measured value holds. Used by the tests (which fail with
 * the lesson, the line and the value) and by the build (which fills `show`n values into the text).
 */
import { claimContext } from './context';
import type { Claims, Measured } from './define';
import { readLessonSource } from './source';

export interface ClaimResult {
  id: string;
  line: number;
  says: string;
  /** What the text shows for it now (the directive's label). */
  label: string;
  measured?: Measured;
  /** The text the build fills in (only for claims with `show`). */
  shown?: string;
  problem: string | null;
}

const showValue = (v: Measured): string => (typeof v === 'string' ? v : JSON.stringify(v));

export async function evaluateClaims(
  lessonId: string,
  markdown: string,
  claims: Claims,
  model?: string,
  options: { onlyShown?: boolean } = {},
): Promise<ClaimResult[]> {
  const src = readLessonSource(markdown);
  const ctx = claimContext(lessonId, src, model);
  const used = new Set(src.claims.map((c) => c.attrs.id ?? ''));
  const out: ClaimResult[] = [];
  for (const d of src.claims) {
    const id = d.attrs.id ?? '';
    const c = claims[id];
    const base = { id, line: d.line, label: d.label };
    if (!c) {
      out.push({ ...base, says: '', problem: `no check "${id}" in ${lessonId}.claims.ts` });
      continue;
    }
    if (options.onlyShown && !c.show) continue;
    let measured: Measured;
    try {
      measured = (await c.measure(ctx)) as Measured;
    } catch (e) {
      out.push({ ...base, says: c.says, problem: `the check threw: ${String(e)}` });
      continue;
    }
    const shown = c.show ? c.show(measured as never) : undefined;
    let problem: string | null = null;
    if (!c.holds(measured as never)) problem = `does not hold: measured ${showValue(measured)}`;
    // A label may wrap across lines in the markdown, as the rendered text does.
    else if (shown !== undefined && d.label !== '' && d.label.replace(/\s+/g, ' ') !== shown)
      problem = `holds, but the text says "${d.label}" where the check measured "${shown}": update the text`;
    out.push({ ...base, says: c.says, measured, ...(shown !== undefined && { shown }), problem });
  }
  for (const id of Object.keys(claims))
    if (!used.has(id))
      out.push({
        id,
        line: 0,
        says: claims[id]!.says,
        label: '',
        problem: `the check is not marked in the text (add :claim[...]{#${id}})`,
      });
  return out;
}

/** One line per failing claim: `content/x.md:42 claim #id "says": problem`. */
export const describeFailures = (lessonId: string, results: readonly ClaimResult[]): string[] =>
  results
    .filter((r) => r.problem)
    .map((r) => `content/${lessonId}.md:${r.line} claim #${r.id} "${r.says}": ${r.problem}`);
