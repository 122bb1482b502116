/**
 * Size and nesting limits of a scenario's JSON text, checked in one linear pass before anything
 * parses or walks it: a 10,000-deep or 3 MB text gets a message instead of a stack overflow or a
 * page that stops answering.
 */
import { MAX_JSON_DEPTH, MAX_SCENARIO_CHARS } from './limits';

const OPEN_BRACE = 123;
const OPEN_BRACKET = 91;
const CLOSE_BRACE = 125;
const CLOSE_BRACKET = 93;
const QUOTE = 34;
const BACKSLASH = 92;

/** Why `text` is too big or too deep to be a scenario, or null when it is within the limits. */
export function jsonTextProblem(text: string): string | null {
  if (text.length > MAX_SCENARIO_CHARS)
    return `is ${text.length.toLocaleString('en-US')} characters long, above the maximum ${MAX_SCENARIO_CHARS.toLocaleString('en-US')}`;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (++depth > MAX_JSON_DEPTH) return `nests deeper than the maximum ${MAX_JSON_DEPTH} levels`;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) depth--;
  }
  return null;
}
