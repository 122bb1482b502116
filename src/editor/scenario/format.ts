/** A scenario as readable JSON: params one per line, each timed input on one line. */
import type { Scenario } from '../../sim/core/types';

const indent = (text: string, by: string) => text.replace(/\n/g, `\n${by}`);

/** `{ "at": 1000, "action": "addNode" }`: one line, a space after each comma and colon. */
const oneLine = (o: object): string =>
  `{ ${Object.entries(o)
    .map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`)
    .join(', ')} }`;

export function formatScenario(s: Scenario): string {
  const inputs = s.inputs.length
    ? `[\n${s.inputs.map((i) => `    ${oneLine(i)}`).join(',\n')}\n  ]`
    : '[]';
  return [
    '{',
    `  "model": ${JSON.stringify(s.model)},`,
    `  "params": ${indent(JSON.stringify(s.params, null, 2), '  ')},`,
    `  "seed": ${JSON.stringify(s.seed)},`,
    `  "inputs": ${inputs}`,
    '}',
    '',
  ].join('\n');
}
