/**
 * The editor's Apply check: the text must be JSON, and the scenario must pass checkScenario (the
 * page's check, which reports what the worker's zod check would). Each problem says where in the
 * text it is, for Monaco markers.
 */
import { formatError } from '../../sim/core/errors';
import { jsonTextProblem } from '../../sim/core/jsonText';
import type { Scenario } from '../../sim/core/types';
import { checkScenario } from '../../widget/checkScenario';
import { errorSpans, locateJson, type Span } from './jsonLocate';

export interface TextProblem {
  /** "params.nodes: 40 is above the maximum 64", or a JSON syntax message. */
  message: string;
  spans: Span[];
}

export type TextCheck = { ok: true; scenario: Scenario } | { ok: false; problems: TextProblem[] };

/** Line and column (1-based) of an offset, for messages. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

export function checkText(text: string): TextCheck {
  // Size and nesting first, in one linear pass: the locating parser recurses per level.
  const tooBig = jsonTextProblem(text);
  if (tooBig)
    return {
      ok: false,
      problems: [{ message: `(root): the scenario ${tooBig}`, spans: [{ start: 0, end: 1 }] }],
    };
  const located = locateJson(text);
  if (!located.ok) {
    const { line, column } = lineColumn(text, located.offset);
    return {
      ok: false,
      problems: [
        {
          message: `JSON: ${located.message} (line ${line}, column ${column})`,
          spans: [{ start: located.offset, end: Math.min(text.length, located.offset + 1) }],
        },
      ],
    };
  }
  const checked = checkScenario(located.value);
  if (checked.ok) return { ok: true, scenario: checked.value };
  return {
    ok: false,
    problems: checked.errors.map((e) => ({
      message: formatError(e),
      spans: errorSpans(located.root, e.path, e.message),
    })),
  };
}
