/**
 * Every step of a lesson asks the learner to do or predict something (issue #12: "each step
 * asking the learner to do or predict something"). A step is a `##` section; it passes when it
 * holds an action button, a predict question, a tour, an experiment or a new widget, or a
 * sentence that tells the learner what to do in the widget ("Play until…", "Click P0's…",
 * "Switch to…"). Summaries ("What to take away") may narrate; the text before the first `##` is
 * the intro and is not a step.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const CONTENT = join(__dirname, '../../../content');

/** Headings of sections that may only narrate: summaries and reading lists. */
export const NARRATIVE_HEADINGS = new Set(['What to take away', 'Further reading']);

/** Directives that make a step interactive on their own. */
const INTERACTIVE_DIRECTIVE =
  /(^|[^:]):action\[|^:{3,}predict\{|^:{3,}tour\{|^::experiment\{|^::widget\{/m;

/** Verbs that open an instruction to the learner, at the start of a sentence or after "then". */
const VERBS = [
  'Play',
  'Press',
  'Click',
  'Hover',
  'Pause',
  'Switch',
  'Set',
  'Turn',
  'Open',
  'Try',
  'Make',
  'Let',
  'Crash',
  'Cut',
  'Heal',
  'Restart',
  'Send',
  'Add',
  'Remove',
  'Drag',
  'Run',
  'Reset',
  'Stop',
  'Tick',
  'Untick',
  'Find',
  'Follow',
  'Compare',
  'Predict',
  'Watch',
  'Keep',
  'Pick',
  'Change',
];
const VERB = `(?:${VERBS.join('|')})`;
/** A verb opening a sentence, or (any case) after "then": "…, then press Play"; or "…, try". */
const INSTRUCTION = [
  new RegExp(`(^|[.!?:]\\s+|\\()${VERB}\\b`, 'm'),
  new RegExp(`\\bthen\\s+${VERB}\\b`, 'im'),
  /,\s+(try|predict)\b/,
];

export interface Step {
  heading: string;
  line: number;
  body: string;
}

/** The `##` sections of a lesson, with their 1-based heading lines (frontmatter counted). */
export function stepsOf(md: string): Step[] {
  const lines = md.split('\n');
  const out: Step[] = [];
  let fence = false;
  lines.forEach((text, i) => {
    if (/^```/.test(text)) fence = !fence;
    const m = !fence && /^## (.+)$/.exec(text);
    if (m) out.push({ heading: m[1]!.trim(), line: i + 1, body: '' });
    else if (out.length) out[out.length - 1]!.body += `${text}\n`;
  });
  return out;
}

/** Steps that only narrate, one line each: `line 70 "The theorem, in plain words"`. */
export function narratingSteps(md: string): string[] {
  return stepsOf(md)
    .filter((s) => !NARRATIVE_HEADINGS.has(s.heading))
    .filter(
      (s) => !INTERACTIVE_DIRECTIVE.test(s.body) && !INSTRUCTION.some((re) => re.test(s.body)),
    )
    .map((s) => `line ${s.line} "${s.heading}"`);
}

describe('lesson steps', () => {
  it('finds a step that only narrates, and passes steps that ask for something', () => {
    const md = [
      'Intro text that only narrates.',
      '## Background',
      'Gilbert and Lynch proved a theorem about replicas.',
      '## Do it',
      'Cut the network, then watch the verdict.',
      '## Button',
      'Now :action[heal]{widget=w action=heal} it.',
      '## Question',
      '::::predict{#q widget=w answer=1}',
      '::::',
      '## What to take away',
      '- Partitions happen.',
    ].join('\n');
    expect(narratingSteps(md)).toEqual(['line 2 "Background"']);
  });

  it('does not take a verb inside a sentence, or a heading inside a code block, as a step', () => {
    const md = [
      '## Story',
      'The client will play it safe and set a timer.',
      '```',
      '## Not a heading',
      '```',
    ].join('\n');
    expect(narratingSteps(md)).toEqual(['line 1 "Story"']);
    expect(stepsOf(md)).toHaveLength(1);
  });

  for (const f of readdirSync(CONTENT).filter((n) => n.endsWith('.md')))
    it(`${f}: every step asks the learner to do or predict something`, () => {
      expect(narratingSteps(readFileSync(join(CONTENT, f), 'utf8'))).toEqual([]);
    });
});
